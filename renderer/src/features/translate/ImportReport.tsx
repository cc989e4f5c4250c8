import { useTranslation } from 'react-i18next';
import type { XliffImportReport } from '../../../../shared/api/translationTypes';

/** What an XLIFF import would do (dry run) or did. */
export function ImportReport({ report }: { report: XliffImportReport }) {
  const { t } = useTranslation();
  const languages = { source: t(`ui:language.${report.sourceLocale}`), target: t(`ui:language.${report.targetLocale}`) };
  return (
    <div className="tr-import-report" data-testid="tr-import-report" data-dry-run={report.dryRun}>
      <p className="tr-import-title">
        {report.dryRun ? t('ui:translate.import.wouldDo', languages) : t('ui:translate.import.done', languages)}
      </p>
      <dl className="facts">
        <dt>{t('ui:translate.import.units')}</dt>
        <dd data-testid="tr-import-units">{report.units}</dd>
        <dt>{t('ui:translate.import.appliedApproved')}</dt>
        <dd data-testid="tr-import-approved">{report.applied.approved}</dd>
        <dt>{t('ui:translate.import.appliedDraft')}</dt>
        <dd data-testid="tr-import-draft">{report.applied.draft}</dd>
        <dt>{t('ui:translate.import.unchanged')}</dt>
        <dd data-testid="tr-import-unchanged">{report.unchanged}</dd>
        <dt>{t('ui:translate.import.untranslated')}</dt>
        <dd data-testid="tr-import-untranslated">{report.untranslated}</dd>
        <dt>{t('ui:translate.import.staleSource')}</dt>
        <dd data-testid="tr-import-stale">{report.staleSource.length}</dd>
        <dt>{t('ui:translate.import.downgraded')}</dt>
        <dd data-testid="tr-import-downgraded">{report.downgraded.length}</dd>
      </dl>
      {report.staleSource.length > 0 ? (
        <details className="issues">
          <summary>{t('ui:translate.import.staleList', { count: report.staleSource.length })}</summary>
          <ul>
            {report.staleSource.map((s) => (
              <li key={s.id}>
                {s.pieceId ? `${s.pieceId} — ${t(`ui:fields.${s.field}`, { defaultValue: s.field })}` : s.field}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {report.downgraded.length > 0 ? (
        <details className="issues">
          <summary>{t('ui:translate.import.downgradedList', { count: report.downgraded.length })}</summary>
          <ul>
            {report.downgraded.map((d) => (
              <li key={d.id}>
                {d.id}: {d.checks.map((c) => t(`ui:translate.checkName.${c}`, { defaultValue: c })).join(', ')}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
