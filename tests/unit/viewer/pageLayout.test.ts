import { describe, expect, it } from 'vitest';
import {
  anchorAt,
  CSS_PER_POINT,
  currentPage,
  layoutPages,
  offsetOfAnchor,
  offsetOfPage,
  pageAtOffset,
  pagesToRender,
} from '../../../renderer/src/features/viewer/pageLayout';

const A4 = { width: 595.28, height: 841.89 };
const LANDSCAPE = { width: 841.89, height: 595.28 };
const GAP = 16;

describe('page layout', () => {
  it('stacks pages at their printed size at 100 %, a gap apart', () => {
    const layout = layoutPages([A4, A4, LANDSCAPE], 1, GAP);
    const h = Math.floor(A4.height * CSS_PER_POINT);
    expect(layout.heights).toEqual([h, h, Math.floor(LANDSCAPE.height * CSS_PER_POINT)]);
    expect(layout.widths[2]).toBe(Math.floor(LANDSCAPE.width * CSS_PER_POINT));
    expect(layout.tops).toEqual([GAP, GAP + h + GAP, GAP + 2 * (h + GAP)]);
    expect(layout.total).toBe(layout.tops[2]! + layout.heights[2]! + GAP);
  });

  it('scales with the zoom', () => {
    expect(layoutPages([A4], 2, GAP).heights[0]).toBe(Math.floor(A4.height * CSS_PER_POINT * 2));
  });

  it('finds the page at an offset, gaps belonging to the page below them', () => {
    const layout = layoutPages([A4, A4, A4], 1, GAP);
    expect(pageAtOffset(layout, 0)).toBe(0);
    expect(pageAtOffset(layout, layout.tops[1]! - 1)).toBe(1);
    expect(pageAtOffset(layout, layout.tops[1]! - GAP - 1)).toBe(0);
    expect(pageAtOffset(layout, layout.total + 5000)).toBe(2);
    expect(pageAtOffset(layoutPages([], 1, GAP), 100)).toBe(0);
  });

  it('keeps only the pages in view and one on each side in the DOM, even for 500 pages', () => {
    const layout = layoutPages(Array.from({ length: 500 }, () => A4), 1, GAP);
    // An A4 page at 100 % is 1,122 px high: a 900 px viewport shows one, or two across a break.
    expect(pagesToRender(layout, 0, 900)).toEqual({ first: 0, last: 1 });
    expect(pagesToRender(layout, layout.tops[250]!, 900)).toEqual({ first: 249, last: 251 });
    expect(pagesToRender(layout, layout.tops[250]! + 600, 900)).toEqual({ first: 249, last: 252 });
    const end = pagesToRender(layout, layout.total - 900, 900);
    expect(end.last).toBe(499);
    expect(pagesToRender(layout, 0, 900, 0)).toEqual({ first: 0, last: 0 });
    expect(pagesToRender(layoutPages([], 1, GAP), 0, 900)).toEqual({ first: 0, last: -1 });
  });

  it('renders every page that shows at 25 %', () => {
    const layout = layoutPages(Array.from({ length: 40 }, () => A4), 0.25, GAP);
    const window = pagesToRender(layout, 0, 900, 0);
    const bottom = layout.tops[window.last]! + layout.heights[window.last]!;
    expect(window.last).toBeGreaterThan(2);
    // The page after the last one rendered starts below the viewport.
    expect(layout.tops[window.last + 1]!).toBeGreaterThan(900 - 1);
    expect(bottom).toBeGreaterThan(900 - layout.heights[0]! - GAP);
  });

  it('names the page at the top as current, and the last one at the very end', () => {
    const layout = layoutPages([A4, A4, A4, { width: 595, height: 100 }], 1, GAP);
    expect(currentPage(layout, 0, 900)).toBe(0);
    expect(currentPage(layout, offsetOfPage(layout, 1), 900)).toBe(1);
    expect(currentPage(layout, offsetOfPage(layout, 2), 900)).toBe(2);
    // Scrolled to the end: the short last page never reaches the top, but it is where the reader is.
    expect(currentPage(layout, layout.total - 900, 900)).toBe(3);
  });

  it('puts a page at the top just below half its gap, clamped to the document', () => {
    const layout = layoutPages([A4, A4], 1, GAP);
    expect(offsetOfPage(layout, 1)).toBe(layout.tops[1]! - GAP / 2);
    expect(offsetOfPage(layout, 0)).toBe(GAP / 2);
    expect(offsetOfPage(layout, 99)).toBe(offsetOfPage(layout, 1));
    expect(offsetOfPage(layout, -3)).toBe(offsetOfPage(layout, 0));
    expect(offsetOfPage(layoutPages([], 1, GAP), 3)).toBe(0);
  });

  it('keeps the reading position through a zoom', () => {
    const before = layoutPages(Array.from({ length: 10 }, () => A4), 1, GAP);
    const scrollTop = before.tops[6]! + before.heights[6]! * 0.4;
    const anchor = anchorAt(before, scrollTop);
    expect(anchor.page).toBe(6);
    expect(anchor.fraction).toBeCloseTo(0.4, 2);
    const after = layoutPages(Array.from({ length: 10 }, () => A4), 2, GAP);
    const y = offsetOfAnchor(after, anchor);
    expect(pageAtOffset(after, y)).toBe(6);
    expect((y - after.tops[6]!) / after.heights[6]!).toBeCloseTo(0.4, 2);
  });
});
