import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database, { type Database as Db } from 'better-sqlite3';
import { AppError, isAppError } from '../../../shared/errors/AppError';
import { createBackup } from './createBackup';
import type { BackupEntry } from './listBackups';
import { resolveBackup } from './resolveBackup';
import { verifyLibraryCopy } from './verifyLibraryCopy';

/** Pages copied per step; the library stays locked for writing from the first step to the last. */
const PAGES_PER_STEP = 100;

export interface RestoreResult {
  /** The backup file put back. */
  restored: string;
  /** The library as it was just before, backed up: restoring it undoes this restore. */
  undo: BackupEntry;
}

/**
 * Puts a backup back as the open library. The backup is copied to a scratch file, checked
 * (and brought to this version's schema) there; then the current library is backed up, and
 * the checked copy is written into the library with SQLite's online backup: one transaction
 * on the library file itself, so a crash or kill leaves either the old library or the new one,
 * and the file keeps its identity, so the open connection (and any other program's) reads the
 * restored library at once, with nothing to reopen.
 */
export async function restoreBackup(
  db: Db,
  libraryPath: string,
  fileOrName: string,
  options: { now?: Date; onStep?: (remainingPages: number) => void } = {},
): Promise<RestoreResult> {
  const source = resolveBackup(libraryPath, fileOrName);
  const shownAs = path.basename(source);
  const scratchDir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefing-restore-'));
  const scratch = path.join(scratchDir, 'library.sqlite');
  try {
    fs.copyFileSync(source, scratch);
    await verifyLibraryCopy(scratch, shownAs, { upgrade: true });
    const undo = await createBackup(db, libraryPath, 'restore', { now: options.now });
    const copy = new Database(scratch, { fileMustExist: true });
    try {
      // A WAL library takes pages of its own size only.
      const pageSize = db.pragma('page_size', { simple: true }) as number;
      if (copy.pragma('page_size', { simple: true }) !== pageSize) {
        copy.pragma('journal_mode = DELETE');
        copy.pragma(`page_size = ${pageSize}`);
        copy.exec('VACUUM');
      }
      await copy.backup(libraryPath, {
        progress: ({ remainingPages }) => {
          options.onStep?.(remainingPages);
          return PAGES_PER_STEP;
        },
      });
    } finally {
      copy.close();
    }
    try {
      // The whole library went through the WAL: fold it back in so the WAL does not stay that large.
      db.pragma('wal_checkpoint(TRUNCATE)');
    } catch {
      // Another program reading: SQLite checkpoints later by itself.
    }
    return { restored: source, undo };
  } catch (error) {
    if (isAppError(error)) throw error;
    throw new AppError('backups.restoreFailed', { file: shownAs, detail: (error as Error).message }, [], { cause: error });
  } finally {
    fs.rmSync(scratchDir, { recursive: true, force: true });
  }
}
