import { AppError } from '../../../shared/errors/AppError';
import type { ExternalMemorySummary } from '../../../shared/memory/memoryTypes';
import type { Locale } from '../../../shared/domain/locales';
import type { LibraryStore } from '../LibraryStore';

/** The TMX files imported into the external memory, by name: their pairs per language pair and when. */
export function listExternalMemories(store: LibraryStore): ExternalMemorySummary[] {
  const rows = store.db
    .prepare(
      `SELECT origin, source_locale AS source, target_locale AS target, count(*) AS units, max(imported_at) AS importedAt
       FROM external_memory GROUP BY origin, source_locale, target_locale ORDER BY origin, source_locale, target_locale`,
    )
    .all() as { origin: string; source: Locale; target: Locale; units: number; importedAt: string }[];
  const byOrigin = new Map<string, ExternalMemorySummary>();
  for (const r of rows) {
    let entry = byOrigin.get(r.origin);
    if (!entry) byOrigin.set(r.origin, (entry = { origin: r.origin, units: 0, importedAt: r.importedAt, pairs: [] }));
    entry.units += r.units;
    if (r.importedAt > entry.importedAt) entry.importedAt = r.importedAt;
    entry.pairs.push({ source: r.source, target: r.target, units: r.units });
  }
  return [...byOrigin.values()];
}

/** Takes one imported file's pairs out of the memory, in one write; the library's texts are untouched. */
export function removeExternalMemory(store: LibraryStore, origin: string): { origin: string; removed: number } {
  return store.write(() => {
    const removed = store.db.prepare('DELETE FROM external_memory WHERE origin = ?').run(origin).changes;
    if (removed === 0) throw new AppError('tmx.noSuchImport', { origin });
    return { origin, removed };
  });
}
