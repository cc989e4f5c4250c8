import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BuiltPdf } from '../../../../shared/api/apiContract';
import type { BuildReport, TextIssue } from '../../../../shared/api/buildTypes';
import { downloadPdf, pdfBytes } from './pdfBytes';
import { loadViewer } from './loadViewer';
import { getApi } from '../../api/getApi';
import type { Locale } from '../../../../shared/domain/locales';
import { TextIssueList } from '../messages/TextIssueList';
import { usePieceNames } from '../messages/usePieceNames';
import { BuildWarnings } from './BuildWarnings';

type ViewerDialogType = Awaited<ReturnType<typeof loadViewer>>['default'];

function formatBytes(bytes: number, locale: string): string {
  const kb = bytes / 1024;
  return kb < 1024
    ? new Intl.NumberFormat(locale, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 }).format(kb)
    : new Intl.NumberFormat(locale, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }).format(kb / 1024);
}

/**
 * What a build made: per PDF its pages, Read (the viewer), Download and, on the desktop, Open in
 * the system's viewer; per language what is not ready. Shown with focus on its heading, so the
 * reader lands on it and a screen reader announces it.
 */
export function BuildReportView({
  report,
  pdfs,
  summary,
}: {
  report: BuildReport;
  pdfs: BuiltPdf[];
  /** "3 PDFs built in 4.2 s": said once, as the report appears. */
  summary: string;
}) {
  const { t, i18n } = useTranslation();
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const [viewing, setViewing] = useState<string | null>(null);
  const [Viewer, setViewer] = useState<ViewerDialogType | null>(null);
  const [viewerError, setViewerError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const editionName = (edition: string) => t(`ui:edition.${edition}`, { defaultValue: edition });

  useEffect(() => {
    heading.current?.focus();
    heading.current?.scrollIntoView({ block: 'nearest' });
  }, []);

  // Rendered directly once here (no Suspense: React would hold it back 300 ms after it came).
  useEffect(() => {
    let live = true;
    loadViewer().then(
      (module) => live && setViewer(() => module.default),
      (e: unknown) => live && setViewerError(t('ui:viewer.failed', { detail: (e as Error)?.message ?? String(e) })),
    );
    return () => {
      live = false;
    };
  }, [t]);

  const read = (pdf: BuiltPdf) => {
    // The bytes are on their way while the viewer's chunk arrives, if it has not yet.
    void pdfBytes(pdf.downloadId).catch(() => undefined);
    setViewing(pdf.downloadId);
  };
  const names = usePieceNames(useMemo(() => report.editions.flatMap((e) => [...e.missing, ...e.stale].map((i) => i.pieceId)), [report]));
  const issuesIn = (locale: Locale, list: readonly TextIssue[]) => list.map((i) => ({ ...i, locale }));

  return (
    <section className="build-report" aria-labelledby="report-heading" data-testid="build-report">
      <h4 id="report-heading" ref={heading} tabIndex={-1}>
        {t('ui:report.title')}
      </h4>
      <p role="status" className="build-summary" data-testid="build-summary">
        {summary}
      </p>
      {downloadError ? <p className="alert alert-error" role="alert">{downloadError}</p> : null}
      {viewerError ? <p className="alert alert-error" role="alert">{viewerError}</p> : null}
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
                data-testid={`view-${pdf.edition}`}
                aria-label={t('ui:report.readNamed', { edition: editionName(pdf.edition) })}
                onClick={() => read(pdf)}
              >
                {t('ui:report.read')}
              </button>
              <button
                type="button"
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
            </div>
          </li>
        ))}
      </ul>
      <BuildWarnings report={report} />
      {viewing && !Viewer && !viewerError ? (
        <p className="loading" role="status">
          {t('ui:viewer.opening')}
        </p>
      ) : null}
      {viewing && Viewer ? (
        <Viewer
          editions={pdfs.map((pdf) => ({ edition: pdf.edition, downloadId: pdf.downloadId, fileName: pdf.fileName, label: editionName(pdf.edition) }))}
          initial={viewing}
          onClose={() => setViewing(null)}
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
                <TextIssueList issues={issuesIn(e.locale, e.missing)} names={names} testId={`missing-${e.locale}`} />
              </>
            ) : null}
            {e.stale.length > 0 ? (
              <>
                <p className="issues-heading">{t('ui:report.staleList', { count: e.stale.length })}</p>
                <TextIssueList issues={issuesIn(e.locale, e.stale)} names={names} testId={`stale-${e.locale}`} />
              </>
            ) : null}
          </details>
        ) : null,
      )}
    </section>
  );
}
