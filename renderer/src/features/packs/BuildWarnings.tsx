import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { BuildReport, Edition } from '../../../../shared/api/buildTypes';
import type { Locale } from '../../../../shared/domain/locales';
import { describeProblem } from '../../../../shared/schemas/validationProblems';
import { useUiLocale } from '../../components/useUiLocale';
import { FieldLink } from '../messages/FieldLink';
import { usePieceNames } from '../messages/usePieceNames';
import { groupBuildWarnings, type PieceWarning } from './groupBuildWarnings';

/**
 * What the build warned about, by piece: texts that break the termbase, characters the fonts
 * cannot show, Markdown cut to its limits, texts printed in another language. Each piece's name
 * and each warning lead to the text where it is edited.
 */
export function BuildWarnings({ report }: { report: Pick<BuildReport, 'warnings' | 'editions'> }) {
  const { t } = useTranslation();
  const id = useId();
  const uiLocale = useUiLocale();
  const groups = useMemo(() => groupBuildWarnings(report), [report]);
  const names = usePieceNames(useMemo(() => groups.pieces.map((g) => g.pieceId), [groups]));
  if (groups.count === 0) return null;
  // A parallel edition prints the three languages: its text is opened in the reader's own.
  const localeOf = (edition: Edition): Locale => (edition === 'parallel' ? uiLocale : edition);
  const message = (w: PieceWarning) =>
    t(`ui:buildWarnings.${w.kind}`, {
      ...w.values,
      edition: t(`ui:edition.${w.edition}`, { defaultValue: w.edition }),
      field: t(`ui:fields.${w.field}`, { defaultValue: w.field }),
    });

  return (
    <section className="build-warnings" aria-labelledby={`${id}-heading`} data-testid="build-warnings" data-count={groups.count}>
      <h5 id={`${id}-heading`}>{groups.pieces.length > 0
          ? t('ui:buildWarnings.heading', {
              warnings: t('ui:buildWarnings.title', { count: groups.count }),
              pieces: t('ui:buildWarnings.inPieces', { count: groups.pieces.length }),
            })
          : t('ui:buildWarnings.title', { count: groups.count })}</h5>
      <p className="hint">{t('ui:buildWarnings.hint')}</p>
      {groups.general.length > 0 ? (
        <ul className="warning-general" data-testid="build-warnings-general">
          {groups.general.map((w, i) => (
            <li key={i}>{describeProblem(w, t)}</li>
          ))}
        </ul>
      ) : null}
      <ul className="warning-pieces">
        {groups.pieces.map((g) => {
          const first = g.warnings[0]!;
          return (
            <li key={g.pieceId} className="warning-piece" data-testid="warning-piece" data-piece={g.pieceId}>
              <p className="warning-piece-name">
                <FieldLink
                  compact
                  piece={names.get(g.pieceId)}
                  fallbackTitle={names.ready ? g.pieceId : '…'}
                  pieceId={g.pieceId}
                  field={first.field}
                  locale={localeOf(first.edition)}
                />
              </p>
              <ul className="issue-list">
                {g.warnings.map((w, i) => (
                  <li key={i} data-testid="build-warning" data-kind={w.kind} data-edition={w.edition} data-field={w.field}>
                    <span className={`warning-kind warning-${w.kind}`}>{t(`ui:buildWarnings.kind.${w.kind}`)}</span> {message(w)}{' '}
                    <FieldLink piece={names.get(g.pieceId)} pieceId={g.pieceId} field={w.field} locale={localeOf(w.edition)} linkText={t('ui:buildWarnings.show')} />
                  </li>
                ))}
              </ul>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
