import type { ApiContext } from './ApiContext';
import type { ApiRegistry } from './ApiRegistry';
import { saveUiString } from '../services/uiStrings/saveUiString';
import { uiStringUnits } from '../services/uiStrings/uiStringUnits';
import { uiStringsAsJson } from '../services/uiStrings/exportUiStrings';
import { approverNow } from '../services/userName';

/** Translators' edits to the interface's own strings. */
export function registerUiStringsApi(api: ApiRegistry, ctx: ApiContext): void {
  const { store } = ctx;
  api.register('uiStrings.units', (query) => uiStringUnits(store, query));
  api.register('uiStrings.overrides', () =>
    store.uiStrings.readAll().map(({ namespace, key, locale, value, status }) => ({ namespace, key, locale, value, status })),
  );
  api.register('uiStrings.save', (edit) => saveUiString(store, edit, approverNow(store)));
  api.register('uiStrings.exportJson', async ({ locale }) => {
    const fileName = `briefing-ui-${locale}.json`;
    const json = `${JSON.stringify(uiStringsAsJson(store, locale), null, 2)}\n`;
    const savedTo = ctx.desktop ? await ctx.desktop.saveText(fileName, json, 'json') : null;
    return { fileName, json, savedTo };
  });
}
