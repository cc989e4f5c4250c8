/** The three languages every reader-facing text exists in, in the order they are always written. */
export const LOCALES = ['en', 'fr', 'es'] as const;
export type Locale = (typeof LOCALES)[number];

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** BCP 47 tags used for dates and PDF /Lang: the network meets in the Americas. */
export const LOCALE_TAGS: Record<Locale, string> = { en: 'en-US', fr: 'fr-CA', es: 'es-419' };
