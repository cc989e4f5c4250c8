import type { Command } from 'commander';
import { AppError } from '../../../shared/errors/AppError';
import { EDITIONS } from '../../../shared/schemas/buildManifest';
import { choiceOption } from '../choiceOption';
import type { CliContext } from '../CliContext';
import { messageLocale } from '../parseLocale';

/**
 * `briefing rebuild FILE.pdf --out X`: the same PDF again, from the library's history.
 * `briefing rebuild --build ID --out X`: a recorded build again, from the manifests the library
 * kept, when its files are gone.
 */
export function registerRebuild(program: Command, ctx: CliContext): void {
  const { t } = ctx;
  program
    .command('rebuild')
    .description(t('cli:commands.rebuild'))
    .argument('[file]', t('cli:inspect.args.file'))
    .option('--build <id>', t('cli:rebuild.options.build'))
    .option('--edition <edition>', t('cli:rebuild.options.edition'), choiceOption(t, '--edition', EDITIONS))
    .requiredOption('--out <file|dir>', t('cli:rebuild.options.out'))
    .option('--force', t('cli:build.options.force'))
    .option('--json', t('cli:options.json'))
    .action(async (file: string | undefined, options: { build?: string; edition?: (typeof EDITIONS)[number]; out: string; force?: boolean; json?: boolean }, command: Command) => {
      // One source: a PDF (its own manifest) or a build's id (the library's copy of its manifests).
      if ((file === undefined) === (options.build === undefined)) throw new AppError('rebuild.fileOrBuild');
      if (file !== undefined && options.edition) throw new AppError('rebuild.editionNeedsBuild');
      const { PackBuildService } = await import('../../pdf/PackBuildService');
      const { rebuildPdf, rebuildBuild } = await import('../../pdf/rebuildPdf');
      const service = new PackBuildService(2);
      const locale = messageLocale(ctx.io.env);
      try {
        // Read-only: a rebuild reads the history and records nothing.
        const results = await ctx.withLibrary(command, { create: false, readOnly: true }, async (store) =>
          file !== undefined
            ? [await rebuildPdf(service, store, file, options.out, options.force ?? false, locale)]
            : rebuildBuild(service, store, options.build!, options.out, { force: options.force, edition: options.edition, locale }),
        );
        if (options.json) {
          ctx.json(file !== undefined ? results[0] : results);
          return;
        }
        for (const r of results) ctx.out(t(r.same ? 'cli:rebuild.same' : 'cli:rebuild.differs', { file: r.file, edition: r.edition, sha256: r.sha256, original: r.originalSha256 }));
      } finally {
        await service.close();
      }
    });
}
