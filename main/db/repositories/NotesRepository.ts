import type { Database, Statement } from 'better-sqlite3';
import { groupPairs } from './PieceSourcesRepository';

export interface NoteRow {
  id: string;
  countryCode: string | null;
  date: string;
  tags: string[];
}

/** Country notes and regional or international developments, with their tags (note_tags). */
export class NotesRepository {
  private readonly upsertStmt: Statement;
  private readonly clearTags: Statement<[string]>;
  private readonly insertTag: Statement<[string, string]>;

  constructor(private readonly db: Database) {
    this.upsertStmt = db.prepare(
      `INSERT INTO notes (id, country_code, date) VALUES (@id, @countryCode, @date)
       ON CONFLICT (id) DO UPDATE SET country_code = excluded.country_code, date = excluded.date`,
    );
    this.clearTags = db.prepare('DELETE FROM note_tags WHERE note_id = ?');
    this.insertTag = db.prepare('INSERT INTO note_tags (note_id, tag) VALUES (?, ?)');
  }

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
    this.upsertStmt.run({ id: row.id, countryCode: row.countryCode, date: row.date });
    this.clearTags.run(row.id);
    for (const tag of new Set(row.tags)) this.insertTag.run(row.id, tag);
  }
}
