import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pdfBytes } from './pdfBytes';

const PAGES = 2;
const WIDTH = 360;

/** The first pages of a built PDF, drawn by pdf.js (loaded on first use only). */
export function PdfPreview({ downloadId, label }: { downloadId: string; label: string }) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading');
  const [pages, setPages] = useState(0);
  const [detail, setDetail] = useState('');

  useEffect(() => {
    const signal = { cancelled: false };
    setState('loading');
    void (async () => {
      try {
        const [bytes, { renderPdfPages }] = await Promise.all([pdfBytes(downloadId), import('./renderPdfPages')]);
        const { canvases, pageCount } = await renderPdfPages(bytes, PAGES, WIDTH, signal);
        if (signal.cancelled || !container.current) return;
        container.current.replaceChildren(
          ...canvases.map((canvas, i) => {
            const figure = document.createElement('div');
            figure.className = 'preview-page';
            canvas.setAttribute('role', 'img');
            canvas.setAttribute('aria-label', t('ui:report.pageImage', { page: i + 1, count: pageCount }));
            figure.append(canvas);
            return figure;
          }),
        );
        setPages(pageCount);
        setState('ready');
      } catch (error) {
        if (signal.cancelled) return;
        setDetail((error as Error)?.message ?? String(error));
        setState('failed');
      }
    })();
    return () => {
      signal.cancelled = true;
    };
  }, [downloadId, t]);

  return (
    <figure className="pdf-preview" data-testid="preview" data-state={state} aria-busy={state === 'loading'}>
      <figcaption>{label}</figcaption>
      {state === 'loading' ? <p className="loading">{t('ui:report.previewLoading')}</p> : null}
      {state === 'failed' ? (
        <p className="alert alert-error">{t('ui:report.previewFailed', { detail })}</p>
      ) : null}
      <div ref={container} className="preview-pages" />
      {state === 'ready' && pages > PAGES ? <p className="hint">{t('ui:report.morePages', { count: pages - PAGES })}</p> : null}
    </figure>
  );
}
