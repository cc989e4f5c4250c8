import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '../../../../shared/domain/locales';
import { EDITABLE_NAMESPACES, TRANSLATABLE_KINDS } from '../../../../shared/api/translationTypes';
import type { Summary } from './useTranslationWork';
import { ProgressBar } from './ProgressBar';

/** How much is approved: per language across the library, and per kind (or namespace) in the target. */
export function ProgressPanel({ summary, target }: { summary: Summary | null; target: Locale }) {
  const { t } = useTranslation();
  const language = t(`ui:language.${target}`);
  return (
    <section className="card tr-progress" aria-labelledby="tr-progress-heading">
      <h3 id="tr-progress-heading">{t('ui:translate.progress.title')}</h3>
      {!summary ? <p className="loading">{t('ui:loading')}</p> : null}
      {summary?.progress ? (
        <div className="tr-progress-groups">
          <div className="tr-progress-group">
            <h4>{t('ui:translate.progress.byLanguage')}</h4>
            {LOCALES.map((locale) => (
              <ProgressBar key={locale} label={t(`ui:language.${locale}`)} counts={summary.progress!.byLocale[locale]} testId={`tr-progress-${locale}`} />
            ))}
          </div>
          <div className="tr-progress-group">
            <h4>{t('ui:translate.progress.byKind', { language })}</h4>
            {TRANSLATABLE_KINDS.map((kind) => {
              const counts = summary.progress!.byKind[kind];
              return counts && counts.total > 0 ? (
                <ProgressBar key={kind} label={t(`ui:pieceKind.${kind}`)} counts={counts} testId={`tr-progress-kind-${kind}`} />
              ) : null;
            })}
          </div>
        </div>
      ) : null}
      {summary?.byNamespace ? (
        <div className="tr-progress-group">
          <h4>{t('ui:translate.progress.byNamespace', { language })}</h4>
          {EDITABLE_NAMESPACES.map((ns) => {
            const counts = summary.byNamespace![ns];
            return counts ? <ProgressBar key={ns} label={t(`ui:translate.namespace.${ns}`)} counts={counts} testId={`tr-progress-ns-${ns}`} /> : null;
          })}
        </div>
      ) : null}
    </section>
  );
}
