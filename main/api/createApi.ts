import { ApiRegistry } from './ApiRegistry';
import type { ApiContext } from './ApiContext';
import { registerLibraryApi } from './libraryApi';
import { registerPacksApi } from './packsApi';
import { backupLibrary } from '../services/backupLibrary';

/** Every channel of the contract, registered once; a test checks none is missing. */
export function createApi(ctx: ApiContext): ApiRegistry {
  const api = new ApiRegistry(ctx.libraryPath);
  api.register('app.info', () => ({ version: ctx.version, libraryPath: ctx.libraryPath, mode: ctx.mode }));
  api.register('app.backup', () => backupLibrary(ctx.store.db, ctx.libraryPath));
  registerLibraryApi(api, ctx);
  registerPacksApi(api, ctx);
  return api;
}
