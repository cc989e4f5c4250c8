import type { ApiContext } from './ApiContext';
import type { ApiRegistry } from './ApiRegistry';
import { listUnitSummaries } from '../services/translation/listUnitSummaries';
import { listUnitsInConflict } from '../services/translation/listUnitsInConflict';
import { readTranslationUnit } from '../services/translation/readTranslationUnit';
import { saveTranslation } from '../services/translation/saveTranslation';
import { searchTranslationFields } from '../services/translation/searchTranslationFields';
import { exportXliff } from '../services/xliff/exportXliff';
import { importXliff } from '../services/xliff/importXliff';
import { approverNow } from '../services/userName';
import { packTranslationScope } from '../pdf/packTranslationScope';
import { createBackup } from '../services/backups/createBackup';

/** The translator's view: the list of units, one unit whole, saving one, and XLIFF out and in. */
export function registerTranslationApi(api: ApiRegistry, ctx: ApiContext): void {
  const { store } = ctx;
  api.register('translation.units', ({ conflicts, ...query }) =>
    conflicts ? listUnitsInConflict(store, query, packTranslationScope) : listUnitSummaries(store, query, packTranslationScope),
  );
  api.register('translation.unit', (ref) => readTranslationUnit(store, ref));
  api.register('translation.save', (edit) => saveTranslation(store, edit, approverNow(store)));
  api.register('translation.search', ({ query }) => searchTranslationFields(store, query));
  api.register('translation.exportXliff', async (request) => {
    const { fileName, xml, units } = exportXliff(store, {
      source: request.source,
      target: request.target,
      packId: request.packId ?? null,
      ui: request.ui ?? false,
      todoOnly: false,
    }, packTranslationScope);
    const savedTo = ctx.desktop ? await ctx.desktop.saveText(fileName, xml, 'xlf') : null;
    return { fileName, xml, units, savedTo };
  });
  api.register('translation.importXliff', async ({ xml, dryRun }) => {
    const doc = await ctx.imports.readXliff(xml);
    if (!dryRun) await createBackup(store.db, ctx.libraryPath, 'xliff');
    return importXliff(store, doc, { dryRun, approver: approverNow(store) });
  });
}
