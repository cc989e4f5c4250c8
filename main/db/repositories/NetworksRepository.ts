import type { Database } from 'better-sqlite3';
import { groupPairs } from './PieceSourcesRepository';

export interface NetworkRow {
  id: string;
  members: string[];
}

/** Networks and their member countries (network_members). */
export class NetworksRepository {
  constructor(private readonly db: Database) {}

  readAll(): NetworkRow[] {
    const ids = this.db.prepare('SELECT id FROM networks ORDER BY id').pluck().all() as string[];
    const members = groupPairs(
      (
        this.db.prepare('SELECT network_id, country_code FROM network_members ORDER BY country_code').all() as {
          network_id: string;
          country_code: string;
        }[]
      ).map((r) => [r.network_id, r.country_code]),
    );
    return ids.map((id) => ({ id, members: members.get(id) ?? [] }));
  }

  upsert(row: NetworkRow): void {
    this.db.prepare('INSERT INTO networks (id) VALUES (?) ON CONFLICT (id) DO NOTHING').run(row.id);
    this.db.prepare('DELETE FROM network_members WHERE network_id = ?').run(row.id);
    const insert = this.db.prepare('INSERT INTO network_members (network_id, country_code) VALUES (?, ?)');
    for (const code of new Set(row.members)) insert.run(row.id, code);
  }
}
