/** A bookmark as pdf.js reads it from the PDF's outline (only what the panel uses). */
export interface OutlineNode {
  title: string;
  dest: string | unknown[] | null;
  url: string | null;
  items: OutlineNode[];
}

export interface Bookmark {
  /** Its position in the tree, e.g. "0.2.1": stable, unique, usable in a test id. */
  id: string;
  title: string;
  /** 1 for a top-level bookmark. */
  level: number;
  dest: string | unknown[] | null;
  url: string | null;
}

/** Bookmarks beyond these are left out: a hostile outline cannot flood the panel. */
export const MAX_BOOKMARKS = 5000;

/**
 * The outline tree in reading order, each bookmark with its depth. Walked with an explicit stack,
 * not recursion, so an outline nested 10,000 levels deep costs no call stack.
 */
export function flattenOutline(roots: readonly OutlineNode[] | null | undefined, limit = MAX_BOOKMARKS): Bookmark[] {
  const out: Bookmark[] = [];
  const stack: { node: OutlineNode; id: string; level: number }[] = [];
  const push = (nodes: readonly OutlineNode[] | undefined, parent: string | null, level: number) => {
    if (!Array.isArray(nodes)) return;
    for (let i = nodes.length - 1; i >= 0; i--) {
      const node = nodes[i];
      if (node) stack.push({ node, id: parent === null ? String(i) : `${parent}.${i}`, level });
    }
  };
  push(roots ?? [], null, 1);
  while (stack.length > 0 && out.length < limit) {
    const { node, id, level } = stack.pop()!;
    out.push({
      id,
      title: typeof node.title === 'string' && node.title.trim() !== '' ? node.title.replace(/\s+/g, ' ').trim() : '',
      level,
      dest: node.dest ?? null,
      url: typeof node.url === 'string' ? node.url : null,
    });
    push(node.items, id, level + 1);
  }
  return out;
}

/**
 * The bookmark the reader is in: the last one, in reading order, that starts on or before
 * `page` (0-based). `pages[i]` is bookmark i's page, or null while unknown or without one.
 */
export function currentBookmark(pages: readonly (number | null)[], page: number): number | null {
  let best: number | null = null;
  let bestPage = -1;
  pages.forEach((p, i) => {
    if (p !== null && p <= page && p >= bestPage) {
      best = i;
      bestPage = p;
    }
  });
  return best;
}

/** Where an explicit destination points: its page (a reference or an index) and the top of the view, if given. */
export interface DestinationTarget {
  page: { ref: { num: number; gen: number } } | { index: number };
  /** Distance from the page's bottom edge in PDF points (PDF coordinates), or null. */
  top: number | null;
  left: number | null;
}

const isRef = (value: unknown): value is { num: number; gen: number } =>
  typeof value === 'object' && value !== null && typeof (value as { num?: unknown }).num === 'number' && typeof (value as { gen?: unknown }).gen === 'number';

const coordinate = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/**
 * Reads an explicit destination, `[page, /XYZ left top zoom]`, `[page, /FitH top]`, `[page, /Fit]`
 * and the others of PDF 32000 §12.3.2.2; null when it is not one.
 */
export function parseDestination(dest: unknown): DestinationTarget | null {
  if (!Array.isArray(dest) || dest.length < 2) return null;
  const [target, kind, ...args] = dest as [unknown, unknown, ...unknown[]];
  let page: DestinationTarget['page'];
  if (isRef(target)) page = { ref: { num: target.num, gen: target.gen } };
  else if (Number.isInteger(target) && (target as number) >= 0) page = { index: target as number };
  else return null;
  const name = typeof kind === 'object' && kind !== null && 'name' in kind ? String((kind as { name: unknown }).name) : String(kind);
  switch (name) {
    case 'XYZ':
      return { page, left: coordinate(args[0]), top: coordinate(args[1]) };
    case 'FitH':
    case 'FitBH':
      return { page, left: null, top: coordinate(args[0]) };
    case 'FitV':
    case 'FitBV':
      return { page, left: coordinate(args[0]), top: null };
    case 'FitR':
      return { page, left: coordinate(args[0]), top: coordinate(args[3]) };
    default:
      return { page, left: null, top: null };
  }
}
