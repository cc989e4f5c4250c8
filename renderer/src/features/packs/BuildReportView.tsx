import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BuiltPdf } from '../../../../shared/api/apiContract';
import type { BuildReport, TextIssue } from '../../../../shared/api/buildTypes';
import { PdfPreview } from './PdfPreview';
import { downloadPdf } from './pdfBytes';
import { getApi } from '../../api/getApi';
import type { LabelOf } from './pieceLabels';

function formatBytes(bytes: number, locale: string): string {
  const kb = bytes / 1024;
  return kb < 1024
    ? new Intl.NumberFormat(locale, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 }).format(kb)
    : new Intl.NumberFormat(locale, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }).format(kb / 1024);
}

/** What a build made: per PDF its pages, a preview and a download; per language what is not ready. */
export function BuildReportView({ report, pdfs, labelOf }: { report: BuildReport; pdfs: BuiltPdf[]; labelOf: LabelOf }) {
  const { t, i18n } = useTranslation();
  const [previewed, setPreviewed] = useState(pdfs[0]?.downloadId ?? null);
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const editionName = (edition: string) => t(`ui:edition.${edition}`, { defaultValue: edition });
  const issueLine = (issue: TextIssue) =>
    t('ui:report.issue', { piece: labelOf(null, issue.pieceId) ?? issue.pieceId, field: t(`ui:fields.${issue.field}`, { defaultValue: issue.field }) });

  return (
    <section className="build-report" aria-labelledby="report-heading" data-testid="build-report">
      <h4 id="report-heading">{t('ui:report.title')}</h4>
      {downloadError ? <p className="alert alert-error" role="alert">{downloadError}</p> : null}
      <ul className="pdf-list">
        {pdfs.map((pdf) => (
          <li key={pdf.downloadId} className="pdf-card" data-testid={`pdf-${pdf.edition}`}>
            <div className="pdf-facts">
              <strong>{editionName(pdf.edition)}</strong>
              <span>{t('ui:report.pages', { count: pdf.pages })}</span>
              <span>{formatBytes(pdf.bytes, i18n.language)}</span>
              <span className="file-name">{pdf.fileName}</span>
            </div>
            <div className="pdf-actions">
              <button
                type="button"
                className="button-primary"
                data-testid={`download-${pdf.edition}`}
                aria-label={t('ui:report.downloadNamed', { edition: editionName(pdf.edition) })}
                onClick={() =>
                  void downloadPdf(pdf.downloadId, pdf.fileName).then(
                    () => setDownloadError(null),
                    (e: unknown) =>
                      setDownloadError(t('ui:report.downloadFailed', { detail: (e as Error)?.message ?? String(e) })),
                  )
                }
              >
                {t('ui:report.download')}
              </button>
              {window.api ? (
                <button
                  type="button"
                  data-testid={`open-${pdf.edition}`}
                  aria-label={t('ui:report.openNamed', { edition: editionName(pdf.edition) })}
                  onClick={() =>
                    void getApi()['desktop.openPdf']({ downloadId: pdf.downloadId }).then((r) =>
                      setDownloadError(r.ok ? null : t(`errors:${r.error.code}`, r.error.params)),
                    )
                  }
                >
                  {t('ui:report.open')}
                </button>
              ) : null}
              {pdfs.length > 1 ? (
                <button
                  type="button"
                  aria-pressed={previewed === pdf.downloadId}
                  data-testid={`show-preview-${pdf.edition}`}
                  aria-label={t('ui:report.previewNamed', { edition: editionName(pdf.edition) })}
                  onClick={() => setPreviewed(pdf.downloadId)}
                >
                  {t('ui:report.preview')}
                </button>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
      {previewed ? (
        <PdfPreview
          key={previewed}
          downloadId={previewed}
          label={t('ui:report.previewOf', { edition: editionName(pdfs.find((p) => p.downloadId === previewed)?.edition ?? '') })}
        />
      ) : null}
      <table className="report-table">
        <caption>{t('ui:report.readiness')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('ui:report.language')}</th>
            <th scope="col">{t('ui:status.missing')}</th>
            <th scope="col">{t('ui:status.draft')}</th>
            <th scope="col">{t('ui:status.stale')}</th>
          </tr>
        </thead>
        <tbody>
          {report.editions.map((e) => (
            <tr key={e.locale} data-testid={`report-${e.locale}`}>
              <th scope="row">{t(`ui:languageName.${e.locale}`)}</th>
              <td data-count={e.missing.length}>{t('ui:report.textCount', { count: e.missing.length })}</td>
              <td data-count={e.draft.length}>{t('ui:report.textCount', { count: e.draft.length })}</td>
              <td data-count={e.stale.length}>{t('ui:report.textCount', { count: e.stale.length })}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {report.editions.map((e) =>
        e.missing.length + e.stale.length > 0 ? (
          <details key={e.locale} className="issues" open={e.missing.length > 0} data-testid={`issues-${e.locale}`}>
            <summary>{t('ui:report.notReady', { language: t(`ui:language.${e.locale}`), count: e.missing.length + e.stale.length })}</summary>
            {e.missing.length > 0 ? (
              <>
                <p className="issues-heading">{t('ui:report.missingList', { count: e.missing.length })}</p>
                <ul>
                  {e.missing.map((issue, i) => (
                    <li key={i}>{issueLine(issue)}</li>
                  ))}
                </ul>
              </>
            ) : null}
            {e.stale.length > 0 ? (
              <>
                <p className="issues-heading">{t('ui:report.staleList', { count: e.stale.length })}</p>
                <ul>
                  {e.stale.map((issue, i) => (
                    <li key={i}>{issueLine(issue)}</li>
                  ))}
                </ul>
              </>
            ) : null}
          </details>
        ) : null,
      )}
    </section>
  );
}
