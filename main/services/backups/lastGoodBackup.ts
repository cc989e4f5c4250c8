import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isAppError, type ErrorParams } from '../../../shared/errors/AppError';
import { listBackups, type BackupEntry } from './listBackups';
import { verifyLibraryCopy } from './verifyLibraryCopy';

/**
 * The newest backup that would restore: each is checked on a scratch copy, so a backup made
 * by an older version (in WAL mode) is read without creating files beside it.
 */
export async function lastGoodBackup(libraryPath: string): Promise<{ good: BackupEntry | null; bad: { name: string; code: string; params: ErrorParams }[] }> {
  const bad: { name: string; code: string; params: ErrorParams }[] = [];
  const scratchDir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefing-check-'));
  try {
    for (const backup of listBackups(libraryPath)) {
      const scratch = path.join(scratchDir, 'copy.sqlite');
      try {
        fs.copyFileSync(backup.path, scratch);
        await verifyLibraryCopy(scratch, backup.name, { upgrade: false });
        return { good: backup, bad };
      } catch (error) {
        if (!isAppError(error)) throw error;
        bad.push({ name: backup.name, code: error.code, params: error.params });
      } finally {
        for (const f of fs.readdirSync(scratchDir)) fs.rmSync(path.join(scratchDir, f), { force: true, recursive: true });
      }
    }
    return { good: null, bad };
  } finally {
    fs.rmSync(scratchDir, { recursive: true, force: true });
  }
}
