import type { Locale } from '../../../shared/domain/locales';
import type { MemoryMatch } from '../../../shared/memory/memoryTypes';
import { foldForConcordance } from '../../../shared/memory/foldForConcordance';
import type { LibraryStore } from '../LibraryStore';
import { memoryIndexFor } from './MemoryIndex';

export const CONCORDANCE_LIMIT = 50;

/**
 * Concordance: the approved paragraph pairs whose source or translation holds the phrase,
 * without case or accents, so a translator sees how a wording was translated before.
 */
export function searchConcordance(
  store: LibraryStore,
  query: { phrase: string; source: Locale; target: Locale },
): { pairs: MemoryMatch[]; truncated: boolean } {
  const needle = foldForConcordance(query.phrase).trim();
  if (needle === '') return { pairs: [], truncated: false };
  const pairs: MemoryMatch[] = [];
  const seen = new Set<string>();
  for (const pair of memoryIndexFor(store.db, query.source, query.target).pairs) {
    if (!foldForConcordance(pair.source).includes(needle) && !foldForConcordance(pair.target).includes(needle)) continue;
    const key = `${pair.source}\u0000${pair.target}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (pairs.length === CONCORDANCE_LIMIT) return { pairs, truncated: true };
    const match: MemoryMatch = { score: 100, source: pair.source, target: pair.target, pieceId: pair.pieceId, field: pair.field };
    if (pair.origin !== undefined) match.origin = pair.origin;
    pairs.push(match);
  }
  return { pairs, truncated: false };
}
