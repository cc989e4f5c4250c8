import i18next, { type TFunction } from 'i18next';
import { RESOURCES, NAMESPACES } from './resources';
import type { Locale } from '../domain/locales';

export type Translate = TFunction;

/** Translators' edits to bundled strings: namespace → flattened key → text, for one locale. */
export type StringOverrides = Record<string, Record<string, string>>;

/** A synchronous i18next instance over the bundled resources (and any overrides), for one locale. */
export function createTranslator(locale: Locale, overrides?: StringOverrides): Translate {
  const instance = i18next.createInstance();
  void instance.init({
    lng: locale,
    fallbackLng: 'en',
    ns: [...NAMESPACES],
    defaultNS: 'common',
    resources: RESOURCES,
    initAsync: false,
    returnEmptyString: false,
    interpolation: { escapeValue: false },
  });
  for (const [ns, strings] of Object.entries(overrides ?? {})) {
    for (const [key, value] of Object.entries(strings)) instance.addResource(locale, ns, key, value);
  }
  return instance.t;
}
