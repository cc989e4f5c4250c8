import { AppError } from '../../../shared/errors/AppError';
import type { Locale } from '../../../shared/domain/locales';
import type { LibraryCollection, LibraryDocument } from '../../../shared/schemas/libraryDocument';
import type { MergeConflict } from '../../../shared/sync/threeWayMerge';
import type { LibraryStore } from '../LibraryStore';
import { carryApprovals } from '../carryApprovals';
import { writeRecords } from '../importLibrary';
import { parseLibraryDocument } from '../parseLibraryDocument';
import { referrerIds } from '../trash/referrerIds';

/** A conflict as the library keeps it (migration 012), with its id for `sync resolve`. */
export interface StoredConflict extends MergeConflict {
  id: number;
  foundAt: string;
  resolvedAt: string | null;
  kept: 'ours' | 'theirs' | null;
}

interface Row {
  id: number;
  kind: MergeConflict['kind'];
  collection: LibraryCollection;
  piece_id: string;
  section_id: string | null;
  field: string | null;
  locale: Locale | null;
  base: string;
  ours: string;
  theirs: string;
  ours_by: string;
  theirs_by: string;
  found_at: string;
  resolved_at: string | null;
  kept: 'ours' | 'theirs' | null;
}

const fromRow = (r: Row): StoredConflict => ({
  id: r.id,
  kind: r.kind,
  collection: r.collection,
  pieceId: r.piece_id,
  section: r.section_id,
  field: r.field,
  locale: r.locale,
  base: JSON.parse(r.base) as unknown,
  ours: JSON.parse(r.ours) as unknown,
  theirs: JSON.parse(r.theirs) as unknown,
  oursBy: r.ours_by,
  theirsBy: r.theirs_by,
  foundAt: r.found_at,
  resolvedAt: r.resolved_at,
  kept: r.kept,
});

/**
 * Stores a merge's conflicts; call inside the write that applies the merge (all or nothing). An
 * open conflict on the same cell is replaced: the newer sync's sides are the ones that matter.
 */
export function recordConflicts(store: LibraryStore, conflicts: readonly MergeConflict[], now: string): void {
  const drop = store.db.prepare(
    `DELETE FROM sync_conflicts WHERE resolved_at IS NULL AND piece_id = ? AND ifnull(section_id, '') = ifnull(?, '')
       AND ifnull(field, '') = ifnull(?, '') AND ifnull(locale, '') = ifnull(?, '')`,
  );
  const insert = store.db.prepare(
    `INSERT INTO sync_conflicts (kind, collection, piece_id, section_id, field, locale, base, ours, theirs, ours_by, theirs_by, found_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const c of conflicts) {
    drop.run(c.pieceId, c.section, c.field, c.locale);
    const json = (v: unknown) => JSON.stringify(v ?? null);
    insert.run(c.kind, c.collection, c.pieceId, c.section, c.field, c.locale, json(c.base), json(c.ours), json(c.theirs), c.oursBy, c.theirsBy, now);
  }
}

export function listConflicts(store: LibraryStore, options: { all?: boolean } = {}): StoredConflict[] {
  // A library opened read-only before its upgrade to schema 12 has no conflicts to show.
  if (!store.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sync_conflicts'").get()) return [];
  const rows = store.db
    .prepare(`SELECT * FROM sync_conflicts ${options.all ? '' : 'WHERE resolved_at IS NULL'} ORDER BY id`)
    .all() as Row[];
  return rows.map(fromRow);
}

/** Open conflicts in these pieces (a pack and what it includes), for `build --strict`. */
export function openConflictsIn(store: LibraryStore, pieceIds: ReadonlySet<string>): StoredConflict[] {
  return listConflicts(store).filter((c) => pieceIds.has(c.pieceId));
}

type AnyRecord = Record<string, unknown>;

/**
 * Ends a conflict by keeping one side: ours is what the library holds already; theirs is written
 * into the cell (or, for a piece deleted on their side, the piece deleted) through the write gate,
 * checked like any other change, with the conflict marked resolved in the same transaction. The
 * next sync shares the choice.
 */
export function resolveConflict(
  store: LibraryStore,
  id: number,
  choice: 'ours' | 'theirs' | { text: string },
  now = new Date().toISOString(),
): StoredConflict {
  const row = store.db.prepare('SELECT * FROM sync_conflicts WHERE id = ?').get(id) as Row | undefined;
  if (!row) throw new AppError('sync.conflictNotFound', { id });
  if (row.resolved_at) throw new AppError('sync.conflictResolved', { id, kept: row.kept ?? '' });
  const conflict = fromRow(row);
  // A merged text becomes the library's (ours) text: recorded as ours, shared by the next sync.
  const keep = typeof choice === 'string' ? choice : 'ours';
  const value = typeof choice === 'string' ? (keep === 'ours' ? conflict.ours : conflict.theirs) : mergedCell(conflict, choice.text);
  store.write(() => {
    const doc = store.readRecords([conflict.pieceId]);
    const list = doc[conflict.collection] as AnyRecord[];
    const index = list.findIndex((r) => (r.code ?? r.id) === conflict.pieceId);
    if (conflict.kind === 'deletedEdited') {
      if (value === null) deletePieceFor(store, doc, conflict, index);
      else if (index < 0) throw new AppError('sync.conflictPieceGone', { id, piece: conflict.pieceId });
      // A kept edit is what the library holds: nothing to write but the choice.
    } else {
      if (index < 0) throw new AppError('sync.conflictPieceGone', { id, piece: conflict.pieceId });
      const record = structuredClone(list[index]!);
      setCell(record, conflict, value);
      list[index] = record;
      // The exchange format's checks, against the library, before anything is written.
      const canonical = parseLibraryDocument(doc, `sync conflict ${id}`, store);
      carryApprovals(store, canonical, null);
      writeRecords(store, canonical, now);
    }
    store.db.prepare('UPDATE sync_conflicts SET resolved_at = ?, kept = ? WHERE id = ?').run(now, keep, id);
  });
  return fromRow(store.db.prepare('SELECT * FROM sync_conflicts WHERE id = ?').get(id) as Row);
}

/**
 * A text cell with the words an editor merged: a draft with ours' (or theirs') provenance, its
 * approval dropped, since nobody approved these words.
 */
function mergedCell(c: StoredConflict, text: string): unknown {
  if (c.kind !== 'cell' || !c.locale) throw new AppError('sync.mergeNotText', { id: c.id });
  const side = (c.ours ?? c.theirs ?? {}) as AnyRecord;
  const cell: AnyRecord = { ...side, text, status: 'draft' };
  delete cell.approvedBy;
  delete cell.approvedAt;
  return cell;
}

function setCell(record: AnyRecord, c: StoredConflict, value: unknown): void {
  let target = record;
  if (c.section) {
    const sections = record.sections as AnyRecord[];
    const section = sections.find((s) => s.id === c.section);
    if (!section) throw new AppError('sync.conflictPieceGone', { id: c.id, piece: `${c.pieceId}/${c.section}` });
    target = section;
  }
  if (c.field === 'sections' && !c.section) {
    // The order of the sections: the kept side's order of the sections there are now.
    const order = (value as string[] | null) ?? [];
    const sections = record.sections as AnyRecord[];
    const rank = (s: AnyRecord) => {
      const at = order.indexOf(String(s.id));
      return at < 0 ? order.length : at;
    };
    record.sections = [...sections].sort((a, b) => rank(a) - rank(b));
    return;
  }
  if (c.locale) {
    const text = { ...((target[c.field!] as AnyRecord | null) ?? {}) };
    if (value === null) delete text[c.locale];
    else text[c.locale] = value;
    target[c.field!] = Object.keys(text).length > 0 ? text : null;
  } else {
    target[c.field!] = value;
  }
}

function deletePieceFor(store: LibraryStore, doc: LibraryDocument, c: StoredConflict, index: number): void {
  if (c.section) {
    const pack = (doc.packs as AnyRecord[])[index];
    if (pack) {
      pack.sections = (pack.sections as AnyRecord[]).filter((s) => s.id !== c.section);
      store.writePack(pack as LibraryDocument['packs'][number], new Date().toISOString());
    }
    return;
  }
  if (index < 0) return;
  const referrers = referrerIds(store, c.pieceId).filter((r) => r !== c.pieceId);
  if (referrers.length > 0) throw new AppError('sync.conflictReferenced', { id: c.id, piece: c.pieceId, count: referrers.length });
  store.db.pragma('defer_foreign_keys = ON');
  if (c.collection === 'packs') for (const s of (doc.packs[index]!.sections ?? [])) store.pieces.delete(s.id);
  store.pieces.delete(c.pieceId);
}
