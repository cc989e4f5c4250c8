import type { ExcerptPart } from '../api/listTypes';
import { foldSearchWord } from './foldForSearch';

const WORD = /[\p{L}\p{N}]+/gu;

/** Markdown markers a reader does not want in a one-line excerpt: links keep their label. */
export function plainExcerptText(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]\n]*)\]\([^)\n]*\)/g, '$1')
    .replace(/^\s{0,3}(#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)/gm, '')
    .replace(/(\*\*|__|~~|`)/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whether a word of the text matches one of the query's tokens (each a prefix, as in the index). */
export function wordMatches(word: string, tokens: readonly string[]): boolean {
  const folded = foldSearchWord(word);
  return tokens.some((t) => folded.startsWith(t));
}

/**
 * The text with the words that match the query marked: every run of text is kept as typed, so
 * the parts joined give back `text` exactly.
 */
export function highlightParts(text: string, tokens: readonly string[]): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  let at = 0;
  for (const m of text.matchAll(WORD)) {
    if (!wordMatches(m[0], tokens)) continue;
    if (m.index > at) parts.push({ text: text.slice(at, m.index), hit: false });
    parts.push({ text: m[0], hit: true });
    at = m.index + m[0].length;
  }
  if (at < text.length || parts.length === 0) parts.push({ text: text.slice(at), hit: false });
  return merge(parts);
}

/**
 * A short window of `text` (Markdown) around its first matching word: about `words` words, cut at
 * word boundaries with "…" where it was cut, never more than `maxChars` characters (a pasted
 * 5,000-character token is cut too), matches marked.
 */
export function searchExcerpt(markdown: string, tokens: readonly string[], words = 16, maxChars = 200): ExcerptPart[] {
  const text = plainExcerptText(markdown);
  const found = [...text.matchAll(WORD)];
  const first = found.findIndex((m) => wordMatches(m[0], tokens));
  const startWord = first <= 3 ? 0 : first - 3;
  const endWord = Math.min(found.length, startWord + words);
  let start = startWord === 0 ? 0 : found[startWord]!.index;
  let end = endWord >= found.length ? text.length : found[endWord - 1]!.index + found[endWord - 1]![0].length;
  if (end - start > maxChars) {
    // Keep the first match in view when one very long word fills the window.
    const hit = first >= 0 ? found[first]!.index : start;
    start = Math.max(start, Math.min(hit, end - maxChars));
    end = start + maxChars;
  }
  const parts = highlightParts(text.slice(start, end), tokens);
  if (start > 0) parts.unshift({ text: '…', hit: false });
  if (end < text.length) parts.push({ text: '…', hit: false });
  return merge(parts);
}

function merge(parts: ExcerptPart[]): ExcerptPart[] {
  const out: ExcerptPart[] = [];
  for (const p of parts) {
    if (p.text === '') continue;
    const last = out[out.length - 1];
    if (last && last.hit === p.hit && !p.hit) last.text += p.text;
    else out.push({ ...p });
  }
  return out;
}
