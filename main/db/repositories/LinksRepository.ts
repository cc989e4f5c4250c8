import type { Database, Statement } from 'better-sqlite3';
import type { PieceKind } from '../../../shared/domain/pieceKinds';

/** Directed links between pieces: note → instrument, note → priority, instrument → priority. */
export class LinksRepository {
  private readonly deleteFrom: Statement<[string]>;
  private readonly insert: Statement<[string, string]>;

  constructor(private readonly db: Database) {
    this.deleteFrom = db.prepare('DELETE FROM links WHERE from_id = ?');
    this.insert = db.prepare('INSERT INTO links (from_id, to_id) VALUES (?, ?)');
  }

  /** from id → linked ids with the linked piece's kind; only links from pieces of `fromKinds` if given. */
  readAll(fromKinds?: readonly PieceKind[]): Map<string, { id: string; kind: string }[]> {
    const filter = fromKinds
      ? `JOIN pieces f ON f.id = l.from_id WHERE f.kind IN (${fromKinds.map(() => '?').join(', ')})`
      : '';
    const rows = this.db
      .prepare(`SELECT l.from_id, l.to_id, p.kind FROM links l JOIN pieces p ON p.id = l.to_id ${filter}`)
      .all(...(fromKinds ?? [])) as { from_id: string; to_id: string; kind: string }[];
    const out = new Map<string, { id: string; kind: string }[]>();
    for (const r of rows) {
      const list = out.get(r.from_id);
      if (list) list.push({ id: r.to_id, kind: r.kind });
      else out.set(r.from_id, [{ id: r.to_id, kind: r.kind }]);
    }
    return out;
  }

  /** from id → linked ids with their kind, for the pieces `fromIds` only. */
  readFor(fromIds: readonly string[]): Map<string, { id: string; kind: string }[]> {
    const rows = this.db
      .prepare('SELECT l.from_id, l.to_id, p.kind FROM links l JOIN pieces p ON p.id = l.to_id WHERE l.from_id IN (SELECT value FROM json_each(?))')
      .all(JSON.stringify(fromIds)) as { from_id: string; to_id: string; kind: string }[];
    const out = new Map<string, { id: string; kind: string }[]>();
    for (const r of rows) {
      const list = out.get(r.from_id);
      if (list) list.push({ id: r.to_id, kind: r.kind });
      else out.set(r.from_id, [{ id: r.to_id, kind: r.kind }]);
    }
    return out;
  }

  /** Replaces every link from one piece. */
  replace(fromId: string, toIds: readonly string[]): void {
    this.deleteFrom.run(fromId);
    for (const id of new Set(toIds)) this.insert.run(fromId, id);
  }
}
