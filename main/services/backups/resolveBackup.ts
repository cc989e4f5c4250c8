import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors/AppError';
import { backupsFolderOf } from './backupNames';

/**
 * A backup named as `briefing backup list` shows it (with or without `.sqlite`), looked up in
 * the library's backups folder, or any file given by its path.
 */
export function resolveBackup(libraryPath: string, fileOrName: string): string {
  const file = findBackup(libraryPath, fileOrName);
  // The open library is no backup of itself: its last changes may still be in its WAL.
  if (path.resolve(file) === path.resolve(libraryPath)) throw new AppError('backups.isTheLibrary', { file: fileOrName });
  return file;
}

function findBackup(libraryPath: string, fileOrName: string): string {
  const named = path.basename(fileOrName) === fileOrName;
  if (named) {
    const folder = backupsFolderOf(libraryPath);
    for (const candidate of [fileOrName, `${fileOrName}.sqlite`]) {
      const file = path.join(folder, candidate);
      if (fs.existsSync(file) && fs.statSync(file).isFile()) return file;
    }
  }
  const file = path.resolve(fileOrName);
  if (fs.existsSync(file) && fs.statSync(file).isFile()) return file;
  throw new AppError('backups.notFound', { name: fileOrName, folder: backupsFolderOf(libraryPath) });
}
