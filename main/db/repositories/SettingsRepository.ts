import type { Database, Statement } from 'better-sqlite3';

/** Per-library settings, by key: the user's name recorded with approvals. */
export class SettingsRepository {
  private readonly getStmt: Statement<[string], string>;
  private readonly setStmt: Statement<[string, string]>;

  constructor(db: Database) {
    this.getStmt = db.prepare<[string], string>('SELECT value FROM settings WHERE key = ?').pluck();
    this.setStmt = db.prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
  }

  get(key: string): string | null {
    return this.getStmt.get(key) ?? null;
  }

  set(key: string, value: string): void {
    this.setStmt.run(key, value);
  }
}
