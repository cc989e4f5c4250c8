import type { Database } from 'better-sqlite3';

/** Countries by ISO alpha-2 code; names come from Intl, formal names are texts. */
export class CountriesRepository {
  constructor(private readonly db: Database) {}

  codes(): string[] {
    return this.db.prepare('SELECT code FROM countries ORDER BY code').pluck().all() as string[];
  }

  upsert(code: string): void {
    this.db.prepare('INSERT INTO countries (code) VALUES (?) ON CONFLICT (code) DO NOTHING').run(code);
  }
}
