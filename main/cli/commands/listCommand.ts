import { Argument, InvalidArgumentError, type Command } from 'commander';
import type { CliContext } from '../CliContext';
import { LIST_KINDS, type ListKind } from '../../services/listPieces';
import { listEntries } from '../../services/listEntries';
import { localeOption } from '../parseLocale';
import type { Locale } from '../../../shared/domain/locales';

export function registerList(program: Command, ctx: CliContext): void {
  const { t } = ctx;
  program
    .command('list')
    .description(t('cli:commands.list'))
    .addArgument(
      new Argument('<kind>', t('cli:args.kind')).argParser((value: string) => {
        if (!(LIST_KINDS as readonly string[]).includes(value)) {
          throw new InvalidArgumentError(t('errors:cli.unknownListKind', { value, options: LIST_KINDS.join(', ') }));
        }
        return value as ListKind;
      }),
    )
    .option('--lang <lang>', t('cli:options.lang'), localeOption(t), 'en')
    .option('--json', t('cli:options.json'))
    .action(async (kind: ListKind, options: { lang: Locale; json?: boolean }, command: Command) => {
      await ctx.withLibrary(command, { create: false, readOnly: true }, (store) => {
        const entries = listEntries(store, kind, options.lang);
        if (options.json) {
          ctx.json(entries);
          return;
        }
        if (entries.length === 0) ctx.out(t('cli:list.empty'));
        for (const e of entries) {
          const lead = e.details.number ?? e.details.code ?? e.details.date ?? e.details.startDate ?? e.details.slug ?? '';
          const marker = e.titleLocale !== options.lang ? ` [${e.titleLocale.toUpperCase()}]` : '';
          const status = t(`cli:status.${e.status}`);
          ctx.out(`${String(lead).padStart(kind === 'priorities' ? 2 : 0)}  ${e.title}${marker}  (${e.id}; ${status})`);
        }
      });
    });
}
