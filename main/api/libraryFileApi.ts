import { exportLibraryText } from '../services/exportLibrary';
import { importLibraryText } from '../services/importLibraryText';
import type { ApiContext } from './ApiContext';
import type { ApiRegistry } from './ApiRegistry';
import { createBackup } from '../services/backups/createBackup';

/** Library files in the app: the export as `briefing export` writes it, the import with its dry run. */
export function registerLibraryFileApi(api: ApiRegistry, ctx: ApiContext): void {
  api.register('library.exportFile', async () => {
    const { fileName, json } = exportLibraryText(ctx.store);
    const savedTo = ctx.desktop ? await ctx.desktop.saveText(fileName, json, 'json') : null;
    return { fileName, json, savedTo };
  });
  api.register('library.importFile', async ({ text, fileName, dryRun }) => {
    if (!dryRun) await createBackup(ctx.store.db, ctx.libraryPath, 'import');
    return importLibraryText(ctx.store, ctx.imports, text, fileName, { dryRun });
  });
}
