import type { Command } from 'commander';
import { choiceOption } from '../choiceOption';
import type { CliContext } from '../CliContext';
import { localeOption } from '../parseLocale';
import { addSection, createPack, deletePack, duplicatePack, listPacks } from '../../services/packsService';
import { setPackLogo } from '../../services/packLogo';
import { PAPER_SIZES } from '../../../shared/domain/pieceKinds';
import type { Locale } from '../../../shared/domain/locales';
import { listBuildRecords } from '../../services/buildRecords';
import { distributionsOf, markDistributed } from '../../services/distribution';

export function registerPacks(program: Command, ctx: CliContext): void {
  const { t } = ctx;
  const packs = program.command('packs').description(t('cli:commands.packs'));

  packs
    .command('create')
    .description(t('cli:packs.create'))
    .requiredOption('--slug <slug>', t('cli:packs.options.slug'))
    .requiredOption('--title <text>', t('cli:packs.options.title'))
    .option('--lang <lang>', t('cli:packs.options.lang'), localeOption(t), 'en')
    .option('--meeting <id>', t('cli:packs.options.meeting'))
    .option('--paper <size>', t('cli:packs.options.paper'), choiceOption(t, '--paper', PAPER_SIZES), 'a4')
    .option('--json', t('cli:options.json'))
    .action(async (o: { slug: string; title: string; lang: Locale; meeting?: string; paper: 'a4' | 'letter'; json?: boolean }, command: Command) => {
      await ctx.withLibrary(command, { create: false, readOnly: false }, (store) => {
        const pack = createPack(store, { slug: o.slug, title: o.title, lang: o.lang, meetingId: o.meeting ?? null, paper: o.paper });
        if (o.json) ctx.json(pack);
        else ctx.out(t('cli:packs.created', { slug: pack.slug, id: pack.id }));
      });
    });

  packs
    .command('add-section')
    .description(t('cli:packs.addSection'))
    .argument('<pack>', t('cli:build.options.pack'))
    .requiredOption('--title <text>', t('cli:packs.options.title'))
    .option('--lang <lang>', t('cli:packs.options.lang'), localeOption(t), 'en')
    .option('--items <list>', t('cli:packs.options.items'), '')
    .action(async (ref: string, o: { title: string; lang: Locale; items: string }, command: Command) => {
      await ctx.withLibrary(command, { create: false, readOnly: false }, (store) => {
        const items = o.items.split(',').map((s) => s.trim()).filter(Boolean);
        const pack = addSection(store, ref, { title: o.title, lang: o.lang, items });
        ctx.out(t('cli:packs.sectionAdded', { number: pack.sections.length, slug: pack.slug }));
      });
    });

  packs
    .command('list')
    .description(t('cli:packs.list'))
    .option('--json', t('cli:options.json'))
    .action(async (o: { json?: boolean }, command: Command) => {
      await ctx.withLibrary(command, { create: false, readOnly: true }, (store) => {
        const list = listPacks(store);
        if (o.json) ctx.json(list);
        else if (list.length === 0) ctx.out(t('cli:list.empty'));
        else for (const p of list) ctx.out(t('cli:packs.line', { ...p }));
      });
    });

  packs
    .command('duplicate')
    .description(t('cli:packs.duplicate'))
    .argument('<pack>', t('cli:build.options.pack'))
    .requiredOption('--slug <slug>', t('cli:packs.options.slug'))
    .action(async (ref: string, o: { slug: string }, command: Command) => {
      await ctx.withLibrary(command, { create: false, readOnly: false }, (store) => {
        const copy = duplicatePack(store, ref, o.slug);
        ctx.out(t('cli:packs.duplicated', { from: ref, slug: copy.slug, id: copy.id }));
      });
    });

  packs
    .command('delete')
    .description(t('cli:packs.delete'))
    .argument('<pack>', t('cli:build.options.pack'))
    .action(async (ref: string, _o: unknown, command: Command) => {
      await ctx.withLibrary(command, { create: false, readOnly: false }, (store) => {
        const pack = deletePack(store, ref);
        ctx.out(t('cli:packs.deleted', { slug: pack.slug }));
      });
    });

  packs
    .command('set-logo')
    .description(t('cli:packs.setLogo'))
    .argument('<pack>', t('cli:build.options.pack'))
    .argument('[file]', t('cli:packs.options.logoFile'))
    .option('--remove', t('cli:packs.options.remove'))
    .action(async (ref: string, file: string | undefined, o: { remove?: boolean }, command: Command) => {
      if (!file && !o.remove) command.error(t('cli:packs.logoFileNeeded'), { exitCode: 2 });
      await ctx.withLibrary(command, { create: false, readOnly: false }, (store) => {
        const pack = setPackLogo(store, ref, o.remove ? null : file!);
        if (pack.logo) ctx.out(t('cli:packs.logoSet', { slug: pack.slug, file, kib: Math.ceil((pack.logo.data.length * 3) / 4 / 1024) }));
        else ctx.out(t('cli:packs.logoRemoved', { slug: pack.slug }));
      });
    });

  packs
    .command('builds')
    .description(t('cli:packs.builds'))
    .argument('<pack>', t('cli:build.options.pack'))
    .option('--json', t('cli:options.json'))
    .action(async (ref: string, o: { json?: boolean }, command: Command) => {
      await ctx.withLibrary(command, { create: false, readOnly: true }, (store) => {
        const builds = listBuildRecords(store, ref).map(({ pieces: _, ...b }) => ({ ...b, distributedTo: distributionsOf(store, b.id) }));
        if (o.json) ctx.json(builds);
        else if (builds.length === 0) ctx.out(t('cli:list.empty'));
        else
          for (const b of builds) {
            const to = b.distributedTo.map((d) => d.recipient).join(', ');
            ctx.out(t('cli:packs.buildLine', { id: b.id, at: b.builtAt, by: b.builtBy, mode: b.mode, status: b.status }) + (to ? `  ${t('cli:packs.sentTo', { names: to })}` : ''));
          }
      });
    });

  packs
    .command('distribute')
    .description(t('cli:packs.distribute'))
    .argument('<build>', t('cli:packs.options.build'))
    .requiredOption('--to <name...>', t('cli:packs.options.to'))
    .action(async (buildId: string, o: { to: string[] }, command: Command) => {
      await ctx.withLibrary(command, { create: false, readOnly: false }, (store) => {
        const list = markDistributed(store, buildId, o.to);
        ctx.out(t('cli:packs.distributed', { build: buildId, count: list.length, names: list.map((d) => d.recipient).join(', ') }));
      });
    });
}
