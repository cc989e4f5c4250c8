import path from 'node:path';
import type { Command } from 'commander';
import type { CliContext } from '../CliContext';
import { localeOption } from '../parseLocale';
import { choiceOption } from '../choiceOption';
import type { Locale } from '../../../shared/domain/locales';
import { TERM_STATUSES, type Concept, type TermStatus } from '../../../shared/terms/termTypes';
import { conceptInputSchema } from '../../../shared/terms/conceptSchema';
import { termTokens } from '../../../shared/terms/termTokens';
import { readImportText } from '../../services/readLibraryFile';
import { writeFileAtomic } from '../../services/writeFileAtomic';
import { userName } from '../../services/userName';

interface AddOptions {
  concept: string;
  lang: Locale;
  term: string;
  status: TermStatus;
  note?: string;
  subject?: string;
  source?: string;
  json?: boolean;
}

/**
 * The termbase from the command line: list (or search) it, add a term, and exchange it with
 * translators' tools as TBX. The TBX reader and writer load only when these commands run.
 */
export function registerTerms(program: Command, ctx: CliContext): void {
  const { t } = ctx;
  const terms = program.command('terms').description(t('cli:commands.terms'));

  terms
    .command('list')
    .description(t('cli:terms.list'))
    .option('--search <words>', t('cli:terms.options.search'))
    .option('--json', t('cli:options.json'))
    .action(async (o: { search?: string; json?: boolean }, command: Command) => {
      await ctx.withLibrary(command, { create: false, readOnly: true }, (store) => {
        const concepts = store.terms.readAll().filter((c) => !o.search || conceptMatches(c, o.search));
        if (o.json) {
          ctx.json(concepts);
          return;
        }
        if (concepts.length === 0) ctx.out(t('cli:terms.none'));
        for (const c of concepts) {
          ctx.out(c.subject ? `${c.id} (${c.subject})` : c.id);
          for (const term of c.terms) {
            ctx.out(`  ${term.locale}  ${t(`cli:terms.status.${term.status}`).padEnd(10)} ${term.text}  [${t(`ui:status.${term.approval}`)}]`);
          }
        }
      });
    });

  terms
    .command('add')
    .description(t('cli:terms.add'))
    .requiredOption('--concept <id>', t('cli:terms.options.concept'))
    .requiredOption('--lang <lang>', t('cli:options.lang'), localeOption(t))
    .requiredOption('--term <text>', t('cli:terms.options.term'))
    .option('--status <status>', t('cli:terms.options.status'), choiceOption(t, '--status', TERM_STATUSES), 'preferred')
    .option('--note <text>', t('cli:terms.options.note'))
    .option('--subject <text>', t('cli:terms.options.subject'))
    .option('--source <text>', t('cli:terms.options.source'))
    .option('--json', t('cli:options.json'))
    .action(async (o: AddOptions, command: Command) => {
      const { saveConcept } = await import('../../services/terms/saveConcept');
      const { problemFromZodIssue } = await import('../../../shared/schemas/validationProblems');
      const { AppError } = await import('../../../shared/errors/AppError');
      await ctx.withLibrary(command, { create: false, readOnly: false }, (store) => {
        const before = store.terms.read(o.concept);
        const given = {
          id: o.concept,
          subject: o.subject ?? before?.subject ?? null,
          note: before?.note ?? null,
          source: o.source ?? before?.source ?? null,
          terms: [
            ...(before?.terms ?? []).map(({ locale, text, status, note, approval }) => ({ locale, text, status, note, approval })),
            { locale: o.lang, text: o.term, status: o.status, note: o.note ?? null, approval: 'draft' },
          ],
        };
        const parsed = conceptInputSchema.safeParse(given);
        if (!parsed.success) {
          throw new AppError('terms.invalid', { concept: o.concept }, parsed.error.issues.map((issue) => problemFromZodIssue(issue, given)));
        }
        const input = parsed.data;
        const saved = saveConcept(store, input, { by: userName(store), at: new Date().toISOString() });
        if (o.json) ctx.json(saved);
        else ctx.out(t('cli:terms.added', { term: o.term, language: o.lang, concept: saved.id, status: t(`cli:terms.status.${o.status}`) }));
      });
    });

  terms
    .command('import')
    .description(t('cli:terms.import'))
    .argument('<file>', t('cli:terms.options.file'))
    .option('--dry-run', t('cli:options.dryRun'))
    .option('--json', t('cli:options.json'))
    .action(async (file: string, o: { dryRun?: boolean; json?: boolean }, command: Command) => {
      const target = path.resolve(file);
      const { readTbx } = await import('../../terms/readTbx');
      const { importTermbase } = await import('../../services/terms/importTermbase');
      // Read and checked whole before the library is opened: a bad file changes nothing.
      const concepts = readTbx(readImportText(target));
      await ctx.withLibrary(command, { create: false, readOnly: o.dryRun ?? false }, (store) => {
        const report = importTermbase(store, concepts, { dryRun: o.dryRun ?? false });
        if (o.json) {
          ctx.json({ file: target, ...report });
          return;
        }
        ctx.out(t(report.dryRun ? 'cli:terms.wouldImport' : 'cli:terms.imported', { ...report, file: target }));
        for (const c of report.conflicts) ctx.out(t('cli:terms.conflict', { ...c }));
      });
    });

  terms
    .command('export')
    .description(t('cli:terms.export'))
    .argument('<file>', t('cli:terms.options.file'))
    .option('--force', t('cli:options.force'))
    .option('--json', t('cli:options.json'))
    .action(async (file: string, o: { force?: boolean; json?: boolean }, command: Command) => {
      const { writeTbx } = await import('../../terms/writeTbx');
      await ctx.withLibrary(command, { create: false, readOnly: true }, (store) => {
        const concepts = store.terms.readAll();
        const target = path.resolve(file);
        writeFileAtomic(target, writeTbx(concepts, t('cli:terms.tbxTitle')), { force: o.force ?? false });
        if (o.json) ctx.json({ file: target, concepts: concepts.length });
        else ctx.out(t('cli:terms.exported', { count: concepts.length, file: target }));
      });
    });
}

/** Every word of the search in one of the concept's terms (as term matching reads words), or its id. */
function conceptMatches(concept: Concept, search: string): boolean {
  return concept.terms.some((term) => {
    const words = termTokens(term.text, term.locale);
    return termTokens(search, term.locale).every((w) => words.includes(w));
  }) || concept.id.includes(search);
}
