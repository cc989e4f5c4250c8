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
  registerSyncBundles(sync, ctx);
}

/**
 * `briefing sync key|trust|bundle`: offices without a shared server exchange signed files.
 * The key and the trusted offices are files beside the library (see officeKeys).
 */
export function registerSyncBundles(sync: Command, ctx: CliContext): void {
  const { t } = ctx;
  const json = (options: { json?: boolean }, command: Command) => options.json || command.optsWithGlobals<{ json?: boolean }>().json;
  const libraryPathOf = async (command: Command) => {
    const { resolveLibraryPath } = await import('../../db/defaultLibraryPath');
    return resolveLibraryPath(command.optsWithGlobals<{ db?: string }>().db, ctx.io.env).path;
  };
  const key = sync.command('key').description(t('cli:bundle.key'));
  key
    .command('create')
    .description(t('cli:bundle.keyCreate'))
    .option('--office <name>', t('cli:sync.office'))
    .action(async (_options: object, command: Command) => {
      const { createOfficeKey, officeKeyPath } = await import('../../services/sync/officeKeys');
      // `sync` has an --office of its own, which commander gives to it wherever it stands.
      const { office } = command.optsWithGlobals<{ office?: string }>();
      await ctx.withLibrary(command, { create: false, readOnly: true }, (_store, library) => {
        const created = createOfficeKey(library.path, office ?? ctx.io.env.BRIEFING_OFFICE ?? '');
        ctx.out(t('cli:bundle.keyCreated', { office: created.office, keyId: created.keyId, path: officeKeyPath(library.path) }));
        ctx.io.stdout(created.publicKeyPem);
      });
    });
  key
    .command('show')
    .description(t('cli:bundle.keyShow'))
    .action(async (_options: object, command: Command) => {
      const { readOfficeKey } = await import('../../services/sync/officeKeys');
      const key = readOfficeKey(await libraryPathOf(command));
      ctx.out(t('cli:bundle.keyLine', { office: key.office, keyId: key.keyId }));
      ctx.io.stdout(key.publicKeyPem);
    });

  const trust = sync.command('trust').description(t('cli:bundle.trust'));
  trust
    .command('add')
    .description(t('cli:bundle.trustAdd'))
    .argument('<office>', t('cli:bundle.officeArg'))
    .argument('<key>', t('cli:bundle.keyArg'))
    .action(async (office: string, pem: string, _options: object, command: Command) => {
      const { trustOffice } = await import('../../services/sync/officeKeys');
      const entry = trustOffice(await libraryPathOf(command), office, pem);
      ctx.out(t('cli:bundle.trusted', { office: entry.office, keyId: entry.keyId }));
    });
  trust
    .command('list')
    .description(t('cli:bundle.trustList'))
    .option('--json', t('cli:options.json'))
    .action(async (options: { json?: boolean }, command: Command) => {
      const { listTrustedOffices } = await import('../../services/sync/officeKeys');
      const list = listTrustedOffices(await libraryPathOf(command));
      if (json(options, command)) {
        ctx.json(list.map(({ office, keyId }) => ({ office, keyId })));
        return;
      }
      if (list.length === 0) ctx.out(t('cli:bundle.noneTrusted'));
      for (const o of list) ctx.out(t('cli:bundle.keyLine', { office: o.office, keyId: o.keyId }));
    });

  const bundle = sync.command('bundle').description(t('cli:bundle.bundle'));
  const author = async (store: Parameters<Parameters<CliContext['withLibrary']>[2]>[0], command: Command) => {
    const { userName } = await import('../../services/userName');
    const options = command.optsWithGlobals<{ by?: string; office?: string }>();
    return { name: options.by?.trim() || userName(store), office: (options.office ?? ctx.io.env.BRIEFING_OFFICE ?? '').trim() };
  };
  bundle
    .command('export')
    .description(t('cli:bundle.export'))
    .requiredOption('--out <file>', t('cli:bundle.out'))
    .option('--since <ref>', t('cli:bundle.since'))
    .option('--by <name>', t('cli:sync.by'))
    .option('--office <name>', t('cli:sync.office'))
    .option('--json', t('cli:options.json'))
    .action(async (options: { out: string; since?: string; json?: boolean }, command: Command) => {
      const { exportBundle } = await import('../../services/sync/signedBundle');
      const { defaultSyncRepoDir } = await import('../../services/sync/syncLibrary');
      await ctx.withLibrary(command, { create: false, readOnly: false }, async (store, library) => {
        const report = await exportBundle(store, { libraryPath: library.path, repoDir: defaultSyncRepoDir(library.path), out: options.out, since: options.since, author: await author(store, command) });
        if (json(options, command)) ctx.json(report);
        else ctx.out(t('cli:bundle.exported', { file: report.file, commits: report.commits, office: report.office, keyId: report.keyId }));
      });
    });
  bundle
    .command('import')
    .description(t('cli:bundle.import'))
    .argument('<file>', t('cli:bundle.fileArg'))
    .option('--by <name>', t('cli:sync.by'))
    .option('--office <name>', t('cli:sync.office'))
    .option('--json', t('cli:options.json'))
    .action(async (file: string, options: { json?: boolean }, command: Command) => {
      const { importBundle } = await import('../../services/sync/signedBundle');
      const { defaultSyncRepoDir } = await import('../../services/sync/syncLibrary');
      const { listConflicts } = await import('../../services/sync/syncConflicts');
      await ctx.withLibrary(command, { create: false, readOnly: false }, async (store, library) => {
        const report = await importBundle(store, { libraryPath: library.path, repoDir: defaultSyncRepoDir(library.path), file, author: await author(store, command) });
        if (json(options, command)) ctx.json(report);
        else ctx.out(t('cli:bundle.imported', { file, office: report.office, changed: report.changedPieces, conflicts: report.newConflicts, open: listConflicts(store).length }));
      });
    });
}
