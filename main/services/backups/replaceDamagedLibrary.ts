import fs from 'node:fs';
import path from 'node:path';
import { AppError, isAppError } from '../../../shared/errors/AppError';
import { backupsFolderOf, stampOf } from './backupNames';
import { resolveBackup } from './resolveBackup';
import { verifyLibraryCopy } from './verifyLibraryCopy';

/**
 * A restore when the library will not open (damaged, or gone): there is no connection to
 * copy into, so the checked copy replaces the file by a rename in the same folder. The damaged
 * file (and its WAL) is first copied to the backups folder as `<name>-damaged-<stamp>.sqlite`,
 * so nothing is lost; its WAL is then removed, as SQLite would otherwise apply it to the new file.
 */
export async function replaceDamagedLibrary(libraryPath: string, fileOrName: string, now = new Date()): Promise<{ restored: string; damagedCopy: string | null }> {
  const source = resolveBackup(libraryPath, fileOrName);
  const shownAs = path.basename(source);
  const scratchDir = fs.mkdtempSync(path.join(path.dirname(libraryPath), '.briefing-restore-'));
  const scratch = path.join(scratchDir, 'library.sqlite');
  try {
    fs.copyFileSync(source, scratch);
    await verifyLibraryCopy(scratch, shownAs, { upgrade: true });
    let damagedCopy: string | null = null;
    if (fs.existsSync(libraryPath)) {
      const base = path.basename(libraryPath, path.extname(libraryPath));
      damagedCopy = path.join(backupsFolderOf(libraryPath), `${base}-damaged-${stampOf(now)}.sqlite`);
      fs.mkdirSync(path.dirname(damagedCopy), { recursive: true });
      fs.copyFileSync(libraryPath, damagedCopy);
      if (fs.existsSync(`${libraryPath}-wal`)) fs.copyFileSync(`${libraryPath}-wal`, `${damagedCopy}-wal`);
    }
    fs.rmSync(`${libraryPath}-wal`, { force: true });
    fs.rmSync(`${libraryPath}-shm`, { force: true });
    const fd = fs.openSync(scratch, 'r');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.renameSync(scratch, libraryPath);
    return { restored: source, damagedCopy };
  } catch (error) {
    if (isAppError(error)) throw error;
    throw new AppError('backups.restoreFailed', { file: shownAs, detail: (error as Error).message }, [], { cause: error });
  } finally {
    fs.rmSync(scratchDir, { recursive: true, force: true });
  }
}
