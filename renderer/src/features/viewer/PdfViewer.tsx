import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { getApi } from '../../api/getApi';
import { toApiError } from '../../api/ApiFailure';
import { describeApiError } from '../../components/describeApiError';
import { downloadPdf, pdfBytes } from '../packs/pdfBytes';
import { openPdf } from './openPdf';
import {
  anchorAt,
  CSS_PER_POINT,
  currentPage,
  layoutPages,
  offsetOfAnchor,
  offsetOfPage,
  pagesToRender,
  type PageLayout,
  type PageSize,
} from './pageLayout';
import { resolveZoom, stepZoom, type ZoomChoice } from './zoom';
import { currentBookmark, flattenOutline, type Bookmark, type OutlineNode } from './flattenOutline';
import { resolveDestination } from './resolveDestination';
import { usePdfSearch } from './usePdfSearch';
import { PdfPageView } from './PdfPageView';
import { BookmarksPanel } from './BookmarksPanel';
import { ViewerToolbar } from './ViewerToolbar';

/** Space between pages and around them, in CSS pixels. */
const GAP = 16;
/** As in viewer.css: below this width the bookmarks lie over the pages. */
const NARROW = '(max-width: 900px)';
/** Pages whose size differs from the first are found in batches after the first paint. */
const SIZE_BATCH = 25;

type Loaded = { phase: 'loading' } | { phase: 'ready'; doc: PDFDocumentProxy } | { phase: 'failed'; message: string };

export interface ViewedPdf {
  downloadId: string;
  fileName: string;
  /** "English edition": for labels. */
  label: string;
}

/**
 * A PDF in the app: every page (only those near the viewport are drawn), paging, zoom and fit to
 * width, the bookmarks, search with highlighted matches, and the file's download (or, on the
 * desktop, the system's viewer).
 */
export function PdfViewer({
  pdf,
  initialPage = 0,
  onPageChange,
}: {
  pdf: ViewedPdf;
  initialPage?: number;
  onPageChange?: (page: number) => void;
}) {
  const { t } = useTranslation();
  const outlineId = useId();
  const [loaded, setLoaded] = useState<Loaded>({ phase: 'loading' });
  const [sizes, setSizes] = useState<PageSize[]>([]);
  const [bookmarks, setBookmarks] = useState<Bookmark[]>([]);
  const [bookmarkPages, setBookmarkPages] = useState<(number | null)[]>([]);
  const [outlineOpen, setOutlineOpen] = useState(() => !window.matchMedia(NARROW).matches);
  const [choice, setChoice] = useState<ZoomChoice>({ mode: 'fit-width' });
  const [viewport, setViewport] = useState({ width: 0, height: 0 });
  const [scrollTop, setScrollTop] = useState(0);
  const [pinned, setPinned] = useState<number | null>(null);
  const [painted, setPainted] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const searchInput = useRef<HTMLInputElement>(null);
  const scrollTopRef = useRef(0);
  const programmatic = useRef<number | null>(null);
  const pinnedRef = useRef<number | null>(null);
  const frame = useRef(0);
  const doc = loaded.phase === 'ready' ? loaded.doc : null;

  useEffect(() => {
    let cancelled = false;
    let handle: ReturnType<typeof openPdf> | null = null;
    setLoaded({ phase: 'loading' });
    setPainted(false);
    void (async () => {
      try {
        const bytes = await pdfBytes(pdf.downloadId);
        if (cancelled) return;
        handle = openPdf(bytes);
        const opened = await handle.promise;
        const first = (await opened.getPage(1)).getViewport({ scale: 1 });
        if (cancelled) return;
        // Every page is taken to be the size of the first until it is known (after the first paint).
        setSizes(Array.from({ length: opened.numPages }, () => ({ width: first.width, height: first.height })));
        setLoaded({ phase: 'ready', doc: opened });
      } catch (caught) {
        if (cancelled) return;
        const name = (caught as Error)?.name;
        const message =
          name === 'PasswordException'
            ? t('ui:viewer.passwordProtected')
            : name === 'InvalidPDFException'
              ? t('ui:viewer.notAPdf')
              : t('ui:viewer.failed', { detail: describeApiError(toApiError(caught), t).message });
        setLoaded({ phase: 'failed', message });
      }
    })();
    return () => {
      cancelled = true;
      void handle?.destroy();
    };
  }, [pdf.downloadId, t]);

  // After the first paint: the real size of every page, and the bookmarks with their pages.
  useEffect(() => {
    if (!doc || !painted) return;
    let cancelled = false;
    void (async () => {
      try {
        const outline = flattenOutline((await doc.getOutline()) as OutlineNode[] | null);
        if (cancelled) return;
        setBookmarks(outline);
        const pages: (number | null)[] = [];
        for (const bookmark of outline) {
          pages.push(bookmark.dest ? ((await resolveDestination(doc, bookmark.dest))?.index ?? null) : null);
          if (cancelled) return;
        }
        setBookmarkPages(pages);
      } catch {
        if (!cancelled) setBookmarks([]);
      }
    })();
    void (async () => {
      const known = [...sizes];
      let changed = false;
      for (let i = 1; i < doc.numPages && !cancelled; i++) {
        try {
          const { width, height } = (await doc.getPage(i + 1)).getViewport({ scale: 1 });
          if (width !== known[i]!.width || height !== known[i]!.height) {
            known[i] = { width, height };
            changed = true;
          }
        } catch {
          // A page pdf.js cannot read keeps the assumed size.
        }
        if (changed && (i % SIZE_BATCH === 0 || i === doc.numPages - 1) && !cancelled) {
          setSizes([...known]);
          changed = false;
        }
      }
    })();
    return () => {
      cancelled = true;
    };
    // sizes is read once, as the starting point of the pass that corrects it.
  }, [doc, painted]);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => setViewport({ width: el.clientWidth, height: el.clientHeight });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [loaded.phase]);

  const widest = useMemo(() => sizes.reduce((w, s) => Math.max(w, s.width), 0), [sizes]);
  const zoom = resolveZoom(choice, viewport.width, widest, GAP);
  const layout = useMemo(() => layoutPages(sizes, zoom, GAP), [sizes, zoom]);
  const layoutRef = useRef<PageLayout>(layout);
  const zoomRef = useRef(zoom);
  zoomRef.current = zoom;

  const scrollToY = useCallback((y: number, keepPinned: number | null) => {
    const el = scroller.current;
    if (!el) return;
    const max = Math.max(0, layoutRef.current.total - el.clientHeight);
    const target = Math.min(max, Math.max(0, y));
    programmatic.current = target;
    pinnedRef.current = keepPinned;
    setPinned(keepPinned);
    el.scrollTop = target;
    scrollTopRef.current = target;
    setScrollTop(target);
  }, []);

  const goToPage = useCallback(
    (index: number) => {
      const count = layoutRef.current.tops.length;
      if (count === 0) return;
      const page = Math.min(count - 1, Math.max(0, index));
      scrollToY(offsetOfPage(layoutRef.current, page), page);
    },
    [scrollToY],
  );

  // A new zoom or a corrected page size: the same place stays at the top of the viewport.
  useLayoutEffect(() => {
    const previous = layoutRef.current;
    layoutRef.current = layout;
    if (previous === layout || previous.tops.length === 0) return;
    if (pinnedRef.current !== null) scrollToY(offsetOfPage(layout, pinnedRef.current), pinnedRef.current);
    else scrollToY(offsetOfAnchor(layout, anchorAt(previous, scrollTopRef.current)), null);
  }, [layout, scrollToY]);

  // Opening on the page the reader left this edition at.
  const opened = useRef(false);
  useLayoutEffect(() => {
    if (!doc || opened.current || viewport.height === 0) return;
    opened.current = true;
    if (initialPage > 0) goToPage(initialPage);
    scroller.current?.focus({ preventScroll: true });
  }, [doc, viewport.height, initialPage, goToPage]);

  const onScroll = () => {
    const el = scroller.current;
    if (!el) return;
    const y = el.scrollTop;
    scrollTopRef.current = y;
    if (programmatic.current === null || Math.abs(y - programmatic.current) > 1) {
      programmatic.current = null;
      if (pinnedRef.current !== null) {
        pinnedRef.current = null;
        setPinned(null);
      }
    }
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => setScrollTop(scrollTopRef.current));
  };
  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  const page = pinned ?? currentPage(layout, scrollTop, viewport.height);
  const pageRef = useRef(page);
  pageRef.current = page;
  useEffect(() => onPageChange?.(page), [page, onPageChange]);

  const search = usePdfSearch(doc, useCallback(() => pageRef.current, []));
  const selected = search.selected;
  const scrolledTo = useRef(0);
  const windowRef = useRef({ first: 0, last: -1 });
  // A match on a page that is not drawn: go to that page; once drawn, it brings the match into view.
  useEffect(() => {
    if (!selected || scrolledTo.current === selected.seq) return;
    const { first, last } = windowRef.current;
    if (selected.page < first || selected.page > last) goToPage(selected.page);
  }, [selected, goToPage]);

  const goToDestination = useCallback(
    async (dest: unknown) => {
      if (!doc) return;
      const target = await resolveDestination(doc, dest);
      if (!target) return;
      if (target.top === null) {
        goToPage(target.index);
        return;
      }
      const vp = (await doc.getPage(target.index + 1)).getViewport({ scale: zoomRef.current * CSS_PER_POINT });
      const [, y] = vp.convertToViewportPoint(target.left ?? 0, target.top) as number[];
      const top = layoutRef.current.tops[target.index] ?? 0;
      scrollToY(top + Math.max(0, y ?? 0) - GAP / 2, target.index);
    },
    [doc, goToPage, scrollToY],
  );
  const onGoTo = useCallback((dest: unknown) => void goToDestination(dest), [goToDestination]);
  const onPainted = useCallback(() => setPainted(true), []);

  const changeZoom = (next: ZoomChoice) => setChoice(next);
  const step = (direction: 1 | -1) => setChoice({ mode: 'fixed', zoom: stepZoom(zoom, direction) });

  const onKeyDown = (event: KeyboardEvent) => {
    const mod = event.ctrlKey || event.metaKey;
    if (mod && event.key.toLowerCase() === 'f') {
      event.preventDefault();
      searchInput.current?.focus();
      searchInput.current?.select();
      return;
    }
    if (mod && (event.key === '+' || event.key === '=')) {
      event.preventDefault();
      step(1);
      return;
    }
    if (mod && event.key === '-') {
      event.preventDefault();
      step(-1);
      return;
    }
    const target = event.target as HTMLElement;
    if (mod || event.altKey || target.closest('input, select, textarea')) return;
    const count = layout.tops.length;
    const moves: Record<string, number> = { PageDown: page + 1, PageUp: page - 1, Home: 0, End: count - 1 };
    const to = moves[event.key];
    if (to === undefined) return;
    event.preventDefault();
    goToPage(to);
  };

  const download = () =>
    void downloadPdf(pdf.downloadId, pdf.fileName).then(
      () => setActionError(null),
      (e: unknown) => setActionError(t('ui:report.downloadFailed', { detail: describeApiError(toApiError(e), t).message })),
    );
  const openOutside = window.api
    ? () =>
        void getApi()['desktop.openPdf']({ downloadId: pdf.downloadId }).then((r) =>
          setActionError(r.ok ? null : describeApiError(r.error, t).message),
        )
    : null;

  const { first, last } = pagesToRender(layout, scrollTop, viewport.height || 800, 1);
  windowRef.current = { first, last };
  const visible: number[] = [];
  if (doc) for (let i = first; i <= last; i++) visible.push(i);
  const columnWidth = Math.max(...visible.map((i) => layout.widths[i]!), 0) + 2 * GAP;

  return (
    <div className="viewer" onKeyDown={onKeyDown}>
      <ViewerToolbar
        page={page}
        pageCount={layout.tops.length}
        onPage={goToPage}
        zoom={zoom}
        choice={choice}
        onZoom={changeZoom}
        onStepZoom={step}
        outlineId={outlineId}
        outlineOpen={outlineOpen}
        onToggleOutline={() => setOutlineOpen((open) => !open)}
        search={search}
        searchInput={searchInput}
        onDownload={download}
        onOpen={openOutside}
      />
      {actionError ? (
        <p className="alert alert-error" role="alert">
          {actionError}
        </p>
      ) : null}
      <div className="viewer-body">
        {outlineOpen ? (
          <BookmarksPanel
            id={outlineId}
            bookmarks={bookmarks}
            current={currentBookmark(bookmarkPages, page)}
            onGoTo={(bookmark) => {
              void goToDestination(bookmark.dest);
              // On a narrow window the panel lies over the pages: out of the way once used.
              if (window.matchMedia(NARROW).matches) {
                setOutlineOpen(false);
                scroller.current?.focus({ preventScroll: true });
              }
            }}
          />
        ) : null}
        <div
          ref={scroller}
          className="viewer-scroll"
          tabIndex={0}
          role="region"
          aria-label={t('ui:viewer.pagesOf', { title: pdf.label })}
          aria-busy={loaded.phase === 'loading'}
          data-testid="viewer-pages"
          data-state={loaded.phase === 'ready' ? (painted ? 'ready' : 'drawing') : loaded.phase}
          data-page={page + 1}
          data-zoom={zoom.toFixed(4)}
          onScroll={onScroll}
        >
          {loaded.phase === 'loading' ? <p className="loading viewer-message">{t('ui:viewer.loading')}</p> : null}
          {loaded.phase === 'failed' ? (
            <p className="alert alert-error viewer-message" role="alert">
              {loaded.message}
            </p>
          ) : null}
          {doc ? (
            <div className="viewer-column" style={{ height: layout.total, width: columnWidth }}>
              {visible.map((i) => (
                <PdfPageView
                  key={i}
                  doc={doc}
                  index={i}
                  zoom={zoom}
                  top={layout.tops[i]!}
                  width={layout.widths[i]!}
                  height={layout.heights[i]!}
                  matches={search.active ? search.matchesOn(i) : undefined}
                  selected={selected && selected.page === i ? selected : null}
                  scrolledTo={scrolledTo}
                  waiting={!painted && (layout.tops[i]! >= scrollTop + (viewport.height || 800) || layout.tops[i]! + layout.heights[i]! <= scrollTop)}
                  onPainted={onPainted}
                  onGoTo={onGoTo}
                />
              ))}
            </div>
          ) : null}
        </div>
      </div>
    </div>
  );
}
