import type { Command } from 'commander';
import type { CliContext } from '../CliContext';
import { resolveLibraryPath } from '../../db/defaultLibraryPath';
import { backupsFolderOf } from '../../services/backups/backupNames';
import { createBackup } from '../../services/backups/createBackup';
import { listBackups } from '../../services/backups/listBackups';
import { restoreBackup } from '../../services/backups/restoreBackup';
import { replaceDamagedLibrary } from '../../services/backups/replaceDamagedLibrary';
import { isAppError } from '../../../shared/errors/AppError';

/** A library that will not open can still be restored over: the point of a backup. */
const UNOPENABLE = new Set(['db.corrupt', 'db.notFound']);

const kb = (bytes: number) => Math.max(1, Math.round(bytes / 1024));

export function registerBackup(program: Command, ctx: CliContext): void {
  const { t } = ctx;
  const backup = program.command('backup').description(t('cli:commands.backup'));

  backup
    .command('list')
    .description(t('cli:backup.list'))
    .option('--json', t('cli:options.json'))
    .action((o: { json?: boolean }, command: Command) => {
      // Read from the folder alone: the list must work when the library itself will not open.
      const { db } = command.optsWithGlobals<{ db?: string }>();
      const library = resolveLibraryPath(db, ctx.io.env).path;
      const backups = listBackups(library);
      if (o.json) {
        ctx.json(backups.map((b) => ({ ...b, takenAt: b.takenAt.toISOString() })));
        return;
      }
      if (backups.length === 0) ctx.out(t('cli:backup.none', { folder: backupsFolderOf(library) }));
      for (const b of backups) {
        ctx.out(t('cli:backup.line', { name: b.name, when: b.takenAt.toISOString(), size: kb(b.bytes), reason: t(`cli:backup.reasons.${b.reason}`) }));
      }
    });

  backup
    .command('create')
    .description(t('cli:backup.create'))
    .option('--json', t('cli:options.json'))
    .action(async (o: { json?: boolean }, command: Command) => {
      await ctx.withLibrary(command, { create: false, readOnly: true }, async (_store, library) => {
        const made = await createBackup(library.db, library.path, 'manual');
        if (o.json) ctx.json({ ...made, takenAt: made.takenAt.toISOString() });
        else ctx.out(t('cli:backup.created', { path: made.path, size: kb(made.bytes) }));
      });
    });

  backup
    .command('restore')
    .description(t('cli:backup.restore'))
    .argument('<backup>', t('cli:backup.argument'))
    .option('--json', t('cli:options.json'))
    .action(async (name: string, o: { json?: boolean }, command: Command) => {
      try {
        await ctx.withLibrary(command, { create: false, readOnly: false }, async (_store, library) => {
          const result = await restoreBackup(library.db, library.path, name);
          if (o.json) ctx.json({ restored: result.restored, undo: { ...result.undo, takenAt: result.undo.takenAt.toISOString() } });
          else ctx.out(t('cli:backup.restored', { file: result.restored, undo: result.undo.name }));
        });
      } catch (error) {
        if (!isAppError(error) || !UNOPENABLE.has(error.code)) throw error;
        const { db } = command.optsWithGlobals<{ db?: string }>();
        const result = await replaceDamagedLibrary(resolveLibraryPath(db, ctx.io.env).path, name);
        if (o.json) ctx.json(result);
        else ctx.out(t('cli:backup.replacedDamaged', { file: result.restored, copy: result.damagedCopy ?? '—' }));
      }
    });
}
