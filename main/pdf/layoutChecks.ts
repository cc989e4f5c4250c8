import { ZWSP } from './breakOpportunities';
import { ORIGIN_KEY } from './layoutKeys';
import type { TextOrigin } from './EditionTexts';

/*
 * What pdfmake has laid out, checked before anything is rendered: pages hold their lines with
 * final positions (`page.items`, each line with x, y and its runs), so one pass over them finds
 * any run outside the page's printable area, or wider than the box it was laid out in (a cell, a
 * column), cheaply: a few comparisons per run, against seconds of layout. The same pass removes
 * the break opportunities (U+200B) textRuns.ts added: zero-width, they move nothing, and a
 * reader's copied text stays as typed.
 */

interface PageItem {
  type: string;
  item: Line;
}

interface Line {
  x: number;
  y: number;
  maxWidth: number;
  inlines: Run[];
  getHeight(): number;
  getWidth(): number;
}

interface Run {
  text: string;
  x: number;
  width: number;
  [ORIGIN_KEY]?: TextOrigin | null;
}

interface Page {
  items: PageItem[];
  pageSize: { width: number; height: number };
  pageMargins: { left: number; right: number; top: number; bottom: number };
}

export interface OffPage {
  /** 1-based, within the document laid out (a part of an edition counts from its own start). */
  page: number;
  origin: TextOrigin | null;
  /** The start of the line's text, as a reader would find it. */
  excerpt: string;
  /** Outside the page's printable area, or wider than the cell or column it was laid out in. */
  kind: 'outsidePage' | 'outsideBox';
}

/** Points a run may pass its box by: rounding of widths summed along a line. */
const TOLERANCE = 0.5;
const ZWSP_ALL = new RegExp(ZWSP, 'g');

/**
 * Removes the break opportunities from every run and, when `check` is set, returns every line
 * that does not fit (at most `limit`, first ones first).
 */
export function finishPages(pages: readonly unknown[], check: boolean, limit = 20): OffPage[] {
  const problems: OffPage[] = [];
  (pages as Page[]).forEach((page, index) => {
    const { width, height } = page.pageSize;
    const { left, right } = page.pageMargins;
    for (const { type, item: line } of page.items) {
      if (type !== 'line') continue;
      for (const run of line.inlines) if (run.text.includes(ZWSP)) run.text = run.text.replace(ZWSP_ALL, '');
      if (!check || problems.length >= limit || line.inlines.length === 0) continue;
      // A line's first run starts its leading space before line.x (pdfmake's leadingCut).
      const start = line.x;
      const end = line.x + line.getWidth();
      const outsidePage =
        start < left - TOLERANCE || end > width - right + TOLERANCE || line.y < -TOLERANCE || line.y + line.getHeight() > height + TOLERANCE;
      const outsideBox = line.getWidth() > line.maxWidth + TOLERANCE;
      if (outsidePage || outsideBox) {
        problems.push({
          page: index + 1,
          origin: line.inlines.find((r) => r[ORIGIN_KEY])?.[ORIGIN_KEY] ?? null,
          excerpt: line.inlines.map((r) => r.text).join('').trim().slice(0, 40),
          kind: outsidePage ? 'outsidePage' : 'outsideBox',
        });
      }
    }
  });
  return problems;
}
