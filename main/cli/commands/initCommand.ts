import type { Command } from 'commander';
import type { CliContext } from '../CliContext';
import { loadStarterLibrary } from '../../services/loadStarterLibrary';
import { formatCounts } from '../formatCounts';
import type { LibraryCollection } from '../../../shared/schemas/libraryDocument';

export function registerInit(program: Command, ctx: CliContext): void {
  const { t } = ctx;
  program
    .command('init')
    .description(t('cli:commands.init'))
    .option('--empty', t('cli:options.empty'))
    .option('--json', t('cli:options.json'))
    .action(async (options: { empty?: boolean; json?: boolean }, command: Command) => {
      await ctx.withLibrary(command, { create: true, readOnly: false }, (store, library) => {
        let loaded: Record<LibraryCollection, { added: number }> | null = null;
        const empty = store.isEmpty();
        if (empty && !options.empty) loaded = loadStarterLibrary(store);
        const { from, to, backupPath } = library.migration;
        if (options.json) {
          ctx.json({
            path: library.path,
            created: library.created,
            schema: { from, to },
            backup: backupPath,
            loaded: loaded && Object.fromEntries(Object.entries(loaded).map(([k, v]) => [k, v.added])),
          });
          return;
        }
        if (library.created) ctx.out(t('cli:init.created', { path: library.path }));
        else if (from !== to) ctx.out(t('cli:init.migrated', { path: library.path, from, to }));
        else ctx.out(t('cli:init.upToDate', { path: library.path, version: to }));
        if (backupPath) ctx.out(t('cli:init.backup', { path: backupPath }));
        if (loaded) {
          const counts = Object.fromEntries(Object.entries(loaded).map(([k, v]) => [k, v.added]));
          ctx.out(t('cli:init.loaded', { summary: formatCounts(t, counts) }));
        } else if (empty) ctx.out(t('cli:init.leftEmpty'));
        else ctx.out(t('cli:init.notLoaded'));
      });
    });
}
