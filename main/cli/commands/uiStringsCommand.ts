import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { CliContext } from '../CliContext';
import { localeOption } from '../parseLocale';
import type { Locale } from '../../../shared/domain/locales';
import { AppError } from '../../../shared/errors/AppError';
import { writeFileAtomic } from '../../services/writeFileAtomic';

/**
 * Interface strings as translators left them in this library, written as the repository keeps
 * them (`<folder>/<lang>/<namespace>.json`), so a contribution is a copy into shared/locales.
 */
export function registerUiStrings(program: Command, ctx: CliContext): void {
  const { t } = ctx;
  const ui = program.command('ui-strings').description(t('cli:commands.uiStrings'));
  ui.command('export')
    .description(t('cli:uiStrings.export'))
    .requiredOption('--lang <lang>', t('cli:xliff.options.lang'), localeOption(t))
    .requiredOption('--out <folder>', t('cli:uiStrings.out'))
    .option('--force', t('cli:options.force'))
    .option('--json', t('cli:options.json'))
    .action(async (o: { lang: Locale; out: string; force?: boolean; json?: boolean }, command: Command) => {
      const { uiStringsAsJson } = await import('../../services/uiStrings/exportUiStrings');
      await ctx.withLibrary(command, { create: false, readOnly: true }, (store) => {
        const folder = path.resolve(o.out, o.lang);
        const files = Object.entries(uiStringsAsJson(store, o.lang)).map(([namespace, tree]) => ({
          file: path.join(folder, `${namespace}.json`),
          text: `${JSON.stringify(tree, null, 2)}\n`,
        }));
        // Refuse before writing any file, so a refusal leaves the folder as it was.
        if (!o.force) for (const { file } of files) if (fs.existsSync(file)) throw new AppError('export.exists', { file });
        try {
          fs.mkdirSync(folder, { recursive: true });
        } catch (error) {
          throw new AppError('export.cannotWrite', { file: folder, detail: (error as NodeJS.ErrnoException).code ?? String(error) });
        }
        for (const { file, text } of files) writeFileAtomic(file, text, { force: true });
        if (o.json) ctx.json({ files: files.map((f) => f.file) });
        else for (const { file } of files) ctx.out(t('cli:uiStrings.written', { file }));
      });
    });
}
