/**
 * FTS5's unicode61 tokenizer removes diacritics but does not expand ligatures, so "oeuvre"
 * would never find "œuvre". Index and query both go through this fold. The same replacements
 * are spelled out in SQL in migration 002 (triggers cannot call JavaScript).
 */
const LIGATURES: ReadonlyArray<readonly [string, string]> = [
  ['œ', 'oe'],
  ['Œ', 'OE'],
  ['æ', 'ae'],
  ['Æ', 'AE'],
  ['ß', 'ss'],
];

export function foldForSearch(text: string): string {
  let out = text.normalize('NFC');
  for (const [from, to] of LIGATURES) out = out.split(from).join(to);
  return out;
}

export const SEARCH_LIGATURES = LIGATURES;

/** The same fold as an SQL expression over `column`, for triggers and consistency checks. */
export function foldSqlExpression(column: string): string {
  return LIGATURES.reduce((expr, [from, to]) => `replace(${expr}, '${from}', '${to}')`, column);
}

/**
 * The words of a text folded as the index folds them (ligatures, accents, case): "l'École" →
 * ["l", "ecole"]. Queries and highlighted excerpts both go through here.
 */
export function searchTokens(text: string): string[] {
  return foldSearchWord(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** One word folded as the index folds it, for comparing with query tokens. */
export function foldSearchWord(word: string): string {
  return foldForSearch(word).normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
