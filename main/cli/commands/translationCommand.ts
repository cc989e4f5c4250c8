import type { Command } from 'commander';
import type { CliContext } from '../CliContext';
import { LOCALES } from '../../../shared/domain/locales';

/** Where translation stands, per language: what a translator or a staffer checks before a build. */
export function registerTranslation(program: Command, ctx: CliContext): void {
  const { t } = ctx;
  const translation = program.command('translation').description(t('cli:commands.translation'));
  translation
    .command('status')
    .description(t('cli:translation.status'))
    .option('--pack <pack>', t('cli:xliff.options.pack'))
    .option('--json', t('cli:options.json'))
    .action(async (o: { pack?: string; json?: boolean }, command: Command) => {
      // Loaded when run: it brings the pack resolver, which other commands do not need.
      const { listUnitSummaries } = await import('../../services/translation/listUnitSummaries');
      const { packTranslationScope } = await import('../../pdf/packTranslationScope');
      await ctx.withLibrary(command, { create: false, readOnly: true }, (store) => {
        // The source language does not change the counts per language; any pair will do. No
        // state is wanted: only the counts and blockers are read, not the texts.
        const { progress, strictBlockers } = listUnitSummaries(store, { source: 'fr', target: 'en', packId: o.pack ?? null, states: [] }, packTranslationScope);
        if (o.json) {
          ctx.json({ byLocale: progress.byLocale, strictBlockers });
          return;
        }
        for (const locale of LOCALES) {
          const c = progress.byLocale[locale];
          const percent = c.total === 0 ? 100 : Math.floor((c.approved / c.total) * 100);
          ctx.out(t('cli:translation.line', { locale, percent, ...c }));
        }
        if (strictBlockers === null) return;
        if (strictBlockers.length === 0) ctx.out(t('cli:translation.strictReady', { pack: o.pack }));
        else {
          ctx.out(t('cli:translation.strictBlocked', { pack: o.pack, count: strictBlockers.length }));
          for (const b of strictBlockers) ctx.out(t(`errors:build.untranslated.${b.state}`, { locale: b.locale, piece: b.pieceId, field: b.field }));
        }
      });
    });
}
