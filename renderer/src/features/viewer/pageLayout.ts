/** A page's size in PDF points (1/72 in), its rotation already applied. */
export interface PageSize {
  width: number;
  height: number;
}

/** Where every page sits in the scrolled column, in CSS pixels. */
export interface PageLayout {
  tops: number[];
  heights: number[];
  widths: number[];
  /** Height of the whole column, gaps included. */
  total: number;
  gap: number;
}

/** CSS pixels per PDF point at 100 %: a page shows at its printed size. */
export const CSS_PER_POINT = 96 / 72;

/** The pages one under the other, `gap` pixels apart (and from the column's top and bottom). */
export function layoutPages(sizes: readonly PageSize[], zoom: number, gap: number): PageLayout {
  const scale = zoom * CSS_PER_POINT;
  const tops: number[] = new Array(sizes.length);
  const heights: number[] = new Array(sizes.length);
  const widths: number[] = new Array(sizes.length);
  let y = gap;
  for (let i = 0; i < sizes.length; i++) {
    const size = sizes[i]!;
    tops[i] = y;
    heights[i] = Math.floor(size.height * scale);
    widths[i] = Math.floor(size.width * scale);
    y += heights[i]! + gap;
  }
  return { tops, heights, widths, total: y, gap };
}

/** The page (0-based) whose box, with the gap above it, holds the offset `y`. */
export function pageAtOffset(layout: PageLayout, y: number): number {
  const { tops } = layout;
  if (tops.length === 0) return 0;
  let lo = 0;
  let hi = tops.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (tops[mid]! - layout.gap <= y) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The pages to keep in the DOM: those that show in the viewport, plus `overscan` on each side, so
 * a 500-page PDF holds a handful of canvases whatever the scroll position. Inclusive, 0-based.
 */
export function pagesToRender(
  layout: PageLayout,
  scrollTop: number,
  viewportHeight: number,
  overscan = 1,
): { first: number; last: number } {
  const count = layout.tops.length;
  if (count === 0) return { first: 0, last: -1 };
  const first = pageAtOffset(layout, scrollTop);
  const last = pageAtOffset(layout, scrollTop + Math.max(0, viewportHeight - 1));
  return { first: Math.max(0, first - overscan), last: Math.min(count - 1, last + overscan) };
}

/**
 * The page the reader is on: the one at the top of the viewport, or the last one once the column
 * is scrolled to its end (a short last page never reaches the top).
 */
export function currentPage(layout: PageLayout, scrollTop: number, viewportHeight: number): number {
  const count = layout.tops.length;
  if (count === 0) return 0;
  if (scrollTop + viewportHeight >= layout.total - 1 && scrollTop > 0) return count - 1;
  return pageAtOffset(layout, scrollTop + layout.gap);
}

/** The scroll offset that puts page `index` (0-based) at the top, just below its gap. */
export function offsetOfPage(layout: PageLayout, index: number): number {
  const i = Math.min(Math.max(0, index), layout.tops.length - 1);
  return i < 0 ? 0 : Math.max(0, layout.tops[i]! - layout.gap / 2);
}

/** A reading position that survives a zoom or a relayout: a page and how far down it. */
export interface ScrollAnchor {
  page: number;
  fraction: number;
}

export function anchorAt(layout: PageLayout, scrollTop: number): ScrollAnchor {
  const page = pageAtOffset(layout, scrollTop);
  const height = layout.heights[page] ?? 1;
  return { page, fraction: height > 0 ? (scrollTop - layout.tops[page]!) / height : 0 };
}

export function offsetOfAnchor(layout: PageLayout, anchor: ScrollAnchor): number {
  const page = Math.min(Math.max(0, anchor.page), layout.tops.length - 1);
  if (page < 0) return 0;
  return Math.max(0, layout.tops[page]! + anchor.fraction * layout.heights[page]!);
}
