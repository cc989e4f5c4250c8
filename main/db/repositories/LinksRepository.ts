import type { Database } from 'better-sqlite3';
import { groupPairs } from './PieceSourcesRepository';

/** Directed links between pieces: note → instrument, note → priority, instrument → priority. */
export class LinksRepository {
  constructor(private readonly db: Database) {}

  /** from id → linked ids, each with the linked piece's kind. */
  readAll(): Map<string, { id: string; kind: string }[]> {
    const rows = this.db
      .prepare('SELECT l.from_id, l.to_id, p.kind FROM links l JOIN pieces p ON p.id = l.to_id ORDER BY l.to_id')
      .all() as { from_id: string; to_id: string; kind: string }[];
    const out = new Map<string, { id: string; kind: string }[]>();
    for (const r of rows) {
      const list = out.get(r.from_id) ?? [];
      list.push({ id: r.to_id, kind: r.kind });
      out.set(r.from_id, list);
    }
    return out;
  }

  /** Replaces the links from one piece to pieces of the given kinds. */
  replace(fromId: string, toIds: readonly string[]): void {
    this.db.prepare('DELETE FROM links WHERE from_id = ?').run(fromId);
    const insert = this.db.prepare('INSERT INTO links (from_id, to_id) VALUES (?, ?)');
    for (const id of new Set(toIds)) insert.run(fromId, id);
  }

  linkedFrom(toId: string): Map<string, string[]> {
    const rows = this.db.prepare('SELECT to_id, from_id FROM links WHERE to_id = ?').all(toId) as {
      to_id: string;
      from_id: string;
    }[];
    return groupPairs(rows.map((r) => [r.to_id, r.from_id]));
  }
}
