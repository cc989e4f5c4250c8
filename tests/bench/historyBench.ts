import fs from 'node:fs';
import path from 'node:path';
import { openLibrary } from '../../main/db/openLibrary';
import { LibraryStore } from '../../main/services/LibraryStore';
import { loadStarterLibrary } from '../../main/services/loadStarterLibrary';
import { saveRecord } from '../../main/api/saveRecord';
import type { LibraryCollection } from '../../shared/schemas/libraryDocument';

type Emit = (record: Record<string, unknown>) => void;

const EDITS = Number(process.env.BENCH_HISTORY_EDITS ?? 10_000);
const COLLECTIONS: LibraryCollection[] = ['priorities', 'instruments', 'notes', 'meetings', 'networks', 'countries', 'sources'];
const approver = { by: 'Bench', at: '2026-01-01T00:00:00.000Z' };

const fileBytes = (store: LibraryStore) => {
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  return Number(store.db.pragma('page_count', { simple: true })) * Number(store.db.pragma('page_size', { simple: true }));
};

/**
 * EDITS editor saves spread over the starter library's pieces (a word added to one text in one
 * language each time, as a user types and saves), with history, against the same saves in a
 * library without the history table (no version recorded): file size and median save time.
 */
export async function runHistoryBench(emit: Emit, work: string): Promise<void> {
  const measure = async (name: string, recording: boolean) => {
    const file = path.join(work, `history-${name}.sqlite`);
    fs.rmSync(file, { force: true });
    const library = await openLibrary(file, { create: true });
    try {
      loadStarterLibrary(new LibraryStore(library.db));
      if (!recording) {
        library.db.exec('DROP TABLE piece_versions');
        for (const name of library.db.prepare("SELECT name FROM sqlite_temp_master WHERE type = 'trigger'").pluck().all() as string[]) {
          library.db.exec(`DROP TRIGGER temp.${name}`);
        }
      }
      // A new store finds no history table in the reference, so records nothing.
      const store = new LibraryStore(library.db);
      store.db.exec('VACUUM');
      const before = fileBytes(store);
      const doc = store.readDocument();
      const textField = (record: Record<string, unknown>) =>
        Object.entries(record).find(([, v]) => v && typeof v === 'object' && !Array.isArray(v) && ('fr' in v || 'en' in v));
      const pieces = COLLECTIONS.flatMap((c) => (doc[c] as Record<string, unknown>[]).filter((r) => textField(r)).map((record) => ({ c, record })));
      const times: number[] = [];
      for (let i = 0; i < EDITS; i++) {
        const piece = pieces[i % pieces.length]!;
        const record = piece.record;
        const field = textField(record)!;
        const texts = field[1] as Record<string, { text: string; status: string }>;
        const locale = 'fr' in texts ? 'fr' : 'en';
        texts[locale] = { ...texts[locale]!, text: `${texts[locale]!.text} m${i % 97}`, status: 'draft' };
        delete (texts[locale] as { approvedBy?: string }).approvedBy;
        delete (texts[locale] as { approvedAt?: string }).approvedAt;
        const start = performance.now();
        piece.record = saveRecord(store, piece.c, record as never, approver) as unknown as Record<string, unknown>;
        times.push(performance.now() - start);
      }
      const after = fileBytes(store);
      store.db.exec('VACUUM');
      const vacuumed = fileBytes(store);
      const versions = recording ? (store.db.prepare('SELECT count(*) FROM piece_versions').pluck().get() as number) : 0;
      const historyBytes = recording
        ? (store.db.prepare('SELECT sum(length(snapshot)) + sum(coalesce(length(patch), 0)) FROM piece_versions').pluck().get() as number)
        : 0;
      times.sort((a, b) => a - b);
      return {
        before,
        after,
        vacuumed,
        versions,
        historyBytes,
        pieces: pieces.length,
        median_ms: Math.round(times[Math.floor(times.length / 2)]! * 100) / 100,
        p95_ms: Math.round(times[Math.floor(times.length * 0.95)]! * 100) / 100,
      };
    } finally {
      library.close();
    }
  };
  const withHistory = await measure('recorded', true);
  const reference = await measure('reference', false);
  emit({
    bench: 'history',
    edits: EDITS,
    pieces: withHistory.pieces,
    versions: withHistory.versions,
    file_before_bytes: withHistory.before,
    file_after_bytes: withHistory.after,
    file_after_vacuum_bytes: withHistory.vacuumed,
    history_blob_bytes: withHistory.historyBytes,
    save_median_ms: withHistory.median_ms,
    save_p95_ms: withHistory.p95_ms,
    reference_file_after_bytes: reference.after,
    reference_file_after_vacuum_bytes: reference.vacuumed,
    reference_save_median_ms: reference.median_ms,
    reference_save_p95_ms: reference.p95_ms,
  });
}
