import type { Locale } from './locales';
import type { LocalizedDoc } from '../schemas/common';

const displayNames = new Map<Locale, Intl.DisplayNames>();

/** Intl's name for a region code; no hand-typed name tables. */
export function intlCountryName(code: string, locale: Locale): string {
  let names = displayNames.get(locale);
  if (!names) displayNames.set(locale, (names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' })));
  return names.of(code) ?? code;
}

/** The formal name where a document needs one (e.g. "Saint Kitts and Nevis"), else Intl's. */
export function countryName(code: string, locale: Locale, formalName?: LocalizedDoc | null): string {
  return formalName?.[locale]?.text ?? intlCountryName(code, locale);
}
