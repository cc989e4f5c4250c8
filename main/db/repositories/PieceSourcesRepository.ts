import type { Database, Statement } from 'better-sqlite3';
import type { PieceKind } from '../../../shared/domain/pieceKinds';

/** Which sources are cited by which piece. */
export class PieceSourcesRepository {
  private readonly deleteFor: Statement<[string]>;
  private readonly insert: Statement<[string, string]>;

  constructor(private readonly db: Database) {
    this.deleteFor = db.prepare('DELETE FROM piece_sources WHERE piece_id = ?');
    this.insert = db.prepare('INSERT INTO piece_sources (piece_id, source_id) VALUES (?, ?)');
  }

  /** piece id → cited source ids; only for pieces of `kinds` if given. */
  readAll(kinds?: readonly PieceKind[]): Map<string, string[]> {
    const filter = kinds ? `JOIN pieces p ON p.id = s.piece_id WHERE p.kind IN (${kinds.map(() => '?').join(', ')})` : '';
    const rows = this.db
      .prepare(`SELECT s.piece_id, s.source_id FROM piece_sources s ${filter}`)
      .all(...(kinds ?? [])) as { piece_id: string; source_id: string }[];
    return groupPairs(rows.map((r) => [r.piece_id, r.source_id]));
  }

  /** piece id → cited source ids, for the pieces `ids` only. */
  readFor(ids: readonly string[]): Map<string, string[]> {
    const rows = this.db
      .prepare('SELECT piece_id, source_id FROM piece_sources WHERE piece_id IN (SELECT value FROM json_each(?))')
      .all(JSON.stringify(ids)) as { piece_id: string; source_id: string }[];
    return groupPairs(rows.map((r) => [r.piece_id, r.source_id]));
  }

  replace(pieceId: string, sourceIds: readonly string[]): void {
    this.deleteFor.run(pieceId);
    for (const id of new Set(sourceIds)) this.insert.run(pieceId, id);
  }
}

export function groupPairs(pairs: [string, string][]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [key, value] of pairs) {
    const list = out.get(key);
    if (list) list.push(value);
    else out.set(key, [value]);
  }
  return out;
}
