/*
 * French puts a non-breaking space before the high punctuation marks and inside guillemets:
 * « ainsi », « Attention : ceci ; cela ! » The Imprimerie nationale's rule is followed: a word
 * space (U+00A0 NO-BREAK SPACE) before the colon, a thin one (U+202F NARROW NO-BREAK SPACE)
 * before ; ! ? and inside « ». Both are "glue" to Unicode's line-breaking rules, so no line
 * starts with a colon or ends with an opening guillemet.
 *
 * A space the writer typed there becomes the right non-breaking one; a missing one is added
 * only where the mark closes a phrase (followed by a space or the end), so web addresses
 * (https://…?q=1), times (10:30) and code-like text are left as they are.
 */

export const NBSP = '\u00a0';
export const NNBSP = '\u202f';

const SPACE_BEFORE: Record<string, string> = { ':': NBSP, ';': NNBSP, '!': NNBSP, '?': NNBSP, '»': NNBSP };
/** Ordinary spaces the writer may have typed around a mark (not line breaks: those stay). */
const TYPED_SPACE = /[ \t\u00a0\u202f\u2009]/;
const ANY_SPACE = /\s/u;
/** After these a ! or ? closes the phrase too: "?!", "? »", "?)". */
const CLOSES = /[\s!?».,)\]\u2019\u201d]/u;

function spaceBefore(s: string, i: number): string | null {
  const c = s[i]!;
  const wanted = SPACE_BEFORE[c];
  if (!wanted) return null;
  const prev = s[i - 1];
  if (prev === undefined || ANY_SPACE.test(prev)) return null;
  // "?!" and "!!": one space before the first mark only.
  if ((c === '!' || c === '?') && (prev === '!' || prev === '?')) return null;
  if (c === '»') return prev === '«' ? null : wanted;
  const next = s[i + 1];
  if (c === ':' || c === ';') return next === undefined || ANY_SPACE.test(next) ? wanted : null;
  return next === undefined || CLOSES.test(next) ? wanted : null;
}

/**
 * `text` with French spacing. `before` and `after` are the texts around it in the same
 * paragraph (a bold word, a link): they decide what happens at its edges, and every change
 * belongs to the piece holding the space or the mark, so pieces joined read as the whole would.
 */
export function frenchTypography(text: string, before = '', after = ''): string {
  const s = before + text + after;
  const from = before.length;
  const to = from + text.length;
  let out = '';
  for (let i = from; i < to; i++) {
    const c = s[i]!;
    if (TYPED_SPACE.test(c)) {
      let start = i;
      while (start > 0 && TYPED_SPACE.test(s[start - 1]!)) start--;
      let end = i;
      while (end < s.length && TYPED_SPACE.test(s[end]!)) end++;
      const prev = s[start - 1];
      const next = s[end];
      const joinsMark = next !== undefined && SPACE_BEFORE[next] !== undefined && prev !== undefined && !ANY_SPACE.test(prev);
      const afterOpening = prev === '«' && next !== undefined && !ANY_SPACE.test(next);
      if (joinsMark || afterOpening) {
        // The run becomes one non-breaking space, held by the piece with its first character.
        if (i === start) out += joinsMark ? SPACE_BEFORE[next]! : NNBSP;
        continue;
      }
      out += c;
      continue;
    }
    const space = spaceBefore(s, i);
    if (space) out += space;
    out += c;
    if (c === '«') {
      const next = s[i + 1];
      if (next !== undefined && !ANY_SPACE.test(next)) out += NNBSP;
    }
  }
  return out;
}
