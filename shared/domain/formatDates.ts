import { LOCALE_TAGS, type Locale } from './locales';

function utc(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00Z`);
}

const formats = new Map<Locale, Intl.DateTimeFormat>();
function format(locale: Locale): Intl.DateTimeFormat {
  let f = formats.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALE_TAGS[locale], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    formats.set(locale, f);
  }
  return f;
}

/** "27 novembre 2025", "November 27, 2025", "27 de noviembre de 2025". */
export function formatDate(isoDate: string, locale: Locale): string {
  return format(locale).format(utc(isoDate));
}

/** "27–28 novembre 2025", "November 27 – 28, 2025", "27–28 de noviembre de 2025". */
export function formatDateRange(start: string, end: string, locale: Locale): string {
  return format(locale).formatRange(utc(start), utc(end));
}
