import type { Command } from 'commander';
import type { CliContext } from '../CliContext';
import { localeOption } from '../parseLocale';
import { searchLibrary } from '../../services/searchLibrary';
import type { Locale } from '../../../shared/domain/locales';

export function registerSearch(program: Command, ctx: CliContext): void {
  const { t } = ctx;
  program
    .command('search')
    .description(t('cli:commands.search'))
    .argument('<query...>', t('cli:args.query'))
    .option('--lang <lang>', t('cli:options.lang'), localeOption(t), 'en')
    .option('--json', t('cli:options.json'))
    .action(async (words: string[], options: { lang: Locale; json?: boolean }, command: Command) => {
      const query = words.join(' ');
      await ctx.withLibrary(command, { create: false, readOnly: true }, (store) => {
        const hits = searchLibrary(store, query, options.lang);
        if (options.json) {
          ctx.json(hits);
          return;
        }
        if (hits.length === 0) ctx.out(t('cli:search.none', { query }));
        for (const hit of hits) {
          ctx.out(`${hit.kind}  ${hit.title}  (${hit.id})`);
          for (const m of hit.matches.slice(0, 3)) {
            ctx.out(`    ${t('cli:search.inField', { locale: m.locale, field: m.field })}: ${m.excerpt.replace(/\s+/g, ' ')}`);
          }
        }
      });
    });
}
