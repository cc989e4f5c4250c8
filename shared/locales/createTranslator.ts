import i18next, { type TFunction } from 'i18next';
import { RESOURCES, NAMESPACES } from './resources';
import type { Locale } from '../domain/locales';

export type Translate = TFunction;

/** A synchronous i18next instance over the bundled resources, for one locale. */
export function createTranslator(locale: Locale): Translate {
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
  return instance.t;
}
