import { useTranslation } from 'react-i18next';
import { LOCALES } from '../../../../shared/domain/locales';
import type { StrictBlocker } from '../../../../shared/api/translationTypes';
import { useMemo } from 'react';
import { FieldLink } from '../messages/FieldLink';
import { IdDetails } from '../messages/TextIssueList';
import { usePieceNames } from '../messages/usePieceNames';

/** Rows shown at most; the counts per language above the table stay exact. */
const MAX_ROWS = 300;

/** What a strict build (`briefing build --strict`) would refuse for the chosen pack, in every language. */
export function StrictPanel({ blockers, titleOf }: { blockers: readonly StrictBlocker[]; titleOf: (pieceId: string) => string | undefined }) {
  const { t } = useTranslation();
  const names = usePieceNames(useMemo(() => blockers.slice(0, MAX_ROWS).map((b) => b.pieceId), [blockers]));
  const perLocale = LOCALES.map((locale) => ({ locale, count: blockers.filter((b) => b.locale === locale).length }));
  return (
    <section className="card tr-strict" aria-labelledby="tr-strict-heading" data-testid="tr-strict" data-count={blockers.length}>
      <h3 id="tr-strict-heading">{t('ui:translate.strict.title')}</h3>
      {blockers.length === 0 ? (
        <p className="tr-strict-none">
          <span aria-hidden="true">✓ </span>
          {t('ui:translate.strict.none')}
        </p>
      ) : (
        <>
          <p>{t('ui:translate.strict.intro')}</p>
          <ul className="tr-strict-counts">
            {perLocale.map(({ locale, count }) => (
              <li key={locale}>{t('ui:translate.strict.perLanguage', { language: t(`ui:language.${locale}`), count })}</li>
            ))}
          </ul>
          <div className="tr-strict-scroll" tabIndex={0} role="region" aria-labelledby="tr-strict-heading">
            <table className="report-table">
              <thead>
                <tr>
                  <th scope="col">{t('ui:translate.strict.language')}</th>
                  <th scope="col">{t('ui:translate.strict.piece')}</th>
                  <th scope="col">{t('ui:translate.strict.field')}</th>
                  <th scope="col">{t('ui:translate.strict.state')}</th>
                </tr>
              </thead>
              <tbody>
                {blockers.slice(0, MAX_ROWS).map((b) => (
                  <tr key={`${b.locale}|${b.pieceId}|${b.field}`}>
                    <td>{t(`ui:language.${b.locale}`)}</td>
                    <td>
                      <FieldLink piece={names.get(b.pieceId)} fallbackTitle={titleOf(b.pieceId)} pieceId={b.pieceId} field={b.field} locale={b.locale} compact />
                    </td>
                    <td>{t(`ui:fields.${b.field}`, { defaultValue: b.field })}</td>
                    <td>{t(`ui:status.${b.state}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <IdDetails ids={blockers.slice(0, MAX_ROWS).map((b) => `${b.locale} · ${b.pieceId} · ${b.field}`)} />
          {blockers.length > MAX_ROWS ? <p className="hint">{t('ui:translate.strict.more', { count: blockers.length - MAX_ROWS })}</p> : null}
        </>
      )}
    </section>
  );
}
