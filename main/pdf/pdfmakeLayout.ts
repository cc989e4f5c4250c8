import { ORIGIN_KEY } from './layoutKeys';
import { createRequire } from 'node:module';

/*
 * Three points of pdfmake 0.3.11's layout (pinned exactly in package.json; pdfmakeLayout.test.ts
 * fails on any other version), wrapped without changing what they do in the ordinary case:
 *
 * 1. Column widths. When the narrowest widths of a table's columns (their longest unbreakable
 *    runs) do not fit, pdfmake gives every star column the widest of them and every auto column
 *    its own: the table runs off the page and the columns beyond its edge are lost. Here the
 *    columns then share the width there is: a column whose longest run fits in an equal share
 *    keeps it, the others share the rest equally (their words are cut at the line's end, as
 *    pdfmake does for a word wider than its line). Star columns alone stay equal.
 * 2. Lines. pdfmake's line builder copies the rest of a paragraph's pieces for every piece it
 *    places (`_inlines.slice(1)`): quadratic in the pieces of one paragraph (200,000 ideographs
 *    are 200,000 pieces). Here it sees a window of at most WINDOW pieces, refilled as it goes.
 * 3. After layout. A document whose content was registered with `afterLayout` hands its laid-out
 *    pages to the callback, before anything is rendered (layoutChecks.ts).
 * 4. Each layout pass's nodes, with every line's position, are kept for pagination.ts: the
 *    pageBreakBefore callback is given each node's first position only.
 * 5. Measuring. Every page break pagination.ts asks for makes pdfmake lay the whole document out
 *    again, measuring every text anew (most of a pass's time: style lookups for each piece of
 *    text). A text's pieces do not depend on where it lands, so within one document the first
 *    pass's pieces are kept and later passes get fresh copies of them (layout cuts and moves the
 *    pieces it places, so they are never shared between passes).
 */

const require = createRequire(import.meta.url);

interface Column {
  width?: unknown;
  _minWidth: number;
  _maxWidth: number;
  _calcWidth: number;
}

interface ColumnCalculator {
  buildColumnWidths(columns: Column[], availableWidth: number, offsetTotal?: number, tableNode?: unknown): void;
  isAutoColumn(column: Column): boolean;
  isStarColumn(column: Column): boolean;
}

interface Inline {
  text: string;
  noNewLine?: boolean;
}

interface TextNode {
  _inlines?: Inline[];
  /** The pieces not yet in the window, and the window they belong to (a new layout pass makes new ones). */
  _briefingRest?: { window: Inline[]; rest: Inline[]; next: number };
}

interface LaidOutLine {
  lastLineInParagraph?: boolean;
}

interface MeasuredLeaf {
  text?: unknown;
  _textRef?: unknown;
  _inlines?: Inline[];
  _minWidth?: number;
  _maxWidth?: number;
}

interface DocMeasurePrototype {
  measureLeaf(node: MeasuredLeaf): MeasuredLeaf;
}

/** A leaf as the first pass measured it: its text (to tell it is unchanged) and pristine pieces. */
interface LeafMeasure {
  text: unknown;
  inlines: Inline[];
  minWidth: number | undefined;
  maxWidth: number | undefined;
}

interface LayoutBuilderPrototype {
  buildNextLine(node: TextNode): LaidOutLine | null;
  layoutDocument(content: unknown, ...rest: unknown[]): unknown[];
  tryLayoutDocument(...args: unknown[]): { pages: unknown[]; linearNodeList: unknown[] };
}

export const PDFMAKE_VERSION = (require('pdfmake/package.json') as { version: string }).version;
const columnCalculator = (require('pdfmake/js/columnCalculator') as { default: ColumnCalculator }).default;
const docMeasure = (require('pdfmake/js/DocMeasure') as { default: { prototype: DocMeasurePrototype } }).default.prototype;
const layoutBuilder = (require('pdfmake/js/LayoutBuilder') as { default: { prototype: LayoutBuilderPrototype } }).default.prototype;

/** Pieces of one paragraph the line builder sees at a time: far more than a line ever holds. */
export const WINDOW = 2_000;

const afterLayoutOf = new WeakMap<object, (pages: unknown[]) => void>();

/** Calls `check` with the pages of the document whose `content` this is, once it is laid out. */
export function afterLayout(content: object, check: (pages: unknown[]) => void): void {
  afterLayoutOf.set(content, check);
}

let lastPass: readonly unknown[] | null = null;

/** Every node of the layout pass in progress (children before their containers), or null. */
export function laidOutNodes(): readonly unknown[] | null {
  return lastPass;
}

let reuseMeasures = true;

/** Whether later layout passes reuse the first pass's measures (off only to compare the two). */
export function reuseMeasuresBetweenPasses(on: boolean): void {
  reuseMeasures = on;
}

let originListener: ((origin: { pieceId: string; field: string }) => void) | null = null;
let lastOrigin: unknown = null;

/**
 * Called with the piece and field of each text as its lines start to be built, so a build
 * stopped for taking too long can say which piece it was laying out. One listener per thread.
 */
export function onLayoutOrigin(listener: ((origin: { pieceId: string; field: string }) => void) | null): void {
  originListener = listener;
  lastOrigin = null;
}

function reportOrigin(origin: unknown): void {
  if (!origin || origin === lastOrigin) return;
  lastOrigin = origin;
  originListener?.(origin as { pieceId: string; field: string });
}

/** The origin of a line's first runs (a font-fallback run may come first and carry none). */
function originOf(inlines: readonly unknown[]): unknown {
  for (let i = 0; i < Math.min(8, inlines.length); i++) {
    const run = inlines[i];
    const origin = run !== null && typeof run === 'object' ? (run as Record<string, unknown>)[ORIGIN_KEY] : undefined;
    if (origin) return origin;
  }
  return undefined;
}

let installed = false;

export function installLayoutHooks(): void {
  if (installed) return;
  installed = true;

  const buildColumnWidths = columnCalculator.buildColumnWidths;
  columnCalculator.buildColumnWidths = function (columns, availableWidth, offsetTotal, tableNode) {
    buildColumnWidths.call(this, columns, availableWidth, offsetTotal, tableNode);
    fitColumns(columns, availableWidth);
  };

  const buildNextLine = layoutBuilder.buildNextLine;
  layoutBuilder.buildNextLine = function (node) {
    const inlines = node._inlines;
    if (originListener && inlines) reportOrigin(originOf(inlines));
    if (!inlines) return buildNextLine.call(this, node);
    let held = node._briefingRest;
    if (held && held.window !== inlines) held = node._briefingRest = undefined;
    if (!held) {
      if (inlines.length <= WINDOW) return buildNextLine.call(this, node);
      held = node._briefingRest = { window: inlines, rest: inlines.splice(WINDOW), next: 0 };
    }
    if (inlines.length < WINDOW / 2 && held.next < held.rest.length) {
      const more = held.rest.slice(held.next, held.next + WINDOW / 2);
      held.next += more.length;
      inlines.push(...more);
    }
    const line = buildNextLine.call(this, node);
    if (line && held.next < held.rest.length) line.lastLineInParagraph = false;
    return line;
  };

  // One cache per DocMeasure: pdfmake makes a new one for each document (its styles and fonts).
  const measures = new WeakMap<object, WeakMap<object, LeafMeasure>>();
  const measureLeaf = docMeasure.measureLeaf;
  docMeasure.measureLeaf = function (node) {
    // Measuring a long text costs as much as laying it out: say which text it is first.
    if (originListener) reportOrigin(originOf(Array.isArray(node.text) ? node.text : [node.text ?? node]));
    // Page references are filled in between passes: measure them each time, as pdfmake does.
    if (node._textRef || !reuseMeasures) return measureLeaf.call(this, node);
    let byNode = measures.get(this);
    if (!byNode) measures.set(this, (byNode = new WeakMap()));
    const kept = byNode.get(node);
    if (kept && kept.text === node.text) {
      node._inlines = kept.inlines.map(copyInline);
      node._minWidth = kept.minWidth;
      node._maxWidth = kept.maxWidth;
      return node;
    }
    measureLeaf.call(this, node);
    byNode.set(node, {
      text: node.text,
      inlines: (node._inlines ?? []).map(copyInline),
      minWidth: node._minWidth,
      maxWidth: node._maxWidth,
    });
    return node;
  };

  const tryLayoutDocument = layoutBuilder.tryLayoutDocument;
  layoutBuilder.tryLayoutDocument = function (...args) {
    const result = tryLayoutDocument.apply(this, args);
    lastPass = result.linearNodeList;
    return result;
  };

  const layoutDocument = layoutBuilder.layoutDocument;
  layoutBuilder.layoutDocument = function (content, ...rest) {
    try {
      const pages = layoutDocument.call(this, content, ...rest);
      if (content !== null && typeof content === 'object') afterLayoutOf.get(content)?.(pages);
      return pages;
    } finally {
      lastPass = null;
    }
  };
}

/** A piece of text with its own fields, as pdfmake's own line builder copies one it cuts. */
function copyInline(inline: Inline): Inline {
  return { ...inline };
}

/**
 * A column given its narrowest width by subtraction (the rest of the space after the others) can
 * come out a rounding error short of it, and then its longest word no longer fits its line and is
 * cut in two ("Note" / "s"): such a column gets its narrowest width back.
 */
function keepMinimums(columns: Column[]): void {
  for (const c of columns) if (c._calcWidth < c._minWidth && c._minWidth - c._calcWidth <= SLACK) c._calcWidth = c._minWidth;
}

/** The width a column's calculated width may exceed the space by before it is refitted: rounding. */
const SLACK = 0.01;

function fitColumns(columns: Column[], availableWidth: number): void {
  const total = columns.reduce((sum, c) => sum + c._calcWidth, 0);
  if (total <= availableWidth + SLACK) return void keepMinimums(columns);
  const flexible = columns.filter((c) => columnCalculator.isAutoColumn(c) || columnCalculator.isStarColumn(c));
  const fixed = columns.filter((c) => !flexible.includes(c)).reduce((sum, c) => sum + c._calcWidth, 0);
  let room = availableWidth - fixed;
  // Fixed widths alone too wide: nothing to share; the check after layout reports what overflows.
  if (flexible.length === 0 || room <= 0) return;
  if (flexible.every((c) => columnCalculator.isStarColumn(c))) {
    for (const c of flexible) c._calcWidth = room / flexible.length;
    return;
  }
  let open = flexible;
  for (;;) {
    const share = room / open.length;
    const fits = open.filter((c) => c._minWidth <= share);
    if (fits.length === 0 || fits.length === open.length) break;
    for (const c of fits) {
      c._calcWidth = c._minWidth;
      room -= c._minWidth;
    }
    open = open.filter((c) => !fits.includes(c));
  }
  for (const c of open) c._calcWidth = room / open.length;
}
