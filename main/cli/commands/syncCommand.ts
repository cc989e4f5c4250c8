import { InvalidArgumentError, type Command } from 'commander';
import type { CliContext } from '../CliContext';
import type { Translate } from '../../../shared/locales/createTranslator';
import { choiceOption } from '../choiceOption';
import type { StoredConflict } from '../../services/sync/syncConflicts';

/** One conflict as a line: where it is (piece, section, field, language) and who made each side. */
export function describeConflict(t: Translate, c: StoredConflict): string {
  const parts = {
    collection: c.collection,
    piece: c.pieceId,
    section: c.section ? ` § ${c.section}` : '',
    field: c.field ?? '',
    locale: c.locale ? ` (${c.locale})` : '',
  };
  const where = c.kind === 'deletedEdited' ? t('cli:sync.deleted', parts) : t('cli:sync.where', parts);
  const resolved = c.kept ? t('cli:sync.resolvedSuffix', { kept: c.kept }) : '';
  return t('cli:sync.line', { id: c.id, where, oursBy: c.oursBy, theirsBy: c.theirsBy, resolved });
}

/**
 * `briefing sync`: share the library through a git repository. Credentials come from the
 * environment only (BRIEFING_SYNC_USER, BRIEFING_SYNC_TOKEN), never from arguments a shell keeps.
 */
export function registerSync(program: Command, ctx: CliContext): void {
  const { t } = ctx;
  const sync = program
    .command('sync')
    .description(t('cli:commands.sync'))
    .option('--remote <url>', t('cli:sync.remote'))
    .option('--by <name>', t('cli:sync.by'))
    .option('--office <name>', t('cli:sync.office'))
    .option('--json', t('cli:options.json'))
    .action(async (options: { remote?: string; by?: string; office?: string; json?: boolean }, command: Command) => {
      const { syncLibrary, defaultSyncRepoDir } = await import('../../services/sync/syncLibrary');
      const { userName } = await import('../../services/userName');
      const env = ctx.io.env;
      const token = env.BRIEFING_SYNC_TOKEN;
      const credentials = token ? { username: env.BRIEFING_SYNC_USER || 'token', password: token } : null;
      await ctx.withLibrary(command, { create: false, readOnly: false }, async (store, library) => {
        const report = await syncLibrary(store, {
          url: options.remote,
          repoDir: defaultSyncRepoDir(library.path),
          author: { name: options.by?.trim() || userName(store), office: (options.office ?? env.BRIEFING_OFFICE ?? '').trim() },
          credentials,
        });
        if (options.json) {
          ctx.json(report);
          return;
        }
        if (report.retried) ctx.out(t('cli:sync.retried'));
        if (report.integrated === 'none' && !report.committedLocal && !report.pushed) ctx.out(t('cli:sync.upToDate', { url: report.url }));
        else ctx.out(t('cli:sync.done', { url: report.url, changed: report.changedPieces, conflicts: report.newConflicts, open: report.openConflicts }));
      });
    });

  sync
    .command('conflicts')
    .description(t('cli:sync.conflicts'))
    .option('--all', t('cli:sync.all'))
    .option('--json', t('cli:options.json'))
    .action(async (options: { all?: boolean; json?: boolean }, command: Command) => {
      const { listConflicts } = await import('../../services/sync/syncConflicts');
      // `sync` has a --json of its own, which commander gives to it wherever it stands.
      options.json ||= command.optsWithGlobals<{ json?: boolean }>().json;
      await ctx.withLibrary(command, { create: false, readOnly: true }, (store) => {
        const conflicts = listConflicts(store, { all: options.all ?? false });
        if (options.json) {
          ctx.json(conflicts);
          return;
        }
        if (conflicts.length === 0) ctx.out(t('cli:sync.none'));
        for (const c of conflicts) ctx.out(describeConflict(t, c));
      });
    });

  sync
    .command('resolve')
    .description(t('cli:sync.resolve'))
    .argument('<id>', t('cli:sync.id'), (value: string) => {
      if (!/^\d{1,9}$/.test(value)) throw new InvalidArgumentError(t('errors:sync.conflictNotFound', { id: value.slice(0, 20) }));
      return Number(value);
    })
    .requiredOption('--keep <side>', t('cli:sync.keep'), choiceOption(t, '--keep', ['ours', 'theirs'] as const))
    .option('--json', t('cli:options.json'))
    .action(async (id: number, options: { keep: 'ours' | 'theirs'; json?: boolean }, command: Command) => {
      const { resolveConflict } = await import('../../services/sync/syncConflicts');
      options.json ||= command.optsWithGlobals<{ json?: boolean }>().json;
      await ctx.withLibrary(command, { create: false, readOnly: false }, (store) => {
        const resolved = resolveConflict(store, id, options.keep);
        if (options.json) ctx.json(resolved);
        else ctx.out(t('cli:sync.resolved', { id, kept: options.keep }));
      });
    });
}
