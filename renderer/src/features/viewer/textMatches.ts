import { foldText } from '../../components/foldText';

/**
 * A page's text as pdf.js gives it: one string per text item (the spans of the text layer, in the
 * same order), and whether a line ends after it.
 */
export interface PageText {
  items: readonly string[];
  eol: readonly boolean[];
}

/** Part of a match inside one text item: `[start, end)` in that item's string. */
export interface ItemRange {
  item: number;
  start: number;
  end: number;
}

/** One match on a page: its pieces, one per text item it crosses. */
export type PageMatch = ItemRange[];

/** Matches are capped per page: a one-letter query on a dense page stays cheap to draw. */
export const MAX_MATCHES_PER_PAGE = 1000;

interface Folded {
  text: string;
  /** For each folded character, where its source character starts and ends in the original. */
  from: Int32Array;
  to: Int32Array;
}

const SPACE = /\s/u;

/**
 * Case-, accent- and ligature-free text (the interface's one fold, `foldText`, applied character
 * by character), with every run of white space (line ends included) read as one space, and a map
 * from each folded character back to the original text, so a match found in the folded text can
 * be highlighted in the original.
 */
export function foldWithMap(text: string): Folded {
  let out = '';
  const from: number[] = [];
  const to: number[] = [];
  let inSpace = false;
  let i = 0;
  for (const char of text) {
    const end = i + char.length;
    if (SPACE.test(char)) {
      if (!inSpace) {
        out += ' ';
        from.push(i);
        to.push(end);
      } else to[to.length - 1] = end;
      inSpace = true;
    } else {
      inSpace = false;
      const folded = foldText(char);
      // A combining mark folds to nothing: it belongs to the letter before it.
      if (folded === '' && to.length > 0) to[to.length - 1] = end;
      for (const unit of folded) {
        out += unit;
        for (let k = 0; k < unit.length; k++) {
          from.push(i);
          to.push(end);
        }
      }
    }
    i = end;
  }
  return { text: out, from: Int32Array.from(from), to: Int32Array.from(to) };
}

/** The query as it is compared: folded, white space collapsed, trimmed. */
export function foldQuery(query: string): string {
  return foldWithMap(query).text.trim();
}

/** The page's text joined as search reads it (a line end becomes a line break), and where each item starts. */
export function joinPageText(page: PageText): { text: string; starts: number[] } {
  const starts: number[] = [];
  let text = '';
  page.items.forEach((item, i) => {
    starts.push(text.length);
    text += item;
    if (page.eol[i]) text += '\n';
  });
  return { text, starts };
}

/** `[start, end)` ranges of the original text where the folded query occurs, left to right, not overlapping. */
export function findInText(text: string, foldedQuery: string, limit = MAX_MATCHES_PER_PAGE): { start: number; end: number }[] {
  if (!foldedQuery) return [];
  const folded = foldWithMap(text);
  const found: { start: number; end: number }[] = [];
  let at = folded.text.indexOf(foldedQuery);
  while (at >= 0 && found.length < limit) {
    const last = at + foldedQuery.length - 1;
    found.push({ start: folded.from[at]!, end: folded.to[last]! });
    at = folded.text.indexOf(foldedQuery, at + foldedQuery.length);
  }
  return found;
}

/** Splits a range of the joined page text into its pieces in each text item (line breaks belong to none). */
export function toItemRanges(range: { start: number; end: number }, page: PageText, starts: readonly number[]): ItemRange[] {
  const out: ItemRange[] = [];
  for (let item = 0; item < page.items.length; item++) {
    const itemStart = starts[item]!;
    const itemEnd = itemStart + page.items[item]!.length;
    if (itemEnd <= range.start) continue;
    if (itemStart >= range.end) break;
    const start = Math.max(range.start, itemStart) - itemStart;
    const end = Math.min(range.end, itemEnd) - itemStart;
    if (end > start) out.push({ item, start, end });
  }
  return out;
}

/** Every match of the query on one page, each as its pieces in the text items. */
export function findOnPage(page: PageText, foldedQuery: string): PageMatch[] {
  const { text, starts } = joinPageText(page);
  return findInText(text, foldedQuery)
    .map((range) => toItemRanges(range, page, starts))
    .filter((match) => match.length > 0);
}

/** A piece of one text item's string: plain text, or part of match `match`. */
export interface Segment {
  text: string;
  match: number | null;
}

/**
 * How each text item that holds a match is redrawn: its string cut into plain and highlighted
 * segments. Items without a match are left out (drawn as they are).
 */
export function highlightSegments(items: readonly string[], matches: readonly PageMatch[]): Map<number, Segment[]> {
  const byItem = new Map<number, { start: number; end: number; match: number }[]>();
  matches.forEach((match, index) => {
    for (const range of match) {
      const list = byItem.get(range.item) ?? [];
      list.push({ start: range.start, end: range.end, match: index });
      byItem.set(range.item, list);
    }
  });
  const out = new Map<number, Segment[]>();
  for (const [item, ranges] of byItem) {
    const text = items[item] ?? '';
    ranges.sort((a, b) => a.start - b.start);
    const segments: Segment[] = [];
    let at = 0;
    for (const range of ranges) {
      const start = Math.max(at, range.start);
      if (start >= range.end) continue;
      if (start > at) segments.push({ text: text.slice(at, start), match: null });
      segments.push({ text: text.slice(start, range.end), match: range.match });
      at = range.end;
    }
    if (at < text.length) segments.push({ text: text.slice(at), match: null });
    out.set(item, segments);
  }
  return out;
}
