import fs from 'node:fs';
import git from 'isomorphic-git';
import type { SyncConflictView } from '../../shared/api/syncTypes';
import { AppError } from '../../shared/errors/AppError';
import type { Locale } from '../../shared/domain/locales';
import { describePieces } from '../services/describePieces';
import { defaultSyncRepoDir, syncLibrary } from '../services/sync/syncLibrary';
import { listConflicts, resolveConflict, type StoredConflict } from '../services/sync/syncConflicts';
import { credentialsFromEnv } from '../services/sync/syncCredentials';
import { userName } from '../services/userName';
import type { ApiContext } from './ApiContext';
import type { ApiRegistry } from './ApiRegistry';

const LAST_SYNC = 'briefing.lastsync';

function withTitles(ctx: ApiContext, conflicts: StoredConflict[], locale: Locale): SyncConflictView[] {
  const names = new Map(describePieces(ctx.store, [...new Set(conflicts.map((c) => c.pieceId))], locale).map((n) => [n.id, n.title]));
  return conflicts.map((c) => ({ ...c, title: names.get(c.pieceId) ?? c.pieceId }));
}

/** Sync in the app: status, run, the open conflicts and resolving one (kept side or merged text). */
export function registerSyncApi(api: ApiRegistry, ctx: ApiContext): void {
  const repoDir = defaultSyncRepoDir(ctx.libraryPath);
  // Read at each call: the environment (or the desktop's vault) may change while the app runs.
  const source = () => ctx.sync?.credentials ?? credentialsFromEnv(process.env);
  const office = () => ctx.sync?.office ?? process.env.BRIEFING_OFFICE ?? '';

  api.register('sync.status', async () => {
    const openConflicts = listConflicts(ctx.store).length;
    // Status never creates the repository: a library that never synced has none.
    if (!fs.existsSync(`${repoDir}/HEAD`)) return { remote: null, openConflicts, lastSync: null };
    const read = async (key: string) => ((await git.getConfig({ fs, gitdir: repoDir, path: key })) as string | undefined) ?? null;
    return { remote: await read('remote.origin.url'), openConflicts, lastSync: await read(LAST_SYNC) };
  });

  api.register('sync.run', async ({ remote }) => {
    const report = await syncLibrary(ctx.store, {
      url: remote,
      repoDir,
      author: { name: userName(ctx.store), office: office().trim() },
      credentials: await source().credentials(),
    });
    await git.setConfig({ fs, gitdir: repoDir, path: LAST_SYNC, value: new Date().toISOString() });
    return report;
  });

  api.register('sync.conflicts', ({ locale, all }) => withTitles(ctx, listConflicts(ctx.store, { all: all ?? false }), locale));

  api.register('sync.resolve', (input) => {
    const resolved = resolveConflict(ctx.store, input.id, 'keep' in input ? input.keep : { text: input.text });
    return withTitles(ctx, [resolved], 'en')[0]!;
  });

  api.register('sync.saveCredentials', ({ username, password }) => {
    const save = ctx.sync?.credentials.save;
    if (!save) throw new AppError('sync.credentialsFromEnv');
    save.call(ctx.sync!.credentials, { username, password });
    return { saved: true as const };
  });
}
