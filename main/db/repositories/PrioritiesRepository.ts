import type { Database } from 'better-sqlite3';

export interface PriorityRow {
  id: string;
  networkId: string;
  number: number;
}

/** A network's numbered roadmap priorities. */
export class PrioritiesRepository {
  constructor(private readonly db: Database) {}

  readAll(): PriorityRow[] {
    return this.db
      .prepare('SELECT id, network_id AS networkId, number FROM priorities ORDER BY id')
      .all() as PriorityRow[];
  }

  idAt(networkId: string, number: number): string | undefined {
    return this.db
      .prepare('SELECT id FROM priorities WHERE network_id = ? AND number = ?')
      .pluck()
      .get(networkId, number) as string | undefined;
  }

  /**
   * Moves existing priorities out of the way before renumbering, because UNIQUE(network, number)
   * is checked row by row and swapping two numbers would otherwise collide.
   */
  releaseNumbers(ids: readonly string[]): void {
    const stmt = this.db.prepare('UPDATE priorities SET number = number + 1000000 WHERE id = ?');
    for (const id of ids) stmt.run(id);
  }

  upsert(row: PriorityRow): void {
    this.db
      .prepare(
        `INSERT INTO priorities (id, network_id, number) VALUES (@id, @networkId, @number)
         ON CONFLICT (id) DO UPDATE SET network_id = excluded.network_id, number = excluded.number`,
      )
      .run(row);
  }
}
