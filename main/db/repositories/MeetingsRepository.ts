import type { Database } from 'better-sqlite3';

export interface MeetingRow {
  id: string;
  networkId: string;
  hostCountry: string;
  startDate: string;
  endDate: string;
}

/** Meetings of a network. */
export class MeetingsRepository {
  constructor(private readonly db: Database) {}

  readAll(): MeetingRow[] {
    return this.db
      .prepare(
        `SELECT id, network_id AS networkId, host_country AS hostCountry, start_date AS startDate,
           end_date AS endDate FROM meetings ORDER BY id`,
      )
      .all() as MeetingRow[];
  }

  upsert(row: MeetingRow): void {
    this.db
      .prepare(
        `INSERT INTO meetings (id, network_id, host_country, start_date, end_date)
         VALUES (@id, @networkId, @hostCountry, @startDate, @endDate)
         ON CONFLICT (id) DO UPDATE SET network_id = excluded.network_id, host_country = excluded.host_country,
           start_date = excluded.start_date, end_date = excluded.end_date`,
      )
      .run(row);
  }
}
