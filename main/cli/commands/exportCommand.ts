import path from 'node:path';
import type { Command } from 'commander';
import type { CliContext } from '../CliContext';
import { exportLibraryFile } from '../../services/exportLibrary';
import { LIBRARY_FORMAT_VERSION } from '../../../shared/schemas/libraryDocument';

export function registerExport(program: Command, ctx: CliContext): void {
  const { t } = ctx;
  program
    .command('export')
    .description(t('cli:commands.export', { version: LIBRARY_FORMAT_VERSION }))
    .requiredOption('--out <file>', t('cli:options.out'))
    .option('--force', t('cli:options.force'))
    .option('--json', t('cli:options.json'))
    .action(async (options: { out: string; force?: boolean; json?: boolean }, command: Command) => {
      await ctx.withLibrary(command, { create: false, readOnly: true }, (store) => {
        const file = path.resolve(options.out);
        const { bytes } = exportLibraryFile(store, file, { force: options.force ?? false });
        if (options.json) ctx.json({ file, bytes });
        else ctx.out(t('cli:export.done', { file, bytes }));
      });
    });
}
