import type { Command } from 'commander';
import type { CliContext } from '../CliContext';
import { reportAccessibility } from './reportAccessibility';

/**
 * `briefing inspect FILE.pdf`: what a built PDF says about itself, without a library. With
 * --accessibility, the PDF/UA points a program can check instead (any PDF): exit code 1 when one fails.
 */
export function registerInspect(program: Command, ctx: CliContext, setExitCode: (code: number) => void = () => undefined): void {
  const { t } = ctx;
  program
    .command('inspect')
    .description(t('cli:commands.inspect'))
    .argument('<file>', t('cli:inspect.args.file'))
    .option('--json', t('cli:options.json'))
    .option('--accessibility', t('cli:inspect.accessibility.option'))
    .action(async (file: string, options: { json?: boolean; accessibility?: boolean }) => {
      if (options.accessibility) {
        await reportAccessibility(ctx, file, options.json === true, setExitCode);
        return;
      }
      const { readManifest } = await import('../../pdf/readManifest');
      const m = await readManifest(file);
      if (options.json) {
        ctx.json(m);
        return;
      }
      ctx.out(t('cli:inspect.pack', { slug: m.pack.slug, id: m.pack.id, edition: m.edition }));
      ctx.out(t('cli:inspect.built', { date: m.build.builtAt, version: m.build.appVersion, id: m.build.id }));
      for (const e of m.editions) {
        for (const l of e.languages) {
          ctx.out(t('cli:inspect.language', { edition: e.edition, pages: e.pages, locale: l.locale, status: t(`cli:inspect.status.${l.status}`), missing: l.missing, draft: l.draft, stale: l.stale }));
        }
      }
      ctx.out(t('cli:inspect.pieces', { count: m.pieces.length }));
      for (const p of m.pieces) ctx.out(`  ${p.kind.padEnd(10)} ${p.id.padEnd(40)} ${p.hash}`);
    });
}
