import path from 'node:path';
import { ApiRegistry } from './ApiRegistry';

const BUSY_ATTEMPT_MS = 50;
import type { ApiContext } from './ApiContext';
import { registerLibraryApi } from './libraryApi';
import { registerPacksApi } from './packsApi';
import { backupLibrary, saveLibraryCopy } from '../services/backupLibrary';
import { setUserName, userName } from '../services/userName';
import { registerTranslationApi } from './translationApi';
import { registerUiStringsApi } from './uiStringsApi';
import { registerTrashApi } from './trashApi';
import { registerLibraryFileApi } from './libraryFileApi';
import { registerHistoryApi } from './historyApi';
import { registerTermsApi } from './termsApi';
import { registerBackupsApi } from './backupsApi';
import { registerSyncApi } from './syncApi';

/** Every channel of the contract, registered once; a test checks none is missing. */
export function createApi(ctx: ApiContext, options: { busyWaitMs?: number } = {}): ApiRegistry {
  // The app waits for a busy library between attempts, off the connection (ApiRegistry), so
  // other requests are answered meanwhile; SQLite itself waits only a moment per attempt.
  ctx.store.db.pragma(`busy_timeout = ${BUSY_ATTEMPT_MS}`);
  const api = new ApiRegistry(ctx.libraryPath, { busyWaitMs: options.busyWaitMs });
  api.register('app.info', () => ({
    version: ctx.version,
    libraryPath: ctx.libraryPath,
    mode: ctx.mode,
    userName: userName(ctx.store),
  }));
  api.register('app.setUserName', ({ name }) => ({ userName: setUserName(ctx.store, name) }));
  api.register('app.backup', () => backupLibrary(ctx.store.db, ctx.libraryPath));
  api.register('app.saveCopy', async () => {
    if (!ctx.desktop) return saveLibraryCopy(ctx.store.db, ctx.libraryPath, null);
    const chosen = await ctx.desktop.chooseLibraryCopy(path.basename(ctx.libraryPath));
    return chosen === null ? null : saveLibraryCopy(ctx.store.db, ctx.libraryPath, chosen);
  });
  registerLibraryApi(api, ctx);
  registerPacksApi(api, ctx);
  registerTranslationApi(api, ctx);
  registerUiStringsApi(api, ctx);
  registerTrashApi(api, ctx);
  registerLibraryFileApi(api, ctx);
  registerHistoryApi(api, ctx);
  registerTermsApi(api, ctx);
  registerBackupsApi(api, ctx);
  registerSyncApi(api, ctx);
  return api;
}
