import type { Command } from 'commander';
import type { CliContext } from '../CliContext';
import { checkLibrary } from '../../services/checkLibrary';

/** Sets the exit code through the returned value: 1 when the library has any problem. */
export function registerCheck(program: Command, ctx: CliContext, setExitCode: (code: number) => void): void {
  const { t } = ctx;
  program
    .command('check')
    .description(t('cli:commands.check'))
    .option('--json', t('cli:options.json'))
    .action(async (options: { json?: boolean }, command: Command) => {
      await ctx.withLibrary(command, { create: false, readOnly: true }, (_store, library) => {
        const report = checkLibrary(library.db);
        if (report.problems.length > 0) setExitCode(1);
        if (options.json) {
          ctx.json({ path: library.path, ok: report.problems.length === 0, ...report });
          return;
        }
        if (report.problems.length === 0) {
          ctx.out(t('cli:check.ok', { path: library.path, version: report.schemaVersion }));
          return;
        }
        ctx.out(t('cli:check.failed', { path: library.path, count: report.problems.length }));
        for (const p of report.problems) ctx.out(`  - ${t(`cli:check.problems.${p.key}`, p.values)}`);
      });
    });
}
