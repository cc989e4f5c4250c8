import path from 'node:path';
import fs from 'node:fs';
import type { Database } from 'better-sqlite3';
import { diskFullError, isNearlyFull } from './diskFull';
import { AppError } from '../../shared/errors/AppError';
import { MIGRATIONS } from './migrations';

export interface MigrationReport {
  from: number;
  to: number;
  /** Where the pre-migration copy was written, when there was data to protect. */
  backupPath: string | null;
}

/** `<folder>/backups/<name>-schema<N>-<UTC stamp>.sqlite`, beside the library. */
export function backupPathFor(file: string, version: number, now = new Date()): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const base = path.basename(file, path.extname(file));
  return path.join(path.dirname(file), 'backups', `${base}-schema${version}-${stamp}.sqlite`);
}

/**
 * Brings the schema to the latest version, one migration per transaction. A library that
 * already holds data is first copied with SQLite's online backup, so a failed or unwanted
 * upgrade can be undone by hand.
 */
export async function migrate(db: Database, file: string, applicationId: number): Promise<MigrationReport> {
  const from = db.pragma('user_version', { simple: true }) as number;
  const pending = MIGRATIONS.filter((m) => m.version > from);
  if (pending.length === 0) return { from, to: from, backupPath: null };

  let backupPath: string | null = null;
  if (from > 0) {
    backupPath = backupPathFor(file, from);
    try {
      fs.mkdirSync(path.dirname(backupPath), { recursive: true });
      await db.backup(backupPath);
    } catch (error) {
      try {
        fs.rmSync(backupPath, { force: true });
      } catch {
        // Its folder could not be made either: there is nothing to remove.
      }
      const code = (error as { code?: unknown }).code;
      if (code === 'ENOSPC' || code === 'SQLITE_FULL' || isNearlyFull(backupPath)) throw diskFullError(backupPath, error);
      throw new AppError('db.backupFailed', { path: file, detail: (error as Error).message }, [], { cause: error });
    }
  }

  for (const migration of pending) {
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
      db.pragma(`application_id = ${applicationId}`);
    })();
  }
  return { from, to: pending[pending.length - 1]!.version, backupPath };
}
