import path from 'node:path';
import type { Command } from 'commander';
import type { CliContext } from '../CliContext';
import { localeOption } from '../parseLocale';
import type { Locale } from '../../../shared/domain/locales';
import { writeFileAtomic } from '../../services/writeFileAtomic';

/** The translation memory out for CAT tools, as TMX; loaded only when the command runs. */
export function registerMemory(program: Command, ctx: CliContext, version: string): void {
  const { t } = ctx;
  const memory = program.command('memory').description(t('cli:commands.memory'));
  memory
    .command('export')
    .description(t('cli:memory.export'))
    .argument('<file>', t('cli:memory.file'))
    .requiredOption('--from <lang>', t('cli:memory.from'), localeOption(t))
    .requiredOption('--lang <lang>', t('cli:memory.lang'), localeOption(t))
    .option('--force', t('cli:options.force'))
    .option('--json', t('cli:options.json'))
    .action(async (file: string, o: { from: Locale; lang: Locale; force?: boolean; json?: boolean }, command: Command) => {
      const { memoryIndexFor } = await import('../../services/memory/MemoryIndex');
      const { writeTmx } = await import('../../services/memory/writeTmx');
      const { AppError } = await import('../../../shared/errors/AppError');
      if (o.from === o.lang) throw new AppError('translation.sameLanguage', { locale: o.lang });
      await ctx.withLibrary(command, { create: false, readOnly: true }, (store) => {
        const index = memoryIndexFor(store.db, o.from, o.lang);
        const target = path.resolve(file);
        writeFileAtomic(target, writeTmx(index, o.from, o.lang, version), { force: o.force ?? false });
        const units = index.pairs.filter((p) => p.origin === undefined).length;
        if (o.json) ctx.json({ file: target, units, source: o.from, target: o.lang });
        else ctx.out(t('cli:memory.exported', { count: units, source: o.from, target: o.lang, file: target }));
      });
    });
  memory
    .command('import')
    .description(t('cli:memory.import'))
    .argument('<file>', t('cli:memory.file'))
    .option('--dry-run', t('cli:memory.dryRun'))
    .option('--json', t('cli:options.json'))
    .action(async (file: string, o: { dryRun?: boolean; json?: boolean }, command: Command) => {
      const { readTmx } = await import('../../memory/readTmx');
      const { readImportText } = await import('../../services/readLibraryFile');
      const { importTmx } = await import('../../services/memory/importTmx');
      // Read and checked whole before the library is opened: a refused file changes nothing.
      const units = readTmx(readImportText(path.resolve(file)));
      await ctx.withLibrary(command, { create: false, readOnly: o.dryRun ?? false }, (store) => {
        const report = importTmx(store, path.basename(file), units, { dryRun: o.dryRun ?? false });
        if (o.json) ctx.json(report);
        else {
          ctx.out(t(report.dryRun ? 'cli:memory.importChecked' : 'cli:memory.imported', { count: report.units, replaced: report.replaced, origin: report.origin }));
          if (report.inlineCodes) ctx.out(t('cli:memory.inlineCodes', { count: report.inlineCodes }));
        }
      });
    });
  memory
    .command('list')
    .description(t('cli:memory.list'))
    .option('--json', t('cli:options.json'))
    .action(async (o: { json?: boolean }, command: Command) => {
      const { listExternalMemories } = await import('../../services/memory/externalMemories');
      await ctx.withLibrary(command, { create: false, readOnly: true }, (store) => {
        const imports = listExternalMemories(store);
        if (o.json) return ctx.json(imports);
        if (imports.length === 0) return ctx.out(t('cli:memory.none'));
        for (const m of imports) {
          ctx.out(t('cli:memory.listed', { origin: m.origin, count: m.units, pairs: m.pairs.map((p) => `${p.source}→${p.target} ${p.units}`).join(', '), when: m.importedAt }));
        }
      });
    });
  memory
    .command('remove')
    .description(t('cli:memory.remove'))
    .argument('<name>', t('cli:memory.name'))
    .action(async (name: string, _o: unknown, command: Command) => {
      const { removeExternalMemory } = await import('../../services/memory/externalMemories');
      await ctx.withLibrary(command, { create: false, readOnly: false }, (store) => {
        const out = removeExternalMemory(store, name);
        ctx.out(t('cli:memory.removed', { count: out.removed, origin: out.origin }));
      });
    });
}
