import fs from 'node:fs';
import path from 'node:path';
import { backupsFolderOf, parseBackupName, type BackupReason } from './backupNames';

export interface BackupEntry {
  name: string;
  path: string;
  reason: BackupReason;
  takenAt: Date;
  bytes: number;
}

/** This library's backups in its backups folder, newest first (none when the folder is missing). */
export function listBackups(libraryPath: string): BackupEntry[] {
  const folder = backupsFolderOf(libraryPath);
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const entries: BackupEntry[] = [];
  for (const name of names) {
    const parsed = parseBackupName(libraryPath, name);
    if (!parsed) continue;
    const file = path.join(folder, name);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch {
      continue; // pruned meanwhile
    }
    if (stat.isFile()) entries.push({ name, path: file, bytes: stat.size, ...parsed });
  }
  return entries.sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime() || (a.name < b.name ? 1 : -1));
}
