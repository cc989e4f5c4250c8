import fs from 'node:fs';
import path from 'node:path';
import { backupsFolderOf } from './backupNames';
import { backupsToKeep, DEFAULT_RETENTION, type RetentionRule } from './backupRetention';
import { listBackups } from './listBackups';

/** Removes the backups the retention rule does not keep; the names removed. */
export function pruneBackups(libraryPath: string, now = new Date(), rule: RetentionRule = DEFAULT_RETENTION): string[] {
  const backups = listBackups(libraryPath);
  const keep = backupsToKeep(backups, now, rule);
  const removed: string[] = [];
  for (const backup of backups) {
    if (keep.has(backup.name)) continue;
    try {
      fs.rmSync(backup.path, { force: true });
      removed.push(backup.name);
    } catch (error) {
      // One that cannot be removed now (held open elsewhere) is tried again after the next backup.
      console.warn(`[backups] could not remove ${backup.path}`, error);
    }
  }
  sweepPartials(libraryPath, now);
  return removed;
}

/** A backup cut short (the app killed while it wrote) leaves a `.partial` file: gone after an hour. */
function sweepPartials(libraryPath: string, now: Date): void {
  const folder = backupsFolderOf(libraryPath);
  for (const name of fs.readdirSync(folder)) {
    if (!name.endsWith('.partial')) continue;
    const file = path.join(folder, name);
    try {
      if (now.getTime() - fs.statSync(file).mtimeMs > 60 * 60 * 1000) fs.rmSync(file, { force: true });
    } catch {
      // Gone already.
    }
  }
}
