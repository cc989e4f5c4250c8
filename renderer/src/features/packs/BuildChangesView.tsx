import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../shared/api/apiContract';
import type { BuildChangesResult } from '../../../../shared/api/buildRecordTypes';
import type { LocalizedDoc } from '../../../../shared/schemas/common';
import { pickText } from '../../../../shared/domain/pickText';
import { pieceTitle } from '../../../../shared/descriptors/pieceTitle';
import type { Locale } from '../../../../shared/domain/locales';
import { getApi } from '../../api/getApi';
import { toApiError } from '../../api/ApiFailure';
import { ErrorAlert } from '../../components/ErrorAlert';
import { WordDiff } from '../translate/WordDiff';
import './buildChanges.css';

/**
 * "What changed since this build": the same comparison as the PDF's changes page (packChanges),
 * by section, with the kind of each change and a word diff of each changed text.
 */
export function BuildChangesView({ packId, buildId, onClose }: { packId: string; buildId: string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const [result, setResult] = useState<BuildChangesResult | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    let live = true;
    getApi()['packs.changes']({ packId, since: buildId }).then(
      (r) => live && (r.ok ? setResult(r.value) : setError(r.error)),
      (e: unknown) => live && setError(toApiError(e)),
    );
    return () => {
      live = false;
    };
  }, [packId, buildId]);
  const locale = (['en', 'fr', 'es'].includes(i18n.language) ? i18n.language : 'en') as Locale;
  const title = (value: LocalizedDoc | null, fallback: string) => pickText(value, locale)?.text ?? fallback;
  const when = (iso: string) => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  return (
    <section className="build-changes" aria-labelledby="build-changes-heading" data-testid="build-changes">
      <h4 id="build-changes-heading">{result ? t('ui:buildChanges.title', { date: when(result.builtAt) }) : t('ui:buildChanges.loading')}</h4>
      {error ? <ErrorAlert error={error} /> : null}
      {result ? (
        <>
          <p className="hint" data-testid="build-changes-summary">
            {t('ui:buildChanges.summary', result.changes.counts)}
          </p>
          {result.changes.sections.length === 0 ? <p>{t('ui:buildChanges.none')}</p> : null}
          {result.changes.sections.map((s) => (
            <div key={s.sectionId ?? 'pack'} data-testid="build-changes-section">
              <h5>
                {s.sectionId === null ? t('ui:buildChanges.outside') : title(s.title, s.sectionId)}
                {s.change !== 'kept' ? ` (${t(`ui:buildChanges.section.${s.change}`)})` : ''}
              </h5>
              <ul>
                {s.pieces.map((p) => (
                  <li key={p.pieceId} data-testid="build-changes-piece" data-change={p.change}>
                    <strong>{p.kind === 'section' ? t('ui:buildChanges.sectionTexts') : pieceTitle(p.kind, p.pieceId, p.title, locale).text}</strong>
                    {' — '}
                    {p.change === 'changed'
                      ? t('ui:buildChanges.changed', { kinds: p.kinds.map((k) => t(`ui:buildChanges.kind.${k}`)).join(', ') })
                      : t(`ui:buildChanges.${p.change}`)}
                    {p.cells
                      .filter((c) => c.kind !== 'status')
                      .map((c) => (
                        <div key={`${c.field}-${c.locale}`} className="build-changes-cell">
                          <span className="hint">
                            {t('ui:buildChanges.cell', { field: t(`ui:fields.${c.field}`, { defaultValue: c.field }), language: t(`ui:language.${c.locale}`) })}
                          </span>
                          <WordDiff before={c.before ?? ''} after={c.after ?? ''} lang={c.locale} />
                        </div>
                      ))}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </>
      ) : null}
      <button type="button" onClick={onClose} data-testid="build-changes-close">
        {t('ui:buildChanges.close')}
      </button>
    </section>
  );
}
