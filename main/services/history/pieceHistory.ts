import { AppError } from '../../../shared/errors/AppError';
import type { PieceVersion, PieceVersionInfo } from '../../../shared/api/historyTypes';
import type { FieldChange } from '../../../shared/domain/history/recordChanges';
import type { PieceKind } from '../../../shared/domain/pieceKinds';
import { collectionOfKind } from '../../../shared/domain/pieceReferences';
import { checkLibraryDocument } from '../../../shared/schemas/checkLibraryDocument';
import { emptyLibraryDocument, type LibraryDocument } from '../../../shared/schemas/libraryDocument';
import { normalizeLibraryDocument } from '../../../shared/schemas/normalizeLibraryDocument';
import { problemFromDocumentIssue } from '../../../shared/schemas/validationProblems';
import { hashSourceText } from '../../db/textHash';
import { carryApprovals } from '../carryApprovals';
import { writeRecords } from '../importLibrary';
import type { LibraryStore } from '../LibraryStore';
import { readVersionRecord } from './HistoryRecorder';

interface Row {
  number: number;
  kind: PieceKind;
  at: string;
  who: string | null;
  changes: string;
  restored_from: number | null;
  deleted: number;
}

const info = (r: Row): PieceVersionInfo => ({
  number: r.number,
  at: r.at,
  who: r.who,
  changes: JSON.parse(r.changes) as FieldChange[],
  restoredFrom: r.restored_from,
  deleted: r.deleted === 1,
});

const COLUMNS = 'number, kind, at, who, changes, restored_from, deleted';

/** A piece's versions, oldest first. A piece with none is not one this library knows (or knew). */
export function listVersions(store: LibraryStore, id: string): PieceVersionInfo[] {
  const read = () => store.db.prepare(`SELECT ${COLUMNS} FROM piece_versions WHERE piece_id = ? ORDER BY number`).all(id) as Row[];
  let rows = read();
  // A library not written to since history began: one pass through the write gate gives its pieces their first versions.
  if (rows.length === 0 && !store.db.readonly && store.kindOf(id) !== undefined) {
    store.write(() => undefined);
    rows = read();
  }
  if (rows.length === 0) throw new AppError('history.unknownPiece', { id });
  return rows.map(info);
}

export function readVersion(store: LibraryStore, id: string, number: number): PieceVersion {
  const all = listVersions(store, id);
  const row = store.db.prepare(`SELECT ${COLUMNS} FROM piece_versions WHERE piece_id = ? AND number = ?`).get(id, number) as Row | undefined;
  if (!row) throw new AppError('history.unknownVersion', { id, version: number, last: all.length });
  return { ...info(row), id, kind: row.kind, record: readVersionRecord(store.db, id, number)! };
}

/**
 * Writes version `number` back as the piece's record, through the same checks and writer as an
 * import; the write is a new version naming the one it restored, so restoring the version before
 * it undoes the restore. Approvals come back as that version recorded them where the texts match.
 */
export function restoreVersion(store: LibraryStore, id: string, number: number): { version: number; changed: boolean } {
  const version = readVersion(store, id, number);
  const collection = collectionOfKind(version.kind)!;
  const doc = { ...emptyLibraryDocument(), [collection]: [version.record] } as LibraryDocument;
  const issues = checkLibraryDocument(doc, store);
  if (issues.length > 0) {
    const problems = issues.map((issue) => problemFromDocumentIssue(issue, doc));
    throw new AppError('history.cannotRestore', { id, version: number, count: problems.length }, problems);
  }
  const canonical = normalizeLibraryDocument(doc, hashSourceText);
  carryApprovals(store, canonical, null);
  const before = lastNumber(store, id);
  store.write(() => {
    store.history.markRestore(id, number);
    writeRecords(store, canonical);
  });
  const after = lastNumber(store, id);
  return { version: after, changed: after !== before };
}

function lastNumber(store: LibraryStore, id: string): number {
  return store.db.prepare('SELECT max(number) FROM piece_versions WHERE piece_id = ?').pluck().get(id) as number;
}

/**
 * The version of a piece whose content hash is `hash` (the key a build manifest names it by),
 * newest first when the same content came back later; null when the library holds none.
 */
export function findVersionByHash(store: LibraryStore, id: string, hash: string): number | null {
  const number = store.db
    .prepare('SELECT max(number) FROM piece_versions WHERE piece_id = ? AND hash = ? AND deleted = 0')
    .pluck()
    .get(id, hash) as number | null;
  return number ?? null;
}
