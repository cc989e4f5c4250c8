import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors/AppError';

/** Below this, a failed write is taken for a full disk: SQLite reports it as a plain I/O error. */
const NEARLY_FULL_BYTES = 1024 * 1024;

/** Free bytes on the disk holding `file` (or its nearest existing folder); null if unknown. */
export function freeBytes(file: string): number | null {
  let dir = path.dirname(path.resolve(file));
  while (!fs.existsSync(dir) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  try {
    const stat = fs.statfsSync(dir);
    return stat.bavail * stat.bsize;
  } catch {
    return null;
  }
}

export function isNearlyFull(file: string): boolean {
  const free = freeBytes(file);
  return free !== null && free < NEARLY_FULL_BYTES;
}

/** Is this errno a disk (or quota) that has no room left? */
export function isNoSpace(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT';
}

/** The one message for a full disk: which file could not be written, and on which folder's disk. */
export function diskFullError(file: string, cause?: unknown): AppError {
  return new AppError('disk.full', { file, folder: path.dirname(path.resolve(file)) }, [], { cause });
}
