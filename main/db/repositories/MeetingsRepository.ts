import type { Database } from 'better-sqlite3';
import { groupPairs } from './PieceSourcesRepository';

export interface MeetingRow {
  id: string;
  networkId: string;
  hostCountry: string;
  /** Countries that took part (meeting_participants), sorted by code. */
  participants: string[];
  startDate: string;
  endDate: string;
}

/** Meetings of a network and the countries that took part in them. */
export class MeetingsRepository {
  constructor(private readonly db: Database) {}

  readAll(): MeetingRow[] {
    const rows = this.db
      .prepare(
        `SELECT id, network_id AS networkId, host_country AS hostCountry, start_date AS startDate,
           end_date AS endDate FROM meetings ORDER BY id`,
      )
      .all() as Omit<MeetingRow, 'participants'>[];
    const participants = groupPairs(
      (
        this.db.prepare('SELECT meeting_id, country_code FROM meeting_participants ORDER BY country_code').all() as {
          meeting_id: string;
          country_code: string;
        }[]
      ).map((r) => [r.meeting_id, r.country_code]),
    );
    return rows.map((row) => ({ ...row, participants: participants.get(row.id) ?? [] }));
  }

  upsert(row: MeetingRow): void {
    const { participants, ...meeting } = row;
    this.db
      .prepare(
        `INSERT INTO meetings (id, network_id, host_country, start_date, end_date)
         VALUES (@id, @networkId, @hostCountry, @startDate, @endDate)
         ON CONFLICT (id) DO UPDATE SET network_id = excluded.network_id, host_country = excluded.host_country,
           start_date = excluded.start_date, end_date = excluded.end_date`,
      )
      .run(meeting);
    this.db.prepare('DELETE FROM meeting_participants WHERE meeting_id = ?').run(row.id);
    const insert = this.db.prepare('INSERT INTO meeting_participants (meeting_id, country_code) VALUES (?, ?)');
    for (const code of new Set(participants)) insert.run(row.id, code);
  }
}
