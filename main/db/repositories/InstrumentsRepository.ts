import type { Database } from 'better-sqlite3';
import type { InstrumentKind } from '../../../shared/domain/pieceKinds';

export interface InstrumentRow {
  id: string;
  kind: InstrumentKind;
  yearAdopted: number | null;
  parentId: string | null;
}

/** Conventions, protocols, plans of action, compacts and declarations. */
export class InstrumentsRepository {
  constructor(private readonly db: Database) {}

  readAll(): InstrumentRow[] {
    return this.db
      .prepare('SELECT id, kind, year_adopted AS yearAdopted, parent_id AS parentId FROM instruments ORDER BY id')
      .all() as InstrumentRow[];
  }

  upsert(row: InstrumentRow): void {
    this.db
      .prepare(
        `INSERT INTO instruments (id, kind, year_adopted, parent_id) VALUES (@id, @kind, @yearAdopted, @parentId)
         ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, year_adopted = excluded.year_adopted,
           parent_id = excluded.parent_id`,
      )
      .run(row);
  }
}
