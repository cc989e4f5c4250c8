import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Database } from 'better-sqlite3';
import { canonicalJson } from '../../../shared/domain/canonicalJson';
import { changesBetween, patchBetween, applyPatch, type PatchStep } from '../../../shared/domain/history/recordChanges';
import { recordKey } from '../../../shared/domain/recordKey';
import { LIBRARY_COLLECTIONS, type LibraryDocument } from '../../../shared/schemas/libraryDocument';
import type { PieceKind } from '../../../shared/domain/pieceKinds';
import { pieceContentHash } from '../pieceContentHash';
import { userName } from '../userName';
import type { LibraryStore } from '../LibraryStore';

type Rec = Record<string, unknown>;

/** Where each table names the piece its row belongs to; a row of any of them changes that piece. */
const PIECE_COLUMNS: readonly [table: string, columns: readonly string[]][] = [
  ['pieces', ['id']],
  ['texts', ['piece_id']],
  ['sources', ['id']],
  ['countries', ['code']],
  ['networks', ['id']],
  ['network_members', ['network_id']],
  ['meetings', ['id']],
  ['meeting_participants', ['meeting_id']],
  ['priorities', ['id']],
  ['instruments', ['id']],
  ['notes', ['id']],
  ['note_tags', ['note_id']],
  ['piece_sources', ['piece_id']],
  ['links', ['from_id']],
  ['packs', ['id']],
  ['pack_sections', ['id', 'pack_id']],
  ['pack_items', ['section_id']],
];

/** Only the newest version and every KEYFRAME-th keep the whole record; reading an old one replays at most this many patches. */
const KEYFRAME = 64;

export const packBlob = (value: unknown): Buffer => deflateRawSync(canonicalJson(value));
export const unpackBlob = <T>(blob: Buffer): T => JSON.parse(inflateRawSync(blob).toString('utf8')) as T;

interface LastRow {
  number: number;
  hash: string;
  snapshot: Buffer | null;
  deleted: number;
}

/** Every record of a document by its key. */
export function recordsById(doc: LibraryDocument): Map<string, Rec> {
  const out = new Map<string, Rec>();
  for (const collection of LIBRARY_COLLECTIONS) for (const r of doc[collection] as Rec[]) out.set(recordKey(r), r);
  return out;
}

/**
 * Records a version of every piece a write changed, inside that write's transaction, so a killed
 * process leaves the pieces and their history together or not at all. TEMP triggers (this
 * connection only) note every piece a row change touches, whoever wrote the SQL; at the end of
 * the write each noted piece is read in exchange form and compared by hash with its last version.
 */
export class HistoryRecorder {
  private installed = false;
  private baselined = false;
  private readonly restores = new Map<string, number>();
  /** The ids the last recorded write touched (pieces, sections, texts' pieces), for LibraryStore's watchers. */
  lastTouched: ReadonlySet<string> | null = null;

  constructor(private readonly store: LibraryStore) {}

  private get db(): Database {
    return this.store.db;
  }

  /** Outside any transaction: a rolled-back transaction would take TEMP triggers made in it away. */
  install(): boolean {
    if (this.installed) return true;
    const has = this.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'piece_versions'").get();
    if (!has) return false;
    const tables = new Set(this.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
    // No OR IGNORE: a trigger takes the conflict rule of the statement that fired it (an upsert's would fail).
    const sql = ['CREATE TEMP TABLE IF NOT EXISTS history_touched (id TEXT PRIMARY KEY) WITHOUT ROWID;'];
    for (const [table, columns] of PIECE_COLUMNS) {
      if (!tables.has(table)) continue;
      const note = (row: 'NEW' | 'OLD') => columns.map((c) => `INSERT INTO history_touched SELECT ${row}.${c} WHERE NOT EXISTS (SELECT 1 FROM history_touched WHERE id = ${row}.${c});`).join(' ');
      sql.push(
        `CREATE TEMP TRIGGER IF NOT EXISTS history_${table}_i AFTER INSERT ON ${table} BEGIN ${note('NEW')} END;`,
        `CREATE TEMP TRIGGER IF NOT EXISTS history_${table}_u AFTER UPDATE ON ${table} BEGIN ${note('NEW')} ${note('OLD')} END;`,
        `CREATE TEMP TRIGGER IF NOT EXISTS history_${table}_d AFTER DELETE ON ${table} BEGIN ${note('OLD')} END;`,
      );
    }
    this.db.exec(sql.join('\n'));
    this.installed = true;
    return true;
  }

  /** A restore names the version it brings back; the next version of that piece records it. */
  markRestore(id: string, version: number): void {
    this.restores.set(id, version);
  }

  /**
   * Before the first change through this connection: pieces that have no version yet (a library
   * from before history, or written by an older app) get one as they stand, so their first edit
   * can still be undone.
   */
  baseline(): void {
    if (this.baselined || !this.installed) return;
    const ids = this.db
      .prepare(
        `SELECT id FROM pieces p WHERE kind <> 'section' AND NOT EXISTS (SELECT 1 FROM piece_versions v WHERE v.piece_id = p.id)`,
      )
      .pluck()
      .all() as string[];
    if (ids.length > 0) {
      const records = recordsById(this.store.readRecords(ids));
      const at = new Date().toISOString();
      for (const id of ids) {
        const record = records.get(id);
        if (record) this.insert(id, this.store.kindOf(id)!, 1, at, null, [], record, null, false);
      }
    }
    this.db.prepare('DELETE FROM history_touched').run();
  }

  committed(): void {
    if (this.installed) this.baselined = true;
  }

  rolledBack(): void {
    this.restores.clear();
  }

  /** At the end of the write, still inside its transaction. */
  record(): void {
    if (!this.installed) return;
    const touched = this.db.prepare('SELECT id FROM history_touched').pluck().all() as string[];
    this.lastTouched = new Set(touched);
    if (touched.length === 0) return;
    this.db.prepare('DELETE FROM history_touched').run();
    const sectionPack = this.db.prepare('SELECT pack_id FROM pack_sections WHERE id = ?').pluck();
    const hasVersions = this.db.prepare('SELECT 1 FROM piece_versions WHERE piece_id = ? LIMIT 1').pluck();
    const targets = new Set<string>();
    for (const id of touched) {
      const kind = this.store.kindOf(id);
      if (kind === 'section') {
        const pack = sectionPack.get(id) as string | undefined;
        if (pack) targets.add(pack);
      } else if (kind !== undefined || hasVersions.get(id)) targets.add(id);
    }
    const present = [...targets].filter((id) => this.store.kindOf(id) !== undefined);
    const records = present.length > 0 ? recordsById(this.store.readRecords(present)) : new Map<string, Rec>();
    const last = this.db.prepare<[string], LastRow>(
      'SELECT number, hash, snapshot, deleted FROM piece_versions WHERE piece_id = ? ORDER BY number DESC LIMIT 1',
    );
    const at = new Date().toISOString();
    let who: string | undefined;
    for (const id of [...targets].sort()) {
      const prev = last.get(id);
      const record = records.get(id);
      const restoredFrom = this.restores.get(id) ?? null;
      const prevRecord = prev?.snapshot ? unpackBlob<Rec>(prev.snapshot) : null;
      who ??= userName(this.store);
      if (!record) {
        if (!prev || prev.deleted || !prevRecord) continue;
        const kind = this.db.prepare('SELECT kind FROM piece_versions WHERE piece_id = ? AND number = ?').pluck().get(id, prev.number) as PieceKind;
        this.demote(id, prev, prevRecord, prevRecord);
        this.insert(id, kind, prev.number + 1, at, who, [], prevRecord, null, true, prev.hash);
        continue;
      }
      const hash = pieceContentHash(record);
      if (prev && !prev.deleted && prev.hash === hash) continue;
      if (prev && prevRecord) this.demote(id, prev, prevRecord, record);
      const changes = changesBetween(prevRecord ?? {}, record);
      this.insert(id, this.store.kindOf(id)!, (prev?.number ?? 0) + 1, at, who, changes, record, restoredFrom, false, hash);
    }
    this.restores.clear();
  }

  /** The version before the new one keeps only the way back to itself, unless it is a keyframe. */
  private demote(id: string, prev: LastRow, prevRecord: Rec, next: Rec): void {
    if (prev.number % KEYFRAME === 0) return;
    const back: PatchStep[] = patchBetween(next, prevRecord);
    this.db.prepare('UPDATE piece_versions SET snapshot = NULL, patch = ? WHERE piece_id = ? AND number = ?').run(packBlob(back), id, prev.number);
  }

  private insert(
    id: string,
    kind: PieceKind,
    number: number,
    at: string,
    who: string | null,
    changes: unknown[],
    record: Rec,
    restoredFrom: number | null,
    deleted: boolean,
    hash = pieceContentHash(record),
  ): void {
    this.db
      .prepare(
        `INSERT INTO piece_versions (piece_id, kind, number, at, who, changes, hash, snapshot, patch, restored_from, deleted)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)`,
      )
      .run(id, kind, number, at, who, JSON.stringify(changes), hash, packBlob(record), restoredFrom, deleted ? 1 : 0);
  }
}

/** Version `number` of a piece as it was recorded: replayed back from the nearest whole record at or after it. */
export function readVersionRecord(db: Database, id: string, number: number): Rec | null {
  const rows = db
    .prepare(
      `SELECT number, snapshot, patch FROM piece_versions WHERE piece_id = @id AND number >= @number
       AND number <= (SELECT min(number) FROM piece_versions WHERE piece_id = @id AND number >= @number AND snapshot IS NOT NULL)
       ORDER BY number DESC`,
    )
    .all({ id, number }) as { number: number; snapshot: Buffer | null; patch: Buffer | null }[];
  if (rows.length === 0 || rows[rows.length - 1]!.number !== number) return null;
  let record: Rec | null = null;
  for (const row of rows) {
    if (record === null) record = unpackBlob<Rec>(row.snapshot!);
    else record = applyPatch(record, unpackBlob<PatchStep[]>(row.patch!));
  }
  return record;
}
