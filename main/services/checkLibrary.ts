import type { Database } from 'better-sqlite3';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { foldSqlExpression } from '../../shared/text/foldForSearch';
import { historyProblems } from './history/historyProblems';

export interface CheckProblem {
  key: string;
  values: Record<string, string | number>;
}

export interface CheckReport {
  schemaVersion: number;
  latestSchemaVersion: number;
  integrity: string[];
  problems: CheckProblem[];
}

/**
 * Everything `briefing check` verifies: SQLite's own integrity and foreign keys, the search
 * index, the schema version, the references SQLite cannot enforce (pack items, and
 * translations whose source text is gone), and that the history is in step with the pieces.
 */
export function checkLibrary(db: Database): CheckReport {
  const problems: CheckProblem[] = [];
  const schemaVersion = db.pragma('user_version', { simple: true }) as number;
  if (schemaVersion !== LATEST_SCHEMA_VERSION) {
    problems.push({ key: 'schemaVersion', values: { version: schemaVersion, latest: LATEST_SCHEMA_VERSION } });
  }
  const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
  if (!(integrity.length === 1 && integrity[0] === 'ok')) {
    for (const line of integrity) problems.push({ key: 'integrity', values: { detail: line } });
  }
  const fk = db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
  for (const row of fk) problems.push({ key: 'foreignKey', values: { table: row.table, rowid: row.rowid, parent: row.parent } });
  // Every text indexed under its own rowid with exactly its folded words, and nothing else.
  const mismatched = db
    .prepare(
      `SELECT count(*) FROM texts t LEFT JOIN search_index s ON s.rowid = t.rowid
       WHERE s.rowid IS NULL OR s.piece_id IS NOT t.piece_id OR s.field IS NOT t.field
         OR s.locale IS NOT t.locale OR s.body IS NOT ${foldSqlExpression('t.body')}`,
    )
    .pluck()
    .get() as number;
  const extra = db
    .prepare('SELECT count(*) FROM search_index s WHERE NOT EXISTS (SELECT 1 FROM texts t WHERE t.rowid = s.rowid)')
    .pluck()
    .get() as number;
  if (mismatched + extra > 0) problems.push({ key: 'searchIndex', values: { detail: `${mismatched + extra}` } });
  // FTS5's own check compares its inverted index with its stored text; it is a write statement.
  if (!db.readonly) {
    try {
      db.prepare("INSERT INTO search_index(search_index) VALUES ('integrity-check')").run();
    } catch (error) {
      // Another program holding the write lock is not damage: the caller says "busy".
      if (/^SQLITE_(BUSY|LOCKED)/.test(String((error as { code?: unknown }).code))) throw error;
      problems.push({ key: 'searchIndex', values: { detail: (error as Error).message } });
    }
  }
  const dangling = db
    .prepare(
      `SELECT s.pack_id AS pack, i.kind, i.piece_ref AS ref FROM pack_items i
       JOIN pack_sections s ON s.id = i.section_id
       LEFT JOIN pieces p ON p.id = i.piece_ref AND p.kind = i.kind
       WHERE p.id IS NULL ORDER BY s.pack_id, s.position, i.position`,
    )
    .all() as { pack: string; kind: string; ref: string }[];
  for (const d of dangling) problems.push({ key: 'danglingPackItem', values: d });
  const orphans = db
    .prepare(
      `SELECT t.piece_id AS piece, t.field, t.locale, t.source_locale AS source FROM texts t
       LEFT JOIN texts s ON s.piece_id = t.piece_id AND s.field = t.field AND s.locale = t.source_locale
       WHERE t.source_locale IS NOT NULL AND s.piece_id IS NULL`,
    )
    .all() as { piece: string; field: string; locale: string; source: string }[];
  for (const o of orphans) problems.push({ key: 'orphanTranslation', values: o });
  if (schemaVersion === LATEST_SCHEMA_VERSION) problems.push(...historyProblems(db));
  return { schemaVersion, latestSchemaVersion: LATEST_SCHEMA_VERSION, integrity, problems };
}
