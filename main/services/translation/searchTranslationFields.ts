import type { LibraryStore } from '../LibraryStore';
import { queryTokens, toFtsQuery } from '../searchLibrary';

/** More than a translator scrolls through; a query that matches more is too short to help. */
const MAX_KEYS = 10_000;

/**
 * The pieces' fields whose text, in any language, has every word of `query` (accents, case and
 * ligatures folded, words as prefixes): the full-text index the library search uses, so the
 * translator's list finds words beyond the excerpts it holds.
 */
export function searchTranslationFields(store: LibraryStore, query: string): { keys: string[]; truncated: boolean } {
  const tokens = queryTokens(query);
  if (tokens.length === 0) return { keys: [], truncated: false };
  const rows = store.db
    .prepare('SELECT DISTINCT piece_id, field FROM search_index WHERE search_index MATCH ? LIMIT ?')
    .all(toFtsQuery(tokens), MAX_KEYS + 1) as { piece_id: string; field: string }[];
  return { keys: rows.slice(0, MAX_KEYS).map((r) => `${r.piece_id}\u0000${r.field}`), truncated: rows.length > MAX_KEYS };
}
