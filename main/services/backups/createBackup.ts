import fs from 'node:fs';
import path from 'node:path';
import Database, { type Database as Db } from 'better-sqlite3';
import { AppError } from '../../../shared/errors/AppError';
import { diskFullError, isNearlyFull } from '../../db/diskFull';
import { backupFileName, backupsFolderOf, type BackupReason } from './backupNames';
import type { BackupEntry } from './listBackups';
import { pruneBackups } from './pruneBackups';
import type { RetentionRule } from './backupRetention';

/**
 * A consistent copy of the open library (SQLite's online backup: safe while the app writes)
 * in the backups folder, then the retention rule. It is written under a temporary name and
 * renamed when complete, so a listed backup is never half written; it is turned into a
 * self-contained file (no WAL), so it can be read where it lies without creating files beside it.
 */
export async function createBackup(
  db: Db,
  libraryPath: string,
  reason: Exclude<BackupReason, 'migration'>,
  options: { now?: Date; rule?: RetentionRule } = {},
): Promise<BackupEntry> {
  const folder = backupsFolderOf(libraryPath);
  let when = options.now ?? new Date();
  let target = path.join(folder, backupFileName(libraryPath, reason, when));
  // Two backups in the same millisecond (a restore right after an import) each keep a name.
  while (fs.existsSync(target)) {
    when = new Date(when.getTime() + 1);
    target = path.join(folder, backupFileName(libraryPath, reason, when));
  }
  const partial = `${target}.partial`;
  try {
    fs.mkdirSync(folder, { recursive: true });
    await db.backup(partial);
    const copy = new Database(partial);
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    fs.renameSync(partial, target);
  } catch (error) {
    for (const leftover of [partial, `${partial}-wal`, `${partial}-shm`, `${partial}-journal`]) fs.rmSync(leftover, { force: true });
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOSPC' || code === 'SQLITE_FULL' || isNearlyFull(folder)) throw diskFullError(target, error);
    throw new AppError('db.backupNowFailed', { path: libraryPath, detail: (error as Error).message }, [], { cause: error });
  }
  pruneBackups(libraryPath, options.now ?? new Date(), options.rule);
  return { name: path.basename(target), path: target, reason, takenAt: when, bytes: fs.statSync(target).size };
}
