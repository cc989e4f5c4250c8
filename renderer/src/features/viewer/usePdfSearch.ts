import { useCallback, useEffect, useRef, useState } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useDebouncedValue } from '../../components/useDebouncedValue';
import { findOnPage, foldQuery, type PageMatch, type PageText } from './textMatches';

export interface SelectedMatch {
  page: number;
  index: number;
  /** Bumped on every move, so the page brings the match into view even when it stays the same. */
  seq: number;
}

export interface PdfSearch {
  query: string;
  setQuery: (query: string) => void;
  /** The folded query in force (after the pause in typing), '' when none. */
  active: string;
  matchesOn: (page: number) => PageMatch[] | undefined;
  selected: SelectedMatch | null;
  total: number;
  /** Pages searched so far, out of the document's. */
  scanned: number;
  /** 1-based position of the selected match, once every page before it has been searched. */
  position: number | null;
  next: () => void;
  previous: () => void;
}

/** The text of a page as search and the text layer read it: the same items, in the same order. */
export async function pageText(doc: PDFDocumentProxy, index: number): Promise<PageText> {
  const page = await doc.getPage(index + 1);
  const content = await page.getTextContent();
  const items: string[] = [];
  const eol: boolean[] = [];
  for (const item of content.items) {
    if (!('str' in item)) continue;
    items.push(item.str);
    eol.push(item.hasEOL);
  }
  return { items, eol };
}

/**
 * Search through the whole PDF: every page is searched in the background, starting from the one
 * the reader is on, and the first match found there is selected; Next and Previous go through the
 * matches in reading order, searching a page first if the background has not reached it.
 */
export function usePdfSearch(doc: PDFDocumentProxy | null, currentPage: () => number): PdfSearch {
  const [query, setQuery] = useState('');
  const active = foldQuery(useDebouncedValue(query, 200));
  const texts = useRef(new Map<number, Promise<PageText>>());
  const results = useRef(new Map<number, PageMatch[]>());
  const generation = useRef(0);
  // The results live in refs (a 500-page search fills them page by page); this repaints their counts.
  const [, setVersion] = useState(0);
  const [selected, setSelected] = useState<SelectedMatch | null>(null);
  const seq = useRef(0);
  const numPages = doc?.numPages ?? 0;

  const textOf = useCallback(
    (index: number) => {
      let text = texts.current.get(index);
      if (!text && doc) {
        text = pageText(doc, index);
        text.catch(() => texts.current.delete(index));
        texts.current.set(index, text);
      }
      return text ?? Promise.resolve({ items: [], eol: [] });
    },
    [doc],
  );

  const searchPage = useCallback(
    async (index: number, mine: number, folded: string): Promise<PageMatch[] | null> => {
      const known = results.current.get(index);
      if (known) return known;
      let matches: PageMatch[];
      try {
        matches = findOnPage(await textOf(index), folded);
      } catch {
        matches = [];
      }
      if (mine !== generation.current) return null;
      results.current.set(index, matches);
      return matches;
    },
    [textOf],
  );

  useEffect(() => {
    const mine = ++generation.current;
    results.current = new Map();
    setSelected(null);
    setVersion((v) => v + 1);
    if (!active || !doc) return;
    const start = Math.min(Math.max(0, currentPage()), numPages - 1);
    void (async () => {
      let found = false;
      let lastPaint = performance.now();
      for (let k = 0; k < numPages; k++) {
        const index = (start + k) % numPages;
        const matches = await searchPage(index, mine, active);
        if (matches === null) return;
        if (!found && matches.length > 0) {
          found = true;
          setSelected({ page: index, index: 0, seq: ++seq.current });
        }
        // Counts repaint a few times a second, not once per page.
        if (performance.now() - lastPaint > 150) {
          lastPaint = performance.now();
          setVersion((v) => v + 1);
        }
      }
      if (mine === generation.current) setVersion((v) => v + 1);
    })();
    // currentPage is read once, when a search starts: later scrolling does not restart it.
  }, [active, doc, numPages, searchPage]);

  const step = useCallback(
    async (direction: 1 | -1) => {
      const mine = generation.current;
      if (!active || numPages === 0) return;
      const from = selected ?? { page: Math.max(0, currentPage()), index: direction > 0 ? -1 : Number.MAX_SAFE_INTEGER };
      const here = await searchPage(from.page, mine, active);
      if (here === null) return;
      const inPage = from.index + direction;
      if (inPage >= 0 && inPage < here.length) {
        setSelected({ page: from.page, index: inPage, seq: ++seq.current });
        return;
      }
      for (let k = 1; k <= numPages; k++) {
        const page = (from.page + direction * k + numPages * k) % numPages;
        const matches = await searchPage(page, mine, active);
        if (matches === null) return;
        if (matches.length > 0) {
          setSelected({ page, index: direction > 0 ? 0 : matches.length - 1, seq: ++seq.current });
          setVersion((v) => v + 1);
          return;
        }
      }
    },
    [active, currentPage, numPages, searchPage, selected],
  );

  let total = 0;
  for (const list of results.current.values()) total += list.length;
  const scanned = results.current.size;
  let position: number | null = null;
  if (selected) {
    let before = 0;
    let complete = true;
    for (let p = 0; p < selected.page; p++) {
      const list = results.current.get(p);
      if (!list) {
        complete = false;
        break;
      }
      before += list.length;
    }
    position = complete ? before + selected.index + 1 : null;
  }

  return {
    query,
    setQuery,
    active,
    matchesOn: (page) => results.current.get(page),
    selected,
    total,
    scanned,
    position,
    next: () => void step(1),
    previous: () => void step(-1),
  };
}
