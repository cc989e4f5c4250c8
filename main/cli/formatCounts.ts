import type { Translate } from '../../shared/locales/createTranslator';
import { LIBRARY_COLLECTIONS, type LibraryCollection } from '../../shared/schemas/libraryDocument';

/** "7 priorities, 21 countries, …" in the reader's language, skipping kinds with none. */
export function formatCounts(t: Translate, counts: Partial<Record<LibraryCollection, number>>): string {
  return LIBRARY_COLLECTIONS.filter((c) => (counts[c] ?? 0) > 0)
    .map((c) => t(`cli:count.${c}`, { count: counts[c] }))
    .join(', ');
}
