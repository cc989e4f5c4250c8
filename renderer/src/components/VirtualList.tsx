import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

const OVERSCAN = 6;
/** Short lists are rendered whole: nothing to gain, and every row stays findable by the browser's search. */
const WINDOW_FROM = 100;

/**
 * A windowed list: fixed row height, only the rows in view (plus a few) are in the DOM, so
 * 10,000 entries scroll as fast as 10 (lists of up to 100 rows are rendered whole). Arrow keys, Page Up/Down, Home and End move focus from
 * row to row, scrolling rows into the DOM as needed. Each row's first focusable element gets focus.
 */
export function VirtualList<T>({
  items,
  rowHeight,
  getKey,
  renderRow,
  label,
  className,
  testId,
  resetKey,
  focusKey,
  scrollToKey,
}: {
  items: readonly T[];
  rowHeight: number;
  getKey: (item: T) => string;
  renderRow: (item: T, index: number) => ReactNode;
  label: string;
  className?: string;
  testId?: string;
  /** When this changes (a new search or filter), the list scrolls back to the top. */
  resetKey?: string;
  /** The row to give focus to once it is in the list (the piece the user comes back from). */
  focusKey?: string;
  /** A row to bring into view without taking focus (the item open beside the list). */
  scrollToKey?: string;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(600);
  const pendingFocus = useRef<number | null>(null);
  const [, setRenders] = useState(0);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    setViewport(el.clientHeight || 600);
    const observer = new ResizeObserver(() => setViewport(el.clientHeight || 600));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // A new search or filter starts at the top; a reload of the same list keeps its place.
  useEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0;
    setScrollTop(0);
  }, [resetKey]);

  const windowed = items.length > WINDOW_FROM;
  const first = windowed ? Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN) : 0;
  const last = windowed ? Math.min(items.length, Math.ceil((scrollTop + viewport) / rowHeight) + OVERSCAN) : items.length;

  useLayoutEffect(() => {
    const index = pendingFocus.current;
    if (index === null) return;
    const row = scroller.current?.querySelector<HTMLElement>(`[data-row-index="${index}"]`);
    const target = row?.querySelector<HTMLElement>('button, a[href], input, select, textarea, [tabindex]');
    if (target) {
      pendingFocus.current = null;
      target.focus({ preventScroll: true });
    }
  });

  const focusRow = useCallback(
    (index: number) => {
      const el = scroller.current;
      if (!el || items.length === 0) return;
      const i = Math.max(0, Math.min(items.length - 1, index));
      const top = i * rowHeight;
      if (top < el.scrollTop) el.scrollTop = top;
      else if (top + rowHeight > el.scrollTop + el.clientHeight) el.scrollTop = top + rowHeight - el.clientHeight;
      const row = el.querySelector<HTMLElement>(`[data-row-index="${i}"]`);
      const target = row?.querySelector<HTMLElement>('button, a[href], input, select, textarea, [tabindex]');
      if (target) {
        target.focus({ preventScroll: true });
        setScrollTop(el.scrollTop);
        return;
      }
      pendingFocus.current = i;
      setScrollTop(el.scrollTop);
      setRenders((n) => n + 1);
    },
    [items.length, rowHeight],
  );

  const focused = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!focusKey || focused.current === focusKey) return;
    const index = items.findIndex((item) => getKey(item) === focusKey);
    if (index < 0) return;
    focused.current = focusKey;
    const el = scroller.current;
    if (el && (index * rowHeight < el.scrollTop || (index + 1) * rowHeight > el.scrollTop + el.clientHeight)) {
      el.scrollTop = Math.max(0, index * rowHeight - el.clientHeight / 2);
    }
    pendingFocus.current = index;
    setScrollTop(el?.scrollTop ?? 0);
    setRenders((n) => n + 1);
  }, [focusKey, items, getKey, rowHeight]);

  const keyOf = useRef(getKey);
  keyOf.current = getKey;
  // Only when the row or the list changes: a re-render while the user scrolls must not pull back.
  useEffect(() => {
    if (!scrollToKey) return;
    const index = items.findIndex((item) => keyOf.current(item) === scrollToKey);
    const el = scroller.current;
    if (index < 0 || !el) return;
    const top = index * rowHeight;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + rowHeight > el.scrollTop + el.clientHeight) el.scrollTop = top + rowHeight - el.clientHeight;
    setScrollTop(el.scrollTop);
  }, [scrollToKey, items, rowHeight]);

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const row = (event.target as HTMLElement).closest<HTMLElement>('[data-row-index]');
    if (!row || event.altKey || event.ctrlKey || event.metaKey) return;
    const index = Number(row.dataset.rowIndex);
    const page = Math.max(1, Math.floor(viewport / rowHeight) - 1);
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + page,
      PageUp: index - page,
      Home: 0,
      End: items.length - 1,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    focusRow(next);
  };

  const rows: ReactNode[] = [];
  for (let i = first; i < last; i++) {
    const item = items[i]!;
    rows.push(
      <li
        key={getKey(item)}
        className="vlist-row"
        data-row-index={i}
        aria-setsize={items.length}
        aria-posinset={i + 1}
        style={{ transform: `translateY(${i * rowHeight}px)`, height: rowHeight }}
      >
        {renderRow(item, i)}
      </li>,
    );
  }

  return (
    <div
      ref={scroller}
      className={`vlist ${className ?? ''}`}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      data-testid={testId}
    >
      <ul className="vlist-inner" aria-label={label} style={{ height: items.length * rowHeight }} onKeyDown={onKeyDown}>
        {rows}
      </ul>
    </div>
  );
}
