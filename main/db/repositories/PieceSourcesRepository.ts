import type { Database } from 'better-sqlite3';

/** Which sources are cited by which piece. */
export class PieceSourcesRepository {
  constructor(private readonly db: Database) {}

  readAll(): Map<string, string[]> {
    const rows = this.db.prepare('SELECT piece_id, source_id FROM piece_sources ORDER BY source_id').all() as {
      piece_id: string;
      source_id: string;
    }[];
    return groupPairs(rows.map((r) => [r.piece_id, r.source_id]));
  }

  replace(pieceId: string, sourceIds: readonly string[]): void {
    this.db.prepare('DELETE FROM piece_sources WHERE piece_id = ?').run(pieceId);
    const insert = this.db.prepare('INSERT INTO piece_sources (piece_id, source_id) VALUES (?, ?)');
    for (const id of new Set(sourceIds)) insert.run(pieceId, id);
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
