import { useTranslation } from 'react-i18next';
import { isLocale, type Locale } from '../../../shared/domain/locales';

/** The interface language as a Locale, re-rendering when it changes. */
export function useUiLocale(): Locale {
  const { i18n } = useTranslation();
  const lng = i18n.resolvedLanguage ?? i18n.language;
  return isLocale(lng) ? lng : 'en';
}
