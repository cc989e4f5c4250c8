import type { Database, Statement } from 'better-sqlite3';
import type { Locale } from '../../../shared/domain/locales';
import type { StoredTextStatus } from '../../../shared/domain/pieceKinds';
import type { EditableNamespace } from '../../../shared/api/translationTypes';

export interface UiStringRow {
  locale: Locale;
  namespace: EditableNamespace;
  key: string;
  value: string;
  status: StoredTextStatus;
  sourceLocale: Locale;
  sourceHash: string;
  updatedBy: string | null;
  updatedAt: string;
}

const COLUMNS = `locale, namespace, key, value, status, source_locale AS sourceLocale, source_hash AS sourceHash,
  updated_by AS updatedBy, updated_at AS updatedAt`;

/** Interface strings translators changed in this library, layered over the bundled ones. */
export class UiStringsRepository {
  private readonly upsertStmt: Statement;
  private readonly deleteStmt: Statement<[string, string, string]>;
  private readonly allStmt: Statement<[], UiStringRow>;
  private readonly forLocaleStmt: Statement<[string], UiStringRow>;

  constructor(db: Database) {
    this.upsertStmt = db.prepare(
      `INSERT INTO ui_strings (locale, namespace, key, value, status, source_locale, source_hash, updated_by, updated_at)
       VALUES (@locale, @namespace, @key, @value, @status, @sourceLocale, @sourceHash, @updatedBy, @updatedAt)
       ON CONFLICT (locale, namespace, key) DO UPDATE SET value = excluded.value, status = excluded.status,
         source_locale = excluded.source_locale, source_hash = excluded.source_hash,
         updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
    );
    this.deleteStmt = db.prepare('DELETE FROM ui_strings WHERE locale = ? AND namespace = ? AND key = ?');
    this.allStmt = db.prepare<[], UiStringRow>(`SELECT ${COLUMNS} FROM ui_strings ORDER BY locale, namespace, key`);
    this.forLocaleStmt = db.prepare<[string], UiStringRow>(
      `SELECT ${COLUMNS} FROM ui_strings WHERE locale = ? ORDER BY namespace, key`,
    );
  }

  upsert(row: UiStringRow): void {
    this.upsertStmt.run(row);
  }

  delete(locale: Locale, namespace: EditableNamespace, key: string): void {
    this.deleteStmt.run(locale, namespace, key);
  }

  readAll(): UiStringRow[] {
    return this.allStmt.all();
  }

  readLocale(locale: Locale): UiStringRow[] {
    return this.forLocaleStmt.all(locale);
  }
}
