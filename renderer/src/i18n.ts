import i18next, { type i18n, type ResourceKey } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Namespace } from '../../shared/locales/resources';
import { isLocale, type Locale } from '../../shared/domain/locales';
import { rememberUiLanguage } from './preferences/preferences';
import en from './uiLocales/en';

/**
 * The namespaces the interface shows (the same bundled files as the CLI and the PDF engine);
 * the CLI's own strings are left out of the renderer bundle.
 */
const UI_NAMESPACES = ['ui', 'errors', 'common', 'pdf'] as const satisfies readonly Namespace[];
type UiResources = Record<(typeof UI_NAMESPACES)[number], ResourceKey>;

/**
 * English is bundled (every language falls back to it); French and Spanish come as chunks of
 * their own when first shown, so the first screen does not download two languages it never uses.
 */
const LOADERS: Record<Exclude<Locale, 'en'>, () => Promise<{ default: UiResources }>> = {
  fr: () => import('./uiLocales/fr'),
  es: () => import('./uiLocales/es'),
};
const loaded = new Map<Locale, UiResources>([['en', en satisfies UiResources]]);

export function uiLanguageLoaded(locale: Locale): boolean {
  return loaded.has(locale);
}

/** The interface's strings in `locale`, fetched once (a local chunk: no network is involved). */
export async function loadUiLanguage(locale: Locale): Promise<void> {
  if (loaded.has(locale) || locale === 'en') return;
  loaded.set(locale, (await LOADERS[locale]()).default);
}

/**
 * Shows the interface in `locale`: its strings are fetched first, laid in fresh (a copy: the
 * bundled ones stay intact for "revert to bundled"), then `overrides` puts the translators'
 * overrides back over them, then the language changes.
 */
export async function changeUiLanguage(instance: i18n, locale: Locale, overrides: (instance: i18n) => Promise<void>): Promise<void> {
  if (!instance.hasResourceBundle(locale, 'ui') || !loaded.has(locale)) {
    await loadUiLanguage(locale);
    const strings = structuredClone(loaded.get(locale)!);
    for (const ns of UI_NAMESPACES) instance.addResourceBundle(locale, ns, strings[ns], true, true);
    await overrides(instance);
  }
  await instance.changeLanguage(locale);
}

/**
 * The UI's i18next instance over the same bundled resources as the CLI and the PDF engine.
 * `language`'s strings must have been loaded (loadUiLanguage); English always is.
 */
export function createUiI18n(language: Locale): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'en',
    ns: [...UI_NAMESPACES],
    defaultNS: 'ui',
    // i18next writes added strings into the object it is given: a copy keeps the bundled
    // strings intact, for "revert to bundled" after a translator's override.
    resources: structuredClone(Object.fromEntries(loaded)),
    initAsync: false,
    returnEmptyString: false,
    interpolation: { escapeValue: false },
    // A translator's override (addResource) re-renders the labels at once.
    react: { bindI18nStore: 'added removed' },
  });
  const apply = (lng: string) => {
    document.documentElement.lang = lng;
    document.title = instance.t('common:appName');
  };
  apply(language);
  instance.on('languageChanged', (lng) => {
    apply(lng);
    if (isLocale(lng)) rememberUiLanguage(lng);
  });
  instance.store.on('added', () => apply(instance.language));
  return instance;
}

export type UiNamespace = (typeof UI_NAMESPACES)[number];

/**
 * The string as the app ships it (before any override), or undefined when it has none or its
 * language is not loaded yet (it is laid in fresh when it is: changeUiLanguage).
 */
export function bundledString(locale: Locale, namespace: UiNamespace, key: string): string | undefined {
  let node: unknown = loaded.get(locale)?.[namespace];
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** The interface language as a Locale (i18next keeps it as a plain string). */
export function uiLocale(instance: i18n): Locale {
  const lng = instance.resolvedLanguage ?? instance.language;
  return isLocale(lng) ? lng : 'en';
}
