import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useModalDialog } from '../../components/useModalDialog';
import { PdfViewer, type ViewedPdf } from './PdfViewer';
import './viewer.css';

export { warmPdfWorker } from './openPdf';

export interface ViewerEdition extends ViewedPdf {
  edition: string;
}

/**
 * The viewer over the whole window (a modal <dialog>: Escape closes it, focus stays inside and
 * goes back where it was), one tab per edition of the build. Each edition reopens on the page the
 * reader left it at.
 */
export default function ViewerDialog({
  editions,
  initial,
  onClose,
}: {
  editions: ViewerEdition[];
  initial: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const tabsId = useId();
  const [current, setCurrent] = useState(initial);
  const pages = useRef(new Map<string, number>());
  const tabs = useRef(new Map<string, HTMLButtonElement>());
  const shown = editions.find((e) => e.downloadId === current) ?? editions[0];

  useModalDialog(ref);

  const onPageChange = useCallback((page: number) => {
    if (shown) pages.current.set(shown.downloadId, page);
  }, [shown]);

  useEffect(() => setCurrent(initial), [initial]);

  const onTabKey = (event: KeyboardEvent, index: number) => {
    const moves: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: editions.length - 1 };
    const to = moves[event.key];
    if (to === undefined) return;
    event.preventDefault();
    event.stopPropagation();
    const next = editions[(to + editions.length) % editions.length]!;
    setCurrent(next.downloadId);
    tabs.current.get(next.downloadId)?.focus();
  };

  if (!shown) return null;
  return (
    <dialog
      ref={ref}
      className="viewer-dialog"
      aria-labelledby={titleId}
      data-testid="viewer"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <div className="viewer-head">
        <h2 id={titleId} className="viewer-title">
          {t('ui:viewer.title', { edition: shown.label })}
          <span className="file-name"> {shown.fileName}</span>
        </h2>
        {editions.length > 1 ? (
          <div role="tablist" aria-label={t('ui:viewer.editions')} className="viewer-tabs">
            {editions.map((edition, i) => (
              <button
                key={edition.downloadId}
                ref={(el) => {
                  if (el) tabs.current.set(edition.downloadId, el);
                  else tabs.current.delete(edition.downloadId);
                }}
                type="button"
                role="tab"
                id={`${tabsId}-${edition.edition}`}
                aria-selected={edition.downloadId === shown.downloadId}
                aria-controls={`${tabsId}-panel`}
                tabIndex={edition.downloadId === shown.downloadId ? 0 : -1}
                data-testid={`viewer-tab-${edition.edition}`}
                onClick={() => setCurrent(edition.downloadId)}
                onKeyDown={(e) => onTabKey(e, i)}
              >
                {edition.label}
              </button>
            ))}
          </div>
        ) : null}
        <button type="button" className="viewer-close" data-testid="viewer-close" onClick={onClose}>
          {t('ui:viewer.close')}
        </button>
      </div>
      <div
        className="viewer-panel"
        id={`${tabsId}-panel`}
        role={editions.length > 1 ? 'tabpanel' : undefined}
        aria-labelledby={editions.length > 1 ? `${tabsId}-${shown.edition}` : undefined}
      >
        <PdfViewer key={shown.downloadId} pdf={shown} initialPage={pages.current.get(shown.downloadId) ?? 0} onPageChange={onPageChange} />
      </div>
    </dialog>
  );
}
