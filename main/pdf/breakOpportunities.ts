/*
 * Where a long token may break. pdfmake breaks lines where Unicode's line-breaking rules allow
 * (the `linebreak` package: after spaces and hyphens, between ideographs, after U+200B ZERO
 * WIDTH SPACE) and cuts a single word wider than its line at the letter that no longer fits.
 * Neither helps a URL, an e-mail address or a file name in a table cell (the cell is sized to the
 * whole token) or a chain of links (pdfmake never breaks between two pieces of one word), and a
 * word of thousands of letters costs quadratic time to cut. So every token longer than
 * LONG_TOKEN gets U+200B where a copy editor would break it (before `.` `@` `?` `#` `&` `=`,
 * after `/` `_` `\`), and any stretch still longer than MAX_UNBROKEN is cut into equal pieces.
 * The U+200B are removed again once lines are laid out (layoutChecks.ts): copied text is clean.
 */

export const ZWSP = '\u200b';
/** Tokens up to this many characters are never touched: words, dates, short addresses. */
export const LONG_TOKEN = 20;
/** No stretch without a break opportunity is longer (longer than any word of en, fr or es). */
export const MAX_UNBROKEN = 30;

const BREAK_BEFORE = new Set(['.', ',', '@', '?', '#', '&', '=', '%', '~', '+', '(', '[', '{', '|', ';']);
const BREAK_AFTER = new Set(['/', '\\', '_', ':']);
/** Characters after which the line breaker already breaks (space, hyphen, dashes, ZWSP). */
const NATURAL = /[\s\-\u2010\u2012-\u2014\u200b]/u;
/** Ideographs and kana already break between each other. */
const IDEOGRAPHIC = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
/** Never break before a mark, a joiner or a selector: they belong to the character before. */
const ATTACHED = /[\p{M}\u200c\u200d\ufe00-\ufe0f]/u;
const WORDISH = /[\p{L}\p{N}]/u;

/**
 * Offsets (in UTF-16 units of `text`) before which a U+200B goes, in increasing order. Only
 * text inside tokens longer than LONG_TOKEN gets any.
 */
export function breakOffsets(text: string): number[] {
  const out: number[] = [];
  // Tokens: maximal runs without whitespace. Most text has none long enough: one scan.
  const token = new RegExp(`\\S{${LONG_TOKEN + 1},}`, "gu");
  for (const match of text.matchAll(token)) breakToken(match[0], match.index, out);
  return out;
}

function breakToken(token: string, base: number, out: number[]): void {
  const chars = Array.from(token);
  // Offsets of each code point within the token.
  const at: number[] = [];
  let offset = 0;
  for (const c of chars) {
    at.push(offset);
    offset += c.length;
  }
  const chosen: number[] = [];
  for (let i = 2; i < chars.length - 2; i++) {
    const c = chars[i]!;
    const before = chars[i - 1]!;
    if (ATTACHED.test(c)) continue;
    const soft =
      (BREAK_BEFORE.has(c) && WORDISH.test(before) && WORDISH.test(chars[i + 1]!)) ||
      (BREAK_AFTER.has(before) && !BREAK_AFTER.has(c) && WORDISH.test(c));
    if (soft) chosen.push(i);
  }
  // Stretches between opportunities (chosen or natural) longer than MAX_UNBROKEN: equal pieces.
  const withHard: number[] = [];
  let start = 0;
  let next = 0;
  const flush = (end: number) => {
    const length = end - start;
    if (length > MAX_UNBROKEN) {
      const pieces = Math.ceil(length / MAX_UNBROKEN);
      for (let k = 1; k < pieces; k++) {
        let i = camelNear(chars, start + Math.round((k * length) / pieces), start, end);
        while (i < end && ATTACHED.test(chars[i]!)) i++;
        if (i < end) withHard.push(i);
      }
    }
    start = end;
  };
  for (let i = 1; i <= chars.length; i++) {
    if (i === chars.length) {
      flush(i);
      break;
    }
    const natural = NATURAL.test(chars[i - 1]!) || IDEOGRAPHIC.test(chars[i - 1]!) || IDEOGRAPHIC.test(chars[i]!);
    const isChosen = chosen[next] === i;
    if (isChosen) next++;
    if (natural || isChosen) {
      flush(i);
      if (isChosen) withHard.push(i);
    }
  }
  withHard.sort((a, b) => a - b);
  for (const i of withHard) out.push(base + at[i]!);
}

/** A lower-to-upper-case boundary (`Security|Network`) within a few letters of `i`, else `i`. */
function camelNear(chars: readonly string[], i: number, start: number, end: number): number {
  for (let d = 0; d <= 5; d++) {
    for (const j of [i - d, i + d]) {
      if (j - start >= 4 && end - j >= 4 && /\p{Ll}/u.test(chars[j - 1]!) && /\p{Lu}/u.test(chars[j]!)) return j;
    }
  }
  return i;
}

/** `text` with U+200B at its break offsets: for callers that have a single string. */
export function withBreakOpportunities(text: string): string {
  const offsets = breakOffsets(text);
  if (offsets.length === 0) return text;
  let out = '';
  let last = 0;
  for (const o of offsets) {
    out += text.slice(last, o) + ZWSP;
    last = o;
  }
  return out + text.slice(last);
}
