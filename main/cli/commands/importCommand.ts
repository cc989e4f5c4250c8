import path from 'node:path';
import type { Command } from 'commander';
import type { CliContext } from '../CliContext';
import { importLibraryFile } from '../../services/importLibrary';
import { LIBRARY_COLLECTIONS } from '../../../shared/schemas/libraryDocument';
import { createBackup } from '../../services/backups/createBackup';

export function registerImport(program: Command, ctx: CliContext): void {
  const { t } = ctx;
  program
    .command('import')
    .description(t('cli:commands.import'))
    .argument('<file>', t('cli:args.file'))
    .option('--dry-run', t('cli:options.dryRun'))
    .option('--json', t('cli:options.json'))
    .action(async (file: string, options: { dryRun?: boolean; json?: boolean }, command: Command) => {
      const target = path.resolve(file);
      await ctx.withLibrary(command, { create: !options.dryRun, readOnly: options.dryRun ?? false }, async (store, library) => {
        if (!options.dryRun && !library.created) await createBackup(library.db, library.path, 'import');
        const report = importLibraryFile(store, target, { dryRun: options.dryRun ?? false });
        if (options.json) {
          ctx.json(report);
          return;
        }
        for (const kind of LIBRARY_COLLECTIONS) {
          const c = report.counts[kind];
          if (c.added + c.updated + c.unchanged === 0) continue;
          ctx.out(t('cli:import.line', { kind, ...c }));
        }
        ctx.out(t(report.dryRun ? 'cli:import.dryRun' : 'cli:import.done', { file: target }));
      });
    });
}
