import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { laidOutNodes } from './pdfmakeLayout';
import { COLUMN_KEY, ROLE_KEY, type LayoutRole } from './layoutKeys';

/*
 * Pagination a reader expects, decided from what pdfmake laid out (pageBreakBefore is called
 * for every laid-out node, in document order, and a `true` moves the node to the next page and
 * lays the document out again):
 *
 * - A heading stays with its meta lines and at least KEEP_WITH_HEADING lines of what follows
 *   (or all of it, when shorter). A heading followed by a heading keeps both together.
 * - A heading or a source entry never splits across pages.
 * - No page carries fewer than MIN_TAIL_LINES lines of a section when earlier lines could move
 *   with them: the break comes before the latest block that brings enough lines along. A page
 *   holding the section's whole list of sources counts only the section's other lines.
 * - An item's closing line ("Roadmap priorities 2, 3") never opens a page alone: a short item
 *   (MAX_ITEM_MOVE lines) moves with it.
 * - The side-by-side edition checks its three columns at once and breaks before a whole row
 *   (a probe row before each item: parallelDocument.ts), so its rows always start level.
 *
 * Every node says what it is with `layoutRole` (renderBlocks.ts, passed down to the text nodes
 * by textRuns.ts), and in the side-by-side edition which column it is in (`layoutColumn`).
 */


export const KEEP_WITH_HEADING = 2;
export const MIN_TAIL_LINES = 3;

interface Position {
  pageNumber: number;
  top: number;
}

interface LaidOutNode {
  positions: Position[];
  text?: unknown;
  nodeInfo?: unknown;
  [ROLE_KEY]?: LayoutRole;
  [COLUMN_KEY]?: number;
}

/** One layout pass's text nodes in document order, with what pagination needs. */
interface Pass {
  list: readonly LaidOutNode[];
  /** Text nodes with a role and a position, in order. */
  nodes: LaidOutNode[];
  indexOf: Map<unknown, number>;
  /** Per node index: its section's short last page (fewer than MIN_TAIL_LINES lines), and where the section ends. */
  tails: Map<number, { page: number; lines: number; end: number }>;
}

let pass: Pass | null = null;

function currentPass(): Pass | null {
  const list = laidOutNodes() as readonly LaidOutNode[] | null;
  if (!list) return null;
  if (pass?.list === list) return pass;
  const nodes = list.filter((n) => n[ROLE_KEY] !== undefined && n.positions.length > 0 && 'text' in n);
  const indexOf = new Map<unknown, number>();
  nodes.forEach((n, i) => indexOf.set(n.nodeInfo ?? n, i));
  pass = { list, nodes, indexOf, tails: sectionTails(nodes) };
  rearmTailBreaks(pass);
  return pass;
}

/** Nodes already offered a second decision: each at most once, so layout passes stay bounded. */
const rearmed = new WeakSet<object>();
/** Nodes this file moved to the next page. */
const brokeBefore = new WeakSet<object>();

/**
 * pdfmake asks about each node once (`pageBreakCalculated`), in order, and a later decision (a
 * heading moved to the next page) can leave a short last page behind nodes already asked. The
 * node where that page should start is asked again in the next pass.
 */
function rearmTailBreaks({ list, nodes, tails }: Pass): void {
  const done = new Set<number>();
  for (const tail of tails.values()) {
    if (done.has(tail.end)) continue;
    done.add(tail.end);
    for (let i = tail.end - 1; i >= 0 && nodes[i]!.positions[0]!.pageNumber >= tail.page - 1; i--) {
      const node = nodes[i] as LaidOutNode & { pageBreakCalculated?: boolean; pageBreak?: string };
      if (!fillsShortTail(nodes, i, tail)) continue;
      if (node.pageBreakCalculated && node.pageBreak !== 'before' && !rearmed.has(node)) {
        rearmed.add(node);
        // It and everything after it: a break there moves them all. A break this file asked for
        // after it was decided on the layout this one changes (pdfmake never takes one back: the
        // "Sources" heading moved to a page of its own would stay there alone), so it is asked again.
        const from = list.indexOf(node);
        for (let k = from; k < list.length; k++) {
          const later = list[k] as { pageBreakCalculated?: boolean; pageBreak?: string };
          later.pageBreakCalculated = false;
          if (k > from && brokeBefore.has(later)) {
            brokeBefore.delete(later);
            delete later.pageBreak;
          }
        }
      }
      break;
    }
  }
}

const pagesOf = (n: LaidOutNode) => n.positions.map((p) => p.pageNumber);
const linesOn = (n: LaidOutNode, page: number) => n.positions.reduce((sum, p) => sum + (p.pageNumber === page ? 1 : 0), 0);
const isHeading = (n: LaidOutNode) => n[ROLE_KEY] === 'heading' || n[ROLE_KEY] === 'section';

/**
 * Does the heading at `index` (or the probe before a row of headings) keep its group on its
 * page? In one column (`column`): first the headings directly after it and its meta lines, all
 * on this page; then at least KEEP_WITH_HEADING lines of whatever follows (or all of it, up to
 * the next section, when shorter).
 */
function keepsGroup(nodes: readonly LaidOutNode[], index: number, page: number, column: number | undefined): boolean {
  let lines = 0;
  let inGroup = true;
  let sawMeta = false;
  let sawHeading = nodes[index]![ROLE_KEY] !== 'probe';
  for (let i = index + 1; i < nodes.length; i++) {
    const node = nodes[i]!;
    if (node[COLUMN_KEY] !== column) continue;
    const role = node[ROLE_KEY]!;
    // The probe's own cells in the other columns come first; the next item's probe ends the group.
    if (role === 'probe') {
      if (!sawHeading) continue;
      return true;
    }
    if (role === 'section') return true;
    const meta = role === 'meta' || (isHeading(node) && !sawMeta);
    if (inGroup && meta) {
      if (pagesOf(node).some((p) => p !== page)) return false;
      sawMeta ||= role === 'meta';
      sawHeading ||= isHeading(node);
      continue;
    }
    inGroup = false;
    if (node.positions[0]!.pageNumber !== page) return false;
    const here = linesOn(node, page);
    lines += here;
    if (lines >= KEEP_WITH_HEADING) return true;
    // The node goes on to the next page before enough of it was on this one.
    if (here < node.positions.length) return false;
  }
  return true;
}

/** Lines on `page` of the nodes in [from, to) that `counts`, in the fullest column (side by side) or the only one. */
function linesOnPage(nodes: readonly LaidOutNode[], from: number, to: number, page: number, counts = (_: number) => true): number {
  const perColumn = new Map<number | undefined, number>();
  for (let i = from; i < to; i++) {
    const node = nodes[i]!;
    if (node[ROLE_KEY] === 'probe' || !counts(i)) continue;
    perColumn.set(node[COLUMN_KEY], (perColumn.get(node[COLUMN_KEY]) ?? 0) + linesOn(node, page));
  }
  return Math.max(0, ...perColumn.values());
}

/** Is the node at `index` part of a section's list of sources: an entry, or the heading right before the first? */
function inSourceList(nodes: readonly LaidOutNode[], index: number): boolean {
  const node = nodes[index]!;
  if (node[ROLE_KEY] === 'source') return true;
  if (node[ROLE_KEY] !== 'heading') return false;
  for (let i = index + 1; i < nodes.length; i++) {
    const next = nodes[i]!;
    if (next[COLUMN_KEY] === node[COLUMN_KEY] && next[ROLE_KEY] !== 'probe') return next[ROLE_KEY] === 'source';
  }
  return false;
}

/**
 * Sections whose last page holds 1 or 2 of their lines (and earlier lines before it), or only
 * its list of sources (heading and entries) with at most 2 lines of the text they are the
 * sources of: a page of a few source lines reads as a page left over.
 */
function sectionTails(nodes: readonly LaidOutNode[]): Map<number, { page: number; lines: number; end: number }> {
  const tails = new Map<number, { page: number; lines: number; end: number }>();
  let start = 0;
  const close = (end: number) => {
    if (end <= start) return;
    const section = nodes.slice(start, end);
    const last = Math.max(...section.flatMap(pagesOf));
    if (last === section[0]!.positions[0]!.pageNumber) return;
    const lines = linesOnPage(nodes, start, end, last);
    const text = linesOnPage(nodes, start, end, last, (i) => !inSourceList(nodes, i));
    // The list starts on the last page, its heading included: a list continued from the page before is not a tail.
    const listOpens = section.some((n, k) => isHeading(n) && n.positions[0]!.pageNumber === last && inSourceList(nodes, start + k));
    let short: number | null = null;
    if (lines > 0 && lines < MIN_TAIL_LINES) short = lines;
    else if (text < MIN_TAIL_LINES && (text > 0 || listOpens)) short = text;
    if (short !== null) for (let i = start; i < end; i++) tails.set(i, { page: last, lines: short, end });
  };
  nodes.forEach((n, i) => {
    // A section starts at its heading (side by side: the first column's).
    if (n[ROLE_KEY] === 'section' && (n[COLUMN_KEY] ?? 0) === 0) {
      close(i);
      start = i;
    }
  });
  close(nodes.length);
  return tails;
}

/** Lines of an item that may move to the next page with its heading so that its closing line is not left alone there. */
export const MAX_ITEM_MOVE = 14;

/**
 * Does the item under the heading at `index` end with a line of its own ("Roadmap priorities
 * 2, 3", after its body) that opens the next page, while the rest of the item, short enough to
 * move, is on this one? Alone at the top of a page, such a line no longer says what it belongs to.
 */
function closingLineAlone(nodes: readonly LaidOutNode[], index: number, page: number): boolean {
  let end = index + 1;
  while (end < nodes.length && !isHeading(nodes[end]!)) end++;
  const last = end - 1;
  if (last <= index + 1 || nodes[last]![ROLE_KEY] !== 'meta' || nodes[last - 1]![ROLE_KEY] !== 'body') return false;
  if (nodes[last]!.positions[0]!.pageNumber !== page + 1) return false;
  const rest = nodes.slice(index, last);
  if (rest.some((n) => pagesOf(n).some((p) => p !== page))) return false;
  return rest.reduce((sum, n) => sum + n.positions.length, 0) <= MAX_ITEM_MOVE;
}

/** Can the layout break before this node? In one column any node; side by side only a probe. */
const breakable = (node: LaidOutNode) =>
  node[COLUMN_KEY] === undefined ? node[ROLE_KEY] !== 'section' : node[ROLE_KEY] === 'probe' && node[COLUMN_KEY] === 0;

/**
 * Is the node at `index` right after a heading's meta lines (its official title, date, facts)?
 * Meta lines after a body ("Roadmap priorities 3, 4") end an item: a break after them is fine.
 */
function followsHeadingMeta(nodes: readonly LaidOutNode[], index: number): boolean {
  const column = nodes[index]![COLUMN_KEY];
  let sawMeta = false;
  for (let i = index - 1; i >= 0; i--) {
    const node = nodes[i]!;
    if (node[COLUMN_KEY] !== column || node[ROLE_KEY] === 'probe') continue;
    if (node[ROLE_KEY] !== 'meta') return sawMeta && isHeading(node);
    sawMeta = true;
  }
  return false;
}

/**
 * Should the node at `index`, on the page before a section's short last page, move there? Yes
 * when it is the latest place to break on that page that brings enough lines along (its own and
 * those after it on the page), not the page's first node, and not a body right after its
 * heading (the heading rule keeps those together).
 */
function fillsShortTail(nodes: readonly LaidOutNode[], index: number, tail: { page: number; lines: number; end: number }): boolean {
  const page = tail.page - 1;
  const needed = MIN_TAIL_LINES - tail.lines;
  const candidate = (i: number) => {
    const node = nodes[i]!;
    if (!breakable(node) || node.positions[0]!.pageNumber !== page) return false;
    const previous = nodes.slice(0, i).reverse().find((n) => n[COLUMN_KEY] === node[COLUMN_KEY] && n[ROLE_KEY] !== 'probe');
    if (!previous || previous.positions.at(-1)!.pageNumber !== page) return false;
    if (node[COLUMN_KEY] === undefined && (isHeading(previous) || followsHeadingMeta(nodes, i))) return false;
    return linesOnPage(nodes, i, tail.end, page) >= needed;
  };
  if (!candidate(index)) return false;
  // A later place on the page that would do is better: fewer lines leave their page.
  for (let i = index + 1; i < tail.end && nodes[i]!.positions[0]!.pageNumber <= page; i++) if (candidate(i)) return false;
  return true;
}

/** The pageBreakBefore of every edition. */
export const paginate: NonNullable<TDocumentDefinitions['pageBreakBefore']> = (nodeInfo) => {
  const current = currentPass();
  if (!current) return false;
  const index = current.indexOf.get(nodeInfo);
  if (index === undefined) return false;
  const node = current.nodes[index]!;
  const role = node[ROLE_KEY];
  const page = node.positions[0]!.pageNumber;
  // In the side-by-side edition only a probe breaks: a break in one cell moves that column alone.
  if (node[COLUMN_KEY] !== undefined && (role !== 'probe' || node[COLUMN_KEY] !== 0)) return false;
  const tail = current.tails.get(index);
  const moved = () => {
    brokeBefore.add(node);
    return true;
  };
  if (tail !== undefined && fillsShortTail(current.nodes, index, tail)) return moved();
  if (role === 'heading' || role === 'section' || role === 'source') {
    // A heading or a source entry never splits across pages (not pdfmake's `unbreakable`: the
    // positions it records for such a block are those before the block moved).
    if (pagesOf(node).some((p) => p !== page)) return moved();
    if (role === 'heading' && !keepsGroup(current.nodes, index, page, node[COLUMN_KEY])) return moved();
    if (role === 'heading' && node[COLUMN_KEY] === undefined && closingLineAlone(current.nodes, index, page)) return moved();
  }
  if (role === 'probe') {
    // The row of headings after the probe, in each of the three columns.
    for (const column of [0, 1, 2]) if (!keepsGroup(current.nodes, index, page, column)) return moved();
  }
  return false;
};
