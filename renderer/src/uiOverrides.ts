import type { i18n } from 'i18next';
import type { Locale } from '../../shared/domain/locales';
import type { EditableNamespace, UiStringOverride } from '../../shared/api/translationTypes';
import { getApi } from './api/getApi';
import { bundledString, uiLanguageLoaded } from './i18n';

/**
 * Shows a translator's override of an interface string at once (null: the bundled string again).
 * i18n.ts binds react-i18next to the store's `added` event, so every label re-renders.
 */
export function applyUiOverride(instance: i18n, locale: Locale, namespace: EditableNamespace, key: string, value: string | null): void {
  const shown = value ?? bundledString(locale, namespace, key);
  // A language not loaded yet gets its bundled strings, then the overrides, when it is (changeUiLanguage).
  if (!uiLanguageLoaded(locale)) return;
  // A key the bundle lacks in this language falls back to English once its override is gone.
  instance.addResource(locale, namespace, key, shown as string);
}

function applyAll(instance: i18n, overrides: readonly UiStringOverride[]): void {
  const grouped = new Map<string, Record<string, string>>();
  for (const o of overrides) {
    const id = `${o.locale}\u0000${o.namespace}`;
    const group = grouped.get(id) ?? {};
    group[o.key] = o.value;
    grouped.set(id, group);
  }
  for (const [id, strings] of grouped) {
    const [locale, namespace] = id.split('\u0000') as [string, string];
    // One `added` event per namespace rather than per string: one re-render, not hundreds.
    instance.addResources(locale, namespace, strings);
  }
}

/**
 * Layers the library's overrides over the bundled strings. Resolves when they are in, or after
 * `waitMs` so a slow answer never holds up the first screen (it is then applied when it comes,
 * re-rendering). A failure leaves the bundled strings: the screens report their own errors.
 */
export function layerUiOverrides(instance: i18n, waitMs: number): Promise<void> {
  const loaded = getApi()
    ['uiStrings.overrides']({})
    .then(
      (result) => {
        if (result.ok) applyAll(instance, result.value);
      },
      () => undefined,
    );
  return Promise.race([loaded, new Promise<void>((resolve) => setTimeout(resolve, waitMs))]);
}

/**
 * After the library was replaced (a restore): its overrides become the shown strings, and a
 * string overridden before but not in the restored library is the bundled one again.
 */
export async function relayerUiOverrides(instance: i18n, before: readonly UiStringOverride[]): Promise<void> {
  const result = await getApi()['uiStrings.overrides']({});
  if (!result.ok) return;
  const now = new Set(result.value.map((o) => `${o.locale}\u0000${o.namespace}\u0000${o.key}`));
  for (const o of before) {
    if (!now.has(`${o.locale}\u0000${o.namespace}\u0000${o.key}`)) applyUiOverride(instance, o.locale, o.namespace, o.key, null);
  }
  applyAll(instance, result.value);
}
