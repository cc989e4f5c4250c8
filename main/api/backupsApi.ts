import type { ApiContext } from './ApiContext';
import type { ApiRegistry } from './ApiRegistry';
import type { BackupInfo, BackupsList } from '../../shared/api/backupTypes';
import { AppError } from '../../shared/errors/AppError';
import { backupsFolderOf } from '../services/backups/backupNames';
import { createBackup } from '../services/backups/createBackup';
import { listBackups, type BackupEntry } from '../services/backups/listBackups';
import { restoreBackup } from '../services/backups/restoreBackup';

const info = (b: BackupEntry): BackupInfo => ({ name: b.name, takenAt: b.takenAt.toISOString(), bytes: b.bytes, reason: b.reason });

/** The backups folder beside the library: list, back up now, restore (undoably). */
export function registerBackupsApi(api: ApiRegistry, ctx: ApiContext): void {
  // Known to this running app only: after a restart, the "before a restore" backup still undoes it.
  let lastRestore: BackupsList['lastRestore'] = null;
  api.register('backups.list', () => {
    const backups = listBackups(ctx.libraryPath);
    // A pruned undo is no undo.
    if (lastRestore && !backups.some((b) => b.name === lastRestore!.undo.name)) lastRestore = null;
    return { folder: backupsFolderOf(ctx.libraryPath), backups: backups.map(info), lastRestore };
  });
  api.register('backups.create', async () => info(await createBackup(ctx.store.db, ctx.libraryPath, 'manual')));
  api.register('backups.restore', async ({ name, undo }) => {
    // Only a backup of this library, from its folder: the page never names a path.
    const chosen = listBackups(ctx.libraryPath).find((b) => b.name === name);
    if (!chosen) throw new AppError('backups.notFound', { name, folder: backupsFolderOf(ctx.libraryPath) });
    const result = await restoreBackup(ctx.store.db, ctx.libraryPath, chosen.path);
    lastRestore = undo ? null : { restored: info(chosen), undo: info(result.undo) };
    return { restored: name, undo: info(result.undo) };
  });
}
