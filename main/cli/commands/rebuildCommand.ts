import type { Command } from 'commander';
import type { CliContext } from '../CliContext';
import { messageLocale } from '../parseLocale';

/** `briefing rebuild FILE.pdf --out X`: the same PDF again, from the library's history. */
export function registerRebuild(program: Command, ctx: CliContext): void {
  const { t } = ctx;
  program
    .command('rebuild')
    .description(t('cli:commands.rebuild'))
    .argument('<file>', t('cli:inspect.args.file'))
    .requiredOption('--out <file|dir>', t('cli:rebuild.options.out'))
    .option('--force', t('cli:build.options.force'))
    .option('--json', t('cli:options.json'))
    .action(async (file: string, options: { out: string; force?: boolean; json?: boolean }, command: Command) => {
      const { PackBuildService } = await import('../../pdf/PackBuildService');
      const { rebuildPdf } = await import('../../pdf/rebuildPdf');
      const service = new PackBuildService(2);
      try {
        // Read-only: a rebuild reads the history and records nothing.
        const result = await ctx.withLibrary(command, { create: false, readOnly: true }, (store) => rebuildPdf(service, store, file, options.out, options.force ?? false, messageLocale(ctx.io.env)));
        if (options.json) {
          ctx.json(result);
          return;
        }
        ctx.out(t(result.same ? 'cli:rebuild.same' : 'cli:rebuild.differs', { file: result.file, edition: result.edition, sha256: result.sha256, original: result.originalSha256 }));
      } finally {
        await service.close();
      }
    });
}
