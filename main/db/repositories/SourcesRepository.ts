import type { Database } from 'better-sqlite3';

export interface SourceRow {
  id: string;
  issuer: string;
  place: string | null;
  date: string | null;
  url: string | null;
}

/** Citations. A URL is stored as text and never fetched. */
export class SourcesRepository {
  constructor(private readonly db: Database) {}

  readAll(): SourceRow[] {
    return this.db.prepare('SELECT id, issuer, place, date, url FROM sources ORDER BY id').all() as SourceRow[];
  }

  upsert(row: SourceRow): void {
    this.db
      .prepare(
        `INSERT INTO sources (id, issuer, place, date, url) VALUES (@id, @issuer, @place, @date, @url)
         ON CONFLICT (id) DO UPDATE SET issuer = excluded.issuer, place = excluded.place,
           date = excluded.date, url = excluded.url`,
      )
      .run(row);
  }
}
