import type { Database, Statement } from 'better-sqlite3';
import type { PieceKind } from '../../../shared/domain/pieceKinds';

/** The supertype row every piece has: its id, kind and timestamps. */
export class PiecesRepository {
  private readonly upsertStmt: Statement<[string, string, string, string]>;
  private readonly kindStmt: Statement<[string], PieceKind | undefined>;
  private readonly deleteStmt: Statement<[string]>;

  constructor(private readonly db: Database) {
    this.upsertStmt = db.prepare(
      `INSERT INTO pieces (id, kind, created_at, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET updated_at = excluded.updated_at`,
    );
    this.kindStmt = db.prepare<[string], PieceKind | undefined>('SELECT kind FROM pieces WHERE id = ?').pluck();
    this.deleteStmt = db.prepare('DELETE FROM pieces WHERE id = ?');
  }

  touch(id: string, kind: PieceKind, now: string): void {
    this.upsertStmt.run(id, kind, now, now);
  }

  kindOf(id: string): PieceKind | undefined {
    return this.kindStmt.get(id);
  }

  kinds(): Map<string, PieceKind> {
    const rows = this.db.prepare('SELECT id, kind FROM pieces').all() as { id: string; kind: PieceKind }[];
    return new Map(rows.map((r) => [r.id, r.kind]));
  }

  countByKind(): Record<string, number> {
    const rows = this.db.prepare('SELECT kind, count(*) AS n FROM pieces GROUP BY kind').all() as {
      kind: string;
      n: number;
    }[];
    return Object.fromEntries(rows.map((r) => [r.kind, r.n]));
  }

  delete(id: string): void {
    this.deleteStmt.run(id);
  }
}
