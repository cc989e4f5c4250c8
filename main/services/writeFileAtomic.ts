import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors/AppError';
import { diskFullError, isNoSpace } from '../db/diskFull';

/**
 * Writes through a temporary file in the same folder and renames it into place, so a reader
 * never sees half a file and a failed write leaves any previous file as it was.
 */
export function writeFileAtomic(file: string, data: string | Uint8Array, options: { force: boolean }): void {
  if (!options.force && fs.existsSync(file)) throw new AppError('export.exists', { file });
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    fs.writeFileSync(temp, data, { flag: 'wx' });
    fs.renameSync(temp, file);
  } catch (error) {
    removeTemp(temp);
    if (isNoSpace(error)) throw diskFullError(file, error);
    throw new AppError('export.cannotWrite', { file, detail: (error as NodeJS.ErrnoException).code ?? String(error) }, [], {
      cause: error,
    });
  }
}

/**
 * Where the temporary file could not even be made (its folder is a file: ENOTDIR), removing it
 * fails too; the write's own error is the one to report.
 */
function removeTemp(temp: string): void {
  try {
    fs.rmSync(temp, { force: true });
  } catch {
    // Nothing was created there.
  }
}
