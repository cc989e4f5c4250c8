import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import enErrors from '../../shared/locales/en/errors.json';
import frErrors from '../../shared/locales/fr/errors.json';
import esErrors from '../../shared/locales/es/errors.json';
import enCommon from '../../shared/locales/en/common.json';
import frCommon from '../../shared/locales/fr/common.json';
import esCommon from '../../shared/locales/es/common.json';
import enPdf from '../../shared/locales/en/pdf.json';
import frPdf from '../../shared/locales/fr/pdf.json';
import esPdf from '../../shared/locales/es/pdf.json';
import enUi from '../../shared/locales/en/ui.json';
import frUi from '../../shared/locales/fr/ui.json';
import esUi from '../../shared/locales/es/ui.json';
import type { Namespace } from '../../shared/locales/resources';
import { isLocale, type Locale } from '../../shared/domain/locales';
import { rememberUiLanguage } from './preferences/preferences';

/**
 * The namespaces the interface shows (the same bundled files as the CLI and the PDF engine);
 * the CLI's own strings are left out of the renderer bundle.
 */
const UI_NAMESPACES = ['ui', 'errors', 'common', 'pdf'] as const satisfies readonly Namespace[];
const UI_RESOURCES = {
  en: { ui: enUi, errors: enErrors, common: enCommon, pdf: enPdf },
  fr: { ui: frUi, errors: frErrors, common: frCommon, pdf: frPdf },
  es: { ui: esUi, errors: esErrors, common: esCommon, pdf: esPdf },
} satisfies Record<Locale, Record<(typeof UI_NAMESPACES)[number], unknown>>;

/** The UI's i18next instance over the same bundled resources as the CLI and the PDF engine. */
export function createUiI18n(language: Locale): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'en',
    ns: [...UI_NAMESPACES],
    defaultNS: 'ui',
    // i18next writes added strings into the object it is given: a copy keeps the bundled
    // strings intact, for "revert to bundled" after a translator's override.
    resources: structuredClone(UI_RESOURCES),
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

/** The string as the app ships it (before any override), or undefined when it has none. */
export function bundledString(locale: Locale, namespace: UiNamespace, key: string): string | undefined {
  let node: unknown = UI_RESOURCES[locale][namespace];
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
