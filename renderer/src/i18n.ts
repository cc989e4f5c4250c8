import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { RESOURCES, NAMESPACES } from '../../shared/locales/resources';
import { isLocale } from '../../shared/domain/locales';

/** The UI's i18next instance over the same bundled resources as the CLI and the PDF engine. */
export function createUiI18n(browserLanguage: string): i18n {
  const lang = browserLanguage.slice(0, 2);
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: isLocale(lang) ? lang : 'en',
    fallbackLng: 'en',
    ns: [...NAMESPACES],
    defaultNS: 'common',
    resources: RESOURCES,
    initAsync: false,
    returnEmptyString: false,
    interpolation: { escapeValue: false },
  });
  return instance;
}
