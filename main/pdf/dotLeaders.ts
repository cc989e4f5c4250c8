import type { Content } from 'pdfmake/interfaces';

/*
 * Dot leaders from a contents entry to its page number. pdfmake has none: a dotted line is drawn
 * under the whole row first, at the baseline of its first line, and the entry's words and its
 * page number are painted over it on the paper's colour, so the dots show only between them.
 * The line takes no room (relativePosition), and the row never splits from it (unbreakable).
 */

const PAPER = '#ffffff';
const DOTS = '#8a93a3';
/** Of the font size: where the first line's baseline sits below the row's top (Noto Sans, line height 1.25). */
const BASELINE = 1.16;

/** Page sizes in points, portrait (pdfmake's A4 and LETTER). */
export const PAGE_POINTS = { a4: [595.28, 841.89], letter: [612, 792] } as const;

/** The width between the side margins of a page. */
export function contentWidth(paper: 'a4' | 'letter', landscape: boolean, sideMargin: number): number {
  const [w, h] = PAGE_POINTS[paper];
  return (landscape ? h : w) - 2 * sideMargin;
}

/** Where a contents row's text sits: its style's size and margins (left, top). */
export interface RowMetrics {
  fontSize: number;
  indent: number;
  top: number;
}

/** A contents row (its columns node: the entry's text, then its page number) with leaders across `width`. */
export function withDotLeaders(row: { columns: Record<string, unknown>[] }, width: number, metrics: RowMetrics): Content {
  for (const column of row.columns) column.background = PAPER;
  const y = metrics.top + metrics.fontSize * BASELINE;
  const leader = {
    canvas: [
      { type: 'line', x1: metrics.indent, y1: y, x2: width, y2: y, lineWidth: 0.8, lineColor: DOTS, lineCap: 'round', dash: { length: 0.01, space: 2.6 } },
    ],
    relativePosition: { x: 0, y: 0 },
  };
  return { stack: [leader, row], unbreakable: true } as unknown as Content;
}
