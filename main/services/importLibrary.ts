import {
  LIBRARY_COLLECTIONS,
  type LibraryCollection,
  type LibraryDocument,
} from '../../shared/schemas/libraryDocument';
import type { LibraryStore } from './LibraryStore';
import { normalizeLibraryDocument } from '../../shared/schemas/normalizeLibraryDocument';
import { hashSourceText } from '../db/textHash';
import { carryApprovals, type Approver } from './carryApprovals';
import { parseLibraryDocument } from './parseLibraryDocument';
import { readLibraryFile } from './readLibraryFile';

import type { ImportCounts, LibraryImportReport } from '../../shared/api/libraryFileTypes';

export type { ImportCounts };
/** The shape the app's import shows too: one definition, in shared/. */
export type ImportReport = LibraryImportReport;

type AnyRecord = LibraryDocument[LibraryCollection][number];
const keyOf = (record: AnyRecord): string => ('code' in record ? record.code : record.id);

/** What applying `incoming` would change, record by record, against the canonical library. */
export function diffLibrary(current: LibraryDocument, incoming: LibraryDocument) {
  const counts = {} as Record<LibraryCollection, ImportCounts>;
  const changed = {} as Record<LibraryCollection, Set<string>>;
  for (const collection of LIBRARY_COLLECTIONS) {
    const before = new Map<string, string>(
      (current[collection] as AnyRecord[]).map((r) => [keyOf(r), JSON.stringify(r)]),
    );
    const c: ImportCounts = { added: 0, updated: 0, unchanged: 0 };
    const ids = new Set<string>();
    for (const record of incoming[collection] as AnyRecord[]) {
      const old = before.get(keyOf(record));
      if (old === undefined) c.added++;
      else if (old === JSON.stringify(record)) {
        c.unchanged++;
        continue;
      } else c.updated++;
      ids.add(keyOf(record));
    }
    counts[collection] = c;
    changed[collection] = ids;
  }
  return { counts, changed };
}

/** Below this many records, only the records a document carries are read to compare (a sync's few). */
const READ_BY_ID_MAX = 2000;

/** What the library holds of a document's records (a record absent here counts as added). */
function currentFor(store: LibraryStore, doc: LibraryDocument): LibraryDocument {
  const ids = LIBRARY_COLLECTIONS.flatMap((c) => (doc[c] as AnyRecord[]).map(keyOf));
  return ids.length <= READ_BY_ID_MAX ? store.readRecords(ids) : store.readDocument();
}

/**
 * Writes every added or updated record in one transaction: all or nothing. Foreign keys are
 * deferred to the commit, so records may refer to each other in any order.
 */
export function applyLibraryDocument(
  store: LibraryStore,
  input: LibraryDocument,
  approver: Approver | null = null,
  now = new Date().toISOString(),
) {
  // Canonical form first (idempotent): source hashes filled in, lists sorted, as the store expects.
  const doc = normalizeLibraryDocument(input, hashSourceText);
  carryApprovals(store, doc, approver);
  const { counts, changed } = diffLibrary(currentFor(store, doc), doc);
  const pick = <C extends LibraryCollection>(collection: C) =>
    (doc[collection] as AnyRecord[]).filter((r) => changed[collection].has(keyOf(r))) as LibraryDocument[C];
  const changedOnly = { ...doc } as LibraryDocument;
  for (const collection of LIBRARY_COLLECTIONS) (changedOnly[collection] as AnyRecord[]) = pick(collection);
  writeRecords(store, changedOnly, now);
  return counts;
}

/**
 * Writes every record of a canonical document (approvals already carried), in one transaction:
 * all or nothing, foreign keys deferred to the commit so records may refer to each other in any
 * order. The import writes what changed through here, and so do delete and restore.
 */
export function writeRecords(store: LibraryStore, doc: LibraryDocument, now = new Date().toISOString()): void {
  // Through the write gate: a busy, deleted or replaced library refuses before anything is written.
  store.write(() => {
    store.db.pragma('defer_foreign_keys = ON');
    for (const s of doc.sources) store.writeSource(s, now);
    for (const c of doc.countries) store.writeCountry(c, now);
    for (const n of doc.networks) store.writeNetwork(n, now);
    for (const m of doc.meetings) store.writeMeeting(m, now);
    store.priorities.releaseNumbers(doc.priorities.map((p) => p.id));
    for (const p of doc.priorities) store.writePriority(p, now);
    for (const i of doc.instruments) store.writeInstrument(i, now);
    for (const n of doc.notes) store.writeNote(n, now);
    for (const p of doc.packs) store.writePack(p, now);
  });
}

export function importLibraryFile(store: LibraryStore, file: string, options: { dryRun: boolean }): ImportReport {
  return importLibraryDocument(store, parseLibraryDocument(readLibraryFile(file), file, store), file, options);
}

/** A validated, canonical document: its dry-run report, or written all or nothing. */
export function importLibraryDocument(store: LibraryStore, doc: LibraryDocument, file: string, options: { dryRun: boolean }): ImportReport {
  // An import carries approvals (keeping the library's record of unchanged texts); it makes none.
  if (options.dryRun) carryApprovals(store, doc, null);
  const counts = options.dryRun ? diffLibrary(store.readDocument(), doc).counts : applyLibraryDocument(store, doc);
  return { file, dryRun: options.dryRun, counts };
}
