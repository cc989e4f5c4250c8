import type { Command } from 'commander';
import type { CliContext } from '../CliContext';
import { checkLibrary } from '../../services/checkLibrary';
import { lastGoodBackup } from '../../services/backups/lastGoodBackup';
import { resolveLibraryPath } from '../../db/defaultLibraryPath';
import { isAppError } from '../../../shared/errors/AppError';
import { EVERY_TEXT, termFindings } from '../../pdf/termFindings';
import { listConflicts } from '../../services/sync/syncConflicts';
import { describeConflict } from './syncCommand';

/** Sets the exit code through the returned value: 1 when the library has any problem. */
export function registerCheck(program: Command, ctx: CliContext, setExitCode: (code: number) => void): void {
  const { t } = ctx;
  program
    .command('check')
    .description(t('cli:commands.check'))
    .option('--json', t('cli:options.json'))
    .action(async (options: { json?: boolean }, command: Command) => {
      try {
        await checkOpen(options, command);
      } catch (error) {
        // A library too damaged to open is when the last good backup matters most.
        if (!isAppError(error) || error.code !== 'db.corrupt') throw error;
        const { db } = command.optsWithGlobals<{ db?: string }>();
        const backups = await lastGoodBackup(resolveLibraryPath(db, ctx.io.env).path);
        setExitCode(1);
        ctx.io.stderr(`${t(`errors:${error.code}`, error.params)}\n`);
        reportBackups(backups);
      }
    });

  async function checkOpen(options: { json?: boolean }, command: Command): Promise<void> {
    await ctx.withLibrary(command, { create: false, readOnly: true }, async (store, library) => {
      const report = checkLibrary(library.db);
      // The build's rule, over every translated text: warnings, like the build's; the library is
      // no less sound for them, so they leave the exit code alone.
      let terms: ReturnType<typeof termFindings> = [];
      try {
        if (report.schemaVersion === report.latestSchemaVersion) terms = termFindings(store.readDocument(), EVERY_TEXT, store.terms.readAll());
      } catch (error) {
        // The term check reads the library whole; one too damaged for that is what the problems
        // above name, and they are the report. A sound library that cannot be read is a real error.
        if (report.problems.length === 0) throw error;
      }
      // Not damage (the library is sound with them), but decisions still to make: listed, and
      // refused by build --strict.
      const conflicts = listConflicts(store);
      // The backups say where to go back to; they do not change whether the library is sound.
      const backups = await lastGoodBackup(library.path);
      if (report.problems.length > 0) setExitCode(1);
      if (options.json) {
        const good = backups.good && { name: backups.good.name, path: backups.good.path, reason: backups.good.reason, takenAt: backups.good.takenAt.toISOString() };
        ctx.json({ path: library.path, ok: report.problems.length === 0, ...report, termWarnings: terms.map((w) => ({ pieceId: w.recordId ?? null, key: w.key, values: w.values })), lastGoodBackup: good, unusableBackups: backups.bad.map((b) => ({ name: b.name, code: b.code })), syncConflicts: conflicts });
        return;
      }
      if (report.problems.length === 0) {
        ctx.out(t('cli:check.ok', { path: library.path, version: report.schemaVersion }));
      } else {
        ctx.out(t('cli:check.failed', { path: library.path, count: report.problems.length }));
        for (const p of report.problems) ctx.out(`  - ${t(`cli:check.problems.${p.key}`, p.values)}`);
      }
      if (terms.length > 0) {
        const listed = terms.filter((w) => w.key !== 'buildTerms.more').length;
        ctx.out(t('cli:check.termWarnings', { count: listed }));
        for (const w of terms) ctx.out(`  - ${t(`cli:check.terms.${w.key.replace('buildTerms.', '')}`, w.values)}`);
      }
      if (conflicts.length > 0) {
        ctx.out(t('cli:check.conflicts', { count: conflicts.length }));
        for (const c of conflicts) ctx.out(`  - ${describeConflict(t, c)}`);
      }
      reportBackups(backups);
    });
  }

  /** Nothing when there are no backups at all (a new library); else the last good one, and the newer ones that would not restore. */
  function reportBackups(backups: Awaited<ReturnType<typeof lastGoodBackup>>): void {
    if (backups.good) ctx.out(t('cli:check.lastBackup', { name: backups.good.name, when: backups.good.takenAt.toISOString() }));
    else if (backups.bad.length > 0) ctx.out(t('cli:check.noBackup'));
    for (const bad of backups.bad) {
      ctx.out(t('cli:check.badBackup', { name: bad.name, reason: t(`errors:${bad.code}`, bad.params) }));
    }
  }
}
