import type { TmxUnit } from '../../memory/readTmx';
import type { LibraryStore } from '../LibraryStore';
import type { TmxImportReport } from '../../../shared/memory/memoryTypes';

export type { TmxImportReport };

/**
 * Puts a TMX file's units in the external memory under `origin` (the file's name), in one write
 * through the write gate: an earlier import of the same name is replaced whole, the library's
 * own texts are never touched.
 */
export function importTmx(store: LibraryStore, origin: string, units: readonly TmxUnit[], options: { dryRun: boolean; now?: string }): TmxImportReport {
  const now = options.now ?? new Date().toISOString();
  const name = origin.slice(0, 200);
  const byPair = new Map<string, number>();
  for (const u of units) byPair.set(`${u.sourceLocale}>${u.targetLocale}`, (byPair.get(`${u.sourceLocale}>${u.targetLocale}`) ?? 0) + 1);
  const pairs = [...byPair].map(([k, n]) => ({ source: k.split('>')[0]!, target: k.split('>')[1]!, units: n }));
  const inlineCodes = units.reduce((n, u) => n + u.codes, 0);
  const count = () => store.db.prepare('SELECT count(*) FROM external_memory WHERE origin = ?').pluck().get(name) as number;
  if (options.dryRun) return { origin: name, units: units.length, replaced: count(), pairs, inlineCodes, dryRun: true };
  return store.write(() => {
    const replaced = store.db.prepare('DELETE FROM external_memory WHERE origin = ?').run(name).changes;
    const insert = store.db.prepare(
      'INSERT INTO external_memory (origin, source_locale, target_locale, source, target, imported_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    for (const u of units) insert.run(name, u.sourceLocale, u.targetLocale, u.source, u.target, now);
    return { origin: name, units: units.length, replaced, pairs, inlineCodes, dryRun: false };
  });
}
