import { LOCALE_TAGS, type Locale } from './locales';

/*
 * The one home of how a date reads, in the app and in every PDF: one style per language, the
 * month written out, never `2025-11`. English "November 27, 2025", French "27 novembre 2025"
 * (the first of the month is "1er"), Spanish "27 de noviembre de 2025". A date known only to
 * the month or the year reads "November 2025" / "novembre 2025" / "noviembre de 2025", "2025".
 */

function utc(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00Z`);
}

type Precision = 'day' | 'month';
const formats = new Map<string, Intl.DateTimeFormat>();
function format(locale: Locale, precision: Precision): Intl.DateTimeFormat {
  const key = `${locale}/${precision}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALE_TAGS[locale], {
      ...(precision === 'day' ? { day: 'numeric' } : {}),
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    formats.set(key, f);
  }
  return f;
}

/** French writes the first of the month as an ordinal: "1er novembre". */
function joined(parts: Intl.DateTimeFormatPart[], locale: Locale): string {
  return parts.map((p) => (locale === 'fr' && p.type === 'day' && p.value === '1' ? '1er' : p.value)).join('');
}

/** "27 novembre 2025", "November 27, 2025", "27 de noviembre de 2025". */
export function formatDate(isoDate: string, locale: Locale): string {
  return joined(format(locale, 'day').formatToParts(utc(isoDate)), locale);
}

/** "27–28 novembre 2025", "November 27 – 28, 2025", "27–28 de noviembre de 2025". */
export function formatDateRange(start: string, end: string, locale: Locale): string {
  return joined(format(locale, 'day').formatRangeToParts(utc(start), utc(end)), locale);
}

/**
 * A date that may be known to the day (`2025-11-27`), the month (`2025-11`) or the year
 * (`2025`), as sources cite them. Anything else is returned as given.
 */
export function formatPartialDate(date: string, locale: Locale): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(date)) return formatDate(date, locale);
  if (/^\d{4}-\d{2}$/.test(date)) return joined(format(locale, 'month').formatToParts(utc(`${date}-01`)), locale);
  return date;
}
