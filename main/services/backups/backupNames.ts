import path from 'node:path';

import type { BackupReason } from '../../../shared/api/backupTypes';

// Why a backup was taken is part of its file name, so a listing needs no index.
export type { BackupReason };

/** `<folder>/backups`, beside the library: where migrate() has always put its copies. */
export function backupsFolderOf(libraryPath: string): string {
  return path.join(path.dirname(libraryPath), 'backups');
}

export function stampOf(when: Date): string {
  return when.toISOString().replace(/[:.]/g, '-');
}

/**
 * `<library name>-<reason>-<UTC stamp>.sqlite`. A backup before a migration keeps the name
 * migrate() gives it (`-schema<N>-`), which says which schema it holds.
 */
export function backupFileName(libraryPath: string, reason: Exclude<BackupReason, 'migration'>, when: Date): string {
  return `${path.basename(libraryPath, path.extname(libraryPath))}-${reason}-${stampOf(when)}.sqlite`;
}

const NAME = /^(.+)-(scheduled|manual|import|xliff|restore|schema\d+)-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z\.sqlite$/;

/** The reason and time a backup's name holds, or null for a file that is not one of this library's backups. */
export function parseBackupName(libraryPath: string, name: string): { reason: BackupReason; takenAt: Date } | null {
  const match = NAME.exec(name);
  if (!match || match[1] !== path.basename(libraryPath, path.extname(libraryPath))) return null;
  const [, , tag, day, h, m, s, ms] = match as unknown as string[];
  const takenAt = new Date(`${day}T${h}:${m}:${s}.${ms}Z`);
  if (Number.isNaN(takenAt.getTime())) return null;
  return { reason: tag!.startsWith('schema') ? 'migration' : (tag as BackupReason), takenAt };
}
