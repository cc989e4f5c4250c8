import { useEffect, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { ZOOM_LEVELS, type ZoomChoice } from './zoom';
import type { PdfSearch } from './usePdfSearch';

/** Paging, zoom, bookmarks, search, and the file's own actions, above the pages. */
export function ViewerToolbar({
  page,
  pageCount,
  onPage,
  zoom,
  choice,
  onZoom,
  onStepZoom,
  outlineId,
  outlineOpen,
  onToggleOutline,
  search,
  searchInput,
  onDownload,
  onOpen,
}: {
  /** 0-based. */
  page: number;
  pageCount: number;
  onPage: (index: number) => void;
  zoom: number;
  choice: ZoomChoice;
  onZoom: (choice: ZoomChoice) => void;
  onStepZoom: (direction: 1 | -1) => void;
  outlineId: string;
  outlineOpen: boolean;
  onToggleOutline: () => void;
  search: PdfSearch;
  searchInput: RefObject<HTMLInputElement | null>;
  onDownload: () => void;
  onOpen: (() => void) | null;
}) {
  const { t, i18n } = useTranslation();
  const percent = (z: number) => new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 }).format(z);
  const [typed, setTyped] = useState<string | null>(null);
  useEffect(() => setTyped(null), [page]);

  const commitPage = () => {
    if (typed === null) return;
    const n = Number.parseInt(typed, 10);
    setTyped(null);
    if (Number.isFinite(n)) onPage(Math.min(pageCount, Math.max(1, n)) - 1);
  };

  const status = !search.active
    ? ''
    : search.total === 0
      ? search.scanned < pageCount
        ? t('ui:viewer.searching')
        : t('ui:viewer.noMatch')
      : search.position === null
        ? t('ui:viewer.matchesSoFar', { count: search.total })
        : search.scanned < pageCount
          ? t('ui:viewer.matchOfSoFar', { position: search.position, total: search.total })
          : t('ui:viewer.matchOf', { position: search.position, total: search.total });

  return (
    <div className="viewer-toolbar" role="toolbar" aria-label={t('ui:viewer.toolbar')}>
      <button
        type="button"
        aria-expanded={outlineOpen}
        aria-controls={outlineId}
        data-testid="viewer-outline-toggle"
        onClick={onToggleOutline}
      >
        {t('ui:viewer.bookmarks')}
      </button>
      <div className="viewer-group">
        <button type="button" className="button-icon" data-testid="viewer-prev" disabled={page <= 0} aria-label={t('ui:viewer.previousPage')} aria-keyshortcuts="PageUp" onClick={() => onPage(page - 1)}>
          ↑
        </button>
        <label className="viewer-page-field">
          <span className="sr-only">{t('ui:viewer.pageNumber')}</span>
          <input
            type="number"
            min={1}
            max={pageCount}
            value={typed ?? String(page + 1)}
            data-testid="viewer-page-input"
            onChange={(e) => setTyped(e.target.value)}
            onBlur={commitPage}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                commitPage();
              }
            }}
          />
        </label>
        <span data-testid="viewer-page-count">{t('ui:viewer.ofPages', { total: pageCount })}</span>
        <button type="button" className="button-icon" data-testid="viewer-next" disabled={page >= pageCount - 1} aria-label={t('ui:viewer.nextPage')} aria-keyshortcuts="PageDown" onClick={() => onPage(page + 1)}>
          ↓
        </button>
      </div>
      <div className="viewer-group">
        <button type="button" className="button-icon" data-testid="viewer-zoom-out" aria-label={t('ui:viewer.zoomOut')} aria-keyshortcuts="Control+-" onClick={() => onStepZoom(-1)}>
          −
        </button>
        <label>
          <span className="sr-only">{t('ui:viewer.zoom')}</span>
          <select
            data-testid="viewer-zoom"
            value={choice.mode === 'fit-width' ? 'fit' : String(choice.zoom)}
            onChange={(e) => onZoom(e.target.value === 'fit' ? { mode: 'fit-width' } : { mode: 'fixed', zoom: Number(e.target.value) })}
          >
            <option value="fit">{choice.mode === 'fit-width' ? t('ui:viewer.fitWidthAt', { percent: percent(zoom) }) : t('ui:viewer.fitWidth')}</option>
            {choice.mode === 'fixed' && !ZOOM_LEVELS.some((level) => level === choice.zoom) ? <option value={String(choice.zoom)}>{percent(choice.zoom)}</option> : null}
            {ZOOM_LEVELS.map((level) => (
              <option key={level} value={String(level)}>
                {percent(level)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button-icon" data-testid="viewer-zoom-in" aria-label={t('ui:viewer.zoomIn')} aria-keyshortcuts="Control+=" onClick={() => onStepZoom(1)}>
          +
        </button>
        <button type="button" data-testid="viewer-fit-width" aria-pressed={choice.mode === 'fit-width'} onClick={() => onZoom({ mode: 'fit-width' })}>
          {t('ui:viewer.fitWidth')}
        </button>
      </div>
      <div className="viewer-group viewer-search" role="search">
        <label>
          <span className="sr-only">{t('ui:viewer.search')}</span>
          <input
            ref={searchInput}
            type="search"
            value={search.query}
            placeholder={t('ui:viewer.searchPlaceholder')}
            maxLength={200}
            data-testid="viewer-search"
            aria-keyshortcuts="Control+F"
            onChange={(e) => search.setQuery(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                if (e.shiftKey) search.previous();
                else search.next();
              } else if (e.key === 'Escape' && search.query) {
                // Escape clears the search first; a second one closes the viewer.
                e.preventDefault();
                search.setQuery('');
              }
            }}
          />
        </label>
        <button type="button" className="button-icon" data-testid="viewer-find-prev" disabled={search.total === 0} aria-label={t('ui:viewer.findPrevious')} onClick={search.previous}>
          ‹
        </button>
        <button type="button" className="button-icon" data-testid="viewer-find-next" disabled={search.total === 0} aria-label={t('ui:viewer.findNext')} onClick={search.next}>
          ›
        </button>
        <span className="viewer-matches" role="status" data-testid="viewer-matches">
          {status}
        </span>
      </div>
      <div className="viewer-group viewer-file">
        {onOpen ? (
          <button type="button" data-testid="viewer-open" onClick={onOpen}>
            {t('ui:viewer.openOutside')}
          </button>
        ) : null}
        <button type="button" data-testid="viewer-download" onClick={onDownload}>
          {t('ui:report.download')}
        </button>
      </div>
    </div>
  );
}
