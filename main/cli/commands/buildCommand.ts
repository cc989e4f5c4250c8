import { pdfStringOverrides } from '../../services/uiStrings/pdfStringOverrides';
import { InvalidArgumentError, type Command } from 'commander';
import { choiceOption } from '../choiceOption';
import type { CliContext } from '../CliContext';
import { LANGUAGE_MODES, type LanguageMode } from '../../../shared/api/buildTypes';
import { PAPER_SIZES } from '../../../shared/domain/pieceKinds';
import { describeProblem } from '../../../shared/schemas/validationProblems';
import type { LibraryStore } from '../../services/LibraryStore';

const MAX_LISTED = 10;

/** --strict: a pack whose pieces still hold a sync conflict (ours kept, theirs waiting) is not built. */
async function refuseSyncConflicts(store: LibraryStore, packRef: string): Promise<void> {
  const { listConflicts, openConflictsIn } = await import('../../services/sync/syncConflicts');
  // Most libraries have none: then nothing more is read, and the build goes on as before.
  if (listConflicts(store).length === 0) return;
  const { packTranslationScope } = await import('../../pdf/packTranslationScope');
  const { AppError } = await import('../../../shared/errors/AppError');
  const scope = packTranslationScope(store, packRef);
  const ids = new Set<string>([store.packIdWithSlug(packRef) ?? packRef, ...Object.values(scope.usedBy).flatMap((set) => [...set])]);
  const open = openConflictsIn(store, ids);
  if (open.length > 0) throw new AppError('sync.strictConflicts', { pack: packRef, count: open.length });
}

export function registerBuild(program: Command, ctx: CliContext): void {
  const { t } = ctx;
  program
    .command('build')
    .description(t('cli:commands.build'))
    .requiredOption('--pack <id|slug>', t('cli:build.options.pack'))
    .requiredOption('--lang <mode>', t('cli:build.options.lang'), (value: string): LanguageMode => {
      if (!(LANGUAGE_MODES as readonly string[]).includes(value)) {
        throw new InvalidArgumentError(t('errors:build.unknownLanguage', { value }));
      }
      return value as LanguageMode;
    })
    .requiredOption('--out <file|dir>', t('cli:build.options.out'))
    .option('--strict', t('cli:build.options.strict'))
    .option('--require-approved', t('cli:build.options.requireApproved'))
    .option('--paper <size>', t('cli:build.options.paper'), choiceOption(t, '--paper', PAPER_SIZES))
    .option('--watermark <text>', t('cli:build.options.watermark'))
    .option('--force', t('cli:build.options.force'))
    .option('--changes-since <build>', t('cli:build.options.changesSince'))
    .option('--recipients <file.csv>', t('cli:build.options.recipients'))
    .option('--time-limit <seconds>', t('cli:build.options.timeLimit'), (value: string) => {
      const seconds = Number(value);
      if (!/^\d+(\.\d+)?$/.test(value) || seconds <= 0) throw new InvalidArgumentError(t('errors:build.badTimeLimit', { value: value.slice(0, 40) }));
      return seconds;
    })
    .option('--json', t('cli:options.json'))
    .action(
      async (
        options: {
          pack: string;
          lang: LanguageMode;
          out: string;
          strict?: boolean;
          requireApproved?: boolean;
          paper?: 'a4' | 'letter';
          watermark?: string;
          force?: boolean;
          json?: boolean;
          timeLimit?: number;
          changesSince?: string;
          recipients?: string;
        },
        command: Command,
      ) => {
        // Loaded on demand: the PDF engine is heavy, and other commands do not need it.
        const { PackBuildService } = await import('../../pdf/PackBuildService');
        // BRIEFING_BUILD_HEAP_MB: the workers' heap (tests make it small to see a worker die).
        const heapMb = Number(ctx.io.env.BRIEFING_BUILD_HEAP_MB) || undefined;
        const service = new PackBuildService(options.lang === 'all' ? 2 : 1, undefined, {
          editionTimeLimitMs: options.timeLimit === undefined ? undefined : options.timeLimit * 1000,
          heapMb,
        });
        // The workers load the engine and parse the fonts while this thread opens the library and
        // resolves the pack: a fresh `briefing build` otherwise waits for one, then the other.
        service.warm();
        const { recordedBuild } = await import('../../pdf/recordedBuild');
        // One request for both paths: personalized copies differ only in the recipients.
        const request = (store: LibraryStore) => ({
          pack: options.pack,
          mode: options.lang,
          out: options.out,
          strict: options.strict ?? false,
          requireApproved: options.requireApproved ?? false,
          paper: options.paper,
          watermark: options.watermark,
          force: options.force ?? false,
          changesSince: options.changesSince,
          strings: pdfStringOverrides(store),
        });
        try {
          if (options.recipients !== undefined) {
            const { readRecipientsFile, buildRecipientCopies } = await import('../../pdf/recipientCopies');
            // The list is checked before the library is opened: a bad row costs nothing.
            const recipients = readRecipientsFile(options.recipients);
            const copies = await ctx.withLibrary(command, { create: false, readOnly: false }, async (store) => {
              if (options.strict) await refuseSyncConflicts(store, options.pack);
              return buildRecipientCopies(service, store, request(store), recipients);
            });
            if (options.json) {
              ctx.json(copies);
              return;
            }
            for (const c of copies.copies) {
              for (const f of c.files) ctx.out(t('cli:build.copy', { recipient: c.recipient, edition: f.edition, file: f.file, pages: f.pages }));
            }
            ctx.out(t('cli:build.copies', { count: copies.copies.length }));
            for (const warning of copies.warnings) ctx.io.stderr(`${t('cli:buildLayout.warning', { message: describeProblem(warning, t) })}\n`);
            return;
          }

          // Read-write: the build's record (success or not) is written to the library.
          const report = await ctx.withLibrary(command, { create: false, readOnly: false }, async (store) => {
            if (options.strict) await refuseSyncConflicts(store, options.pack);
            return recordedBuild(service, store, request(store));
          });
          if (options.json) {
            ctx.json(report);
            return;
          }
          for (const f of report.files) {
            ctx.out(t('cli:build.file', { edition: f.edition, file: f.file, pages: f.pages, size: Math.round(f.bytes / 1024) }));
          }
          for (const e of report.editions) {
            ctx.out(t('cli:build.texts', { locale: e.locale, missing: e.missing.length, draft: e.draft.length, stale: e.stale.length }));
            for (const m of e.missing.slice(0, MAX_LISTED)) {
              ctx.out(t('cli:build.missingItem', { locale: e.locale, piece: m.pieceId, field: m.field }));
            }
            if (e.missing.length > MAX_LISTED) ctx.out(t('cli:build.more', { count: e.missing.length - MAX_LISTED }));
          }
          // Warnings on stderr: the PDFs were written, but something in them needs a look.
          for (const warning of report.warnings) ctx.io.stderr(`${t('cli:buildLayout.warning', { message: describeProblem(warning, t) })}\n`);
        } finally {
          await service.close();
        }
      },
    );
}
