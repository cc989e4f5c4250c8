import type { ListEntry, SearchHit } from '../../../../shared/api/listTypes';
import type { Locale } from '../../../../shared/domain/locales';
import type { TranslationState } from '../../../../shared/domain/translationState';
import { foldText } from '../../components/foldText';

export interface LibraryFilters {
  instrumentKind: string;
  country: string;
  tag: string;
  status: TranslationState | '';
  statusLocale: Locale;
  /** Only the pieces with an open sync conflict. */
  conflicts: boolean;
}

export interface Row {
  entry: ListEntry;
  /** The best search match, when the row is shown because of a search. */
  excerpt?: string;
}

/** An entry's title, folded once per list, so matching as you type costs one pass. */
export function foldTitles(entries: readonly ListEntry[]): string[] {
  return entries.map((e) => foldText(`${e.title} ${e.id}`));
}

function passes(entry: ListEntry, filters: LibraryFilters, conflicted: ReadonlySet<string>): boolean {
  if (filters.conflicts && !conflicted.has(entry.id)) return false;
  const d = entry.details;
  if (filters.instrumentKind && d.kind !== filters.instrumentKind) return false;
  if (filters.country === '-' && d.countryCode !== null && d.countryCode !== undefined) return false;
  if (filters.country && filters.country !== '-' && d.countryCode !== filters.country) return false;
  if (filters.tag && !(Array.isArray(d.tags) && d.tags.includes(filters.tag))) return false;
  if (filters.status && entry.states[filters.statusLocale] !== filters.status) return false;
  return true;
}

/**
 * The rows to show: with a query, the server's full-text hits for this kind first (in their
 * rank order, accent-insensitive over all three languages), then titles that match locally;
 * the filters apply to both.
 */
export function filterEntries(
  entries: readonly ListEntry[],
  /** foldTitles(entries); only read when there is a query (null while there is none). */
  folded: readonly string[] | null,
  query: string,
  hits: readonly SearchHit[] | null,
  filters: LibraryFilters,
  /** The pieces with an open sync conflict (piecesInConflict), for the Conflicts filter. */
  conflicted: ReadonlySet<string> = new Set(),
): Row[] {
  const needle = foldText(query.trim());
  if (!needle) return entries.filter((e) => passes(e, filters, conflicted)).map((entry) => ({ entry }));
  const byId = new Map(entries.map((e, i) => [e.id, i]));
  const rows: Row[] = [];
  const seen = new Set<string>();
  for (const hit of hits ?? []) {
    const index = byId.get(hit.id);
    if (index === undefined) continue;
    const entry = entries[index]!;
    if (!passes(entry, filters, conflicted)) continue;
    seen.add(entry.id);
    rows.push({ entry, excerpt: hit.matches[0]?.excerpt });
  }
  const titles = folded ?? foldTitles(entries);
  const words = needle.split(/\s+/);
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    if (seen.has(entry.id)) continue;
    const title = titles[i]!;
    if (words.every((w) => title.includes(w)) && passes(entry, filters, conflicted)) rows.push({ entry });
  }
  return rows;
}
