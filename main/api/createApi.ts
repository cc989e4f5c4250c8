import { ApiRegistry } from './ApiRegistry';
import type { ApiContext } from './ApiContext';
import { registerLibraryApi } from './libraryApi';
import { registerPacksApi } from './packsApi';
import { backupLibrary } from '../services/backupLibrary';
import { setUserName, userName } from '../services/userName';
import { registerTranslationApi } from './translationApi';
import { registerUiStringsApi } from './uiStringsApi';
import { registerTrashApi } from './trashApi';
import { registerLibraryFileApi } from './libraryFileApi';

/** Every channel of the contract, registered once; a test checks none is missing. */
export function createApi(ctx: ApiContext): ApiRegistry {
  const api = new ApiRegistry(ctx.libraryPath);
  api.register('app.info', () => ({
    version: ctx.version,
    libraryPath: ctx.libraryPath,
    mode: ctx.mode,
    userName: userName(ctx.store),
  }));
  api.register('app.setUserName', ({ name }) => ({ userName: setUserName(ctx.store, name) }));
  api.register('app.backup', () => backupLibrary(ctx.store.db, ctx.libraryPath));
  registerLibraryApi(api, ctx);
  registerPacksApi(api, ctx);
  registerTranslationApi(api, ctx);
  registerUiStringsApi(api, ctx);
  registerTrashApi(api, ctx);
  registerLibraryFileApi(api, ctx);
  return api;
}
