import type { Database } from 'better-sqlite3';
import { groupPairs } from './PieceSourcesRepository';

export interface NoteRow {
  id: string;
  countryCode: string | null;
  date: string;
  tags: string[];
}

/** Country notes and regional or international developments, with their tags (note_tags). */
export class NotesRepository {
  constructor(private readonly db: Database) {}

  readAll(): NoteRow[] {
    const rows = this.db
      .prepare('SELECT id, country_code AS countryCode, date FROM notes ORDER BY id')
      .all() as Omit<NoteRow, 'tags'>[];
    const tags = groupPairs(
      (this.db.prepare('SELECT note_id, tag FROM note_tags ORDER BY tag').all() as { note_id: string; tag: string }[]).map(
        (r) => [r.note_id, r.tag],
      ),
    );
    return rows.map((r) => ({ ...r, tags: tags.get(r.id) ?? [] }));
  }

  upsert(row: NoteRow): void {
    this.db
      .prepare(
        `INSERT INTO notes (id, country_code, date) VALUES (@id, @countryCode, @date)
         ON CONFLICT (id) DO UPDATE SET country_code = excluded.country_code, date = excluded.date`,
      )
      .run({ id: row.id, countryCode: row.countryCode, date: row.date });
    this.db.prepare('DELETE FROM note_tags WHERE note_id = ?').run(row.id);
    const insert = this.db.prepare('INSERT INTO note_tags (note_id, tag) VALUES (?, ?)');
    for (const tag of new Set(row.tags)) insert.run(row.id, tag);
  }
}
