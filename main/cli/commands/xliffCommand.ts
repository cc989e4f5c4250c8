import path from 'node:path';
import type { Command } from 'commander';
import type { CliContext } from '../CliContext';
import { localeOption } from '../parseLocale';
import type { Locale } from '../../../shared/domain/locales';
import { userName } from '../../services/userName';
import { writeFileAtomic } from '../../services/writeFileAtomic';
import { readImportText } from '../../services/readLibraryFile';
import { createBackup } from '../../services/backups/createBackup';

interface ExportOptions {
  lang: Locale;
  from?: Locale;
  pack?: string;
  ui?: boolean;
  todo?: boolean;
  out: string;
  force?: boolean;
  json?: boolean;
}

/**
 * XLIFF 2.0 for translators' tools: export one language's texts, import them back. The XLIFF and
 * translation services are loaded when a command runs, so other commands start no slower.
 */
export function registerXliff(program: Command, ctx: CliContext): void {
  const { t } = ctx;
  const xliff = program.command('xliff').description(t('cli:commands.xliff'));

  xliff
    .command('export')
    .description(t('cli:xliff.export'))
    .requiredOption('--lang <lang>', t('cli:xliff.options.lang'), localeOption(t))
    .option('--from <lang>', t('cli:xliff.options.from'), localeOption(t))
    .option('--pack <pack>', t('cli:xliff.options.pack'))
    .option('--ui', t('cli:xliff.options.ui'))
    .option('--todo', t('cli:xliff.options.todo'))
    .requiredOption('--out <file>', t('cli:options.out'))
    .option('--force', t('cli:options.force'))
    .option('--json', t('cli:options.json'))
    .action(async (o: ExportOptions, command: Command) => {
      const { exportXliff } = await import('../../services/xliff/exportXliff');
      const { packTranslationScope } = await import('../../pdf/packTranslationScope');
      const { defaultSourceLocale } = await import('../../services/translation/defaultSourceLocale');
      await ctx.withLibrary(command, { create: false, readOnly: true }, (store) => {
        const source = o.from ?? (o.ui ? (o.lang === 'en' ? 'fr' : 'en') : defaultSourceLocale(store, o.lang));
        const file = path.resolve(o.out);
        const { xml, units } = exportXliff(store, {
          source,
          target: o.lang,
          packId: o.pack ?? null,
          ui: o.ui ?? false,
          todoOnly: o.todo ?? false,
        }, packTranslationScope);
        writeFileAtomic(file, xml, { force: o.force ?? false });
        if (o.json) ctx.json({ file, units, source, target: o.lang });
        else ctx.out(t('cli:xliff.exported', { count: units, source, target: o.lang, file }));
      });
    });

  xliff
    .command('import')
    .description(t('cli:xliff.import'))
    .argument('<file>', t('cli:xliff.options.file'))
    .option('--dry-run', t('cli:options.dryRun'))
    .option('--by <name>', t('cli:xliff.options.by'))
    .option('--json', t('cli:options.json'))
    .action(async (file: string, o: { dryRun?: boolean; by?: string; json?: boolean }, command: Command) => {
      const target = path.resolve(file);
      const xml = readImportText(target);
      const { importXliff } = await import('../../services/xliff/importXliff');
      await ctx.withLibrary(command, { create: false, readOnly: o.dryRun ?? false }, async (store, library) => {
        if (!o.dryRun) await createBackup(library.db, library.path, 'xliff');
        const by = o.by?.trim() || userName(store);
        const report = importXliff(store, xml, { dryRun: o.dryRun ?? false, approver: { by, at: new Date().toISOString() } });
        if (o.json) {
          ctx.json({ file: target, ...report });
          return;
        }
        ctx.out(t('cli:xliff.report.summary', { count: report.units, source: report.sourceLocale, target: report.targetLocale }));
        ctx.out(t('cli:xliff.report.applied', { approved: report.applied.approved, draft: report.applied.draft, unchanged: report.unchanged, untranslated: report.untranslated }));
        for (const s of report.staleSource) ctx.out(t('cli:xliff.report.stale', { id: s.id }));
        for (const d of report.downgraded) {
          ctx.out(t('cli:xliff.report.downgraded', { id: d.id, checks: d.checks.map((c) => t(`cli:xliff.checkNames.${c}`)).join(', ') }));
        }
        ctx.out(t(report.dryRun ? 'cli:xliff.report.dryRun' : 'cli:xliff.report.done', { file: target }));
      });
    });
}
