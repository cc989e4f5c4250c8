import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { AppError } from '../../shared/errors/AppError';
import { createBackup } from './backups/createBackup';

/** "Back up now": a manual backup in the backups folder, kept by the retention rule. */
export async function backupLibrary(db: Database, libraryPath: string, now = new Date()): Promise<{ path: string; bytes: number }> {
  const entry = await createBackup(db, libraryPath, 'manual', { now });
  return { path: entry.path, bytes: entry.bytes };
}

/**
 * The library as this connection sees it, copied to `target` (or, without one, beside the
 * library, else in the home folder): what rescues the edits when the file was deleted or
 * replaced while open, since the connection still reads the file it opened.
 */
export async function saveLibraryCopy(
  db: Database,
  libraryPath: string,
  target: string | null,
  now = new Date(),
  home = os.homedir(),
): Promise<{ path: string; bytes: number }> {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const base = path.basename(libraryPath, path.extname(libraryPath));
  const folder = fs.existsSync(path.dirname(libraryPath)) ? path.dirname(libraryPath) : home;
  const file = target ?? path.join(folder, `${base}-copy-${stamp}.sqlite`);
  try {
    await db.backup(file);
  } catch (error) {
    fs.rmSync(file, { force: true });
    throw new AppError('db.copyFailed', { path: file, detail: (error as NodeJS.ErrnoException).code ?? (error as Error).message }, [], { cause: error });
  }
  return { path: file, bytes: fs.statSync(file).size };
}
