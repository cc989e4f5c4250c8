import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { InvalidArgumentError, type Command } from 'commander';
import type { CliContext } from '../CliContext';

/** Browser mode: the app on 127.0.0.1 with a per-launch token, until Ctrl+C. */
export function registerServe(program: Command, ctx: CliContext, version: string): void {
  const { t } = ctx;
  program
    .command('serve')
    .description(t('cli:commands.serve'))
    .option('--port <n>', t('cli:serve.port'), (v: string) => {
      if (!/^\d{1,5}$/.test(v) || Number(v) > 65535) throw new InvalidArgumentError(t('errors:server.badPort', { port: v }));
      return Number(v);
    }, 0)
    .action(async (options: { port: number }, command: Command) => {
      // Loaded on demand, so the other commands start fast.
      const [{ createApi }, { PackBuildService }, { startServer }, { ensureRendererBuilt }, { ImportParser }] = await Promise.all([
        import('../../api/createApi'),
        import('../../pdf/PackBuildService'),
        import('../../server/startServer'),
        import('../../server/ensureRendererBuilt'),
        import('../../services/importWorker/ImportParser'),
      ]);
      const { startBackupSchedule } = await import('../../services/backups/backupSchedule');
      const staticDir = await ensureRendererBuilt(() => ctx.io.stderr(`${t('cli:serve.building')}\n`));
      await ctx.withLibrary(command, { create: false, readOnly: false }, async (store, library) => {
        const outputDir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefing-packs-'));
        const builds = new PackBuildService(2);
        builds.warm();
        const imports = new ImportParser();
        const apiCtx = { store, libraryPath: library.path, builds, imports, outputDir, mode: 'browser' as const, version };
        const server = await startServer({ api: createApi(apiCtx), ctx: apiCtx, staticDir, port: options.port });
        const backups = startBackupSchedule({ db: () => store.db, libraryPath: library.path });
        ctx.out(t('cli:serve.ready', { url: server.url }));
        await new Promise<void>((resolve) => {
          const stop = () => resolve();
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
        });
        backups.stop();
        await server.close();
        await builds.close();
        await imports.close();
        fs.rmSync(outputDir, { recursive: true, force: true });
      });
    });
}
