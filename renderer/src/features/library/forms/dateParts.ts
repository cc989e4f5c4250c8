import { LOCALE_TAGS, type Locale } from '../../../../../shared/domain/locales';

export type DatePart = 'day' | 'month' | 'year';

export interface DateParts {
  day: string;
  month: string;
  year: string;
}

/** The order the interface language writes a date in: month first in English, day first in French and Spanish. */
export function datePartOrder(locale: Locale): DatePart[] {
  const parts = new Intl.DateTimeFormat(LOCALE_TAGS[locale], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
    .formatToParts(new Date(Date.UTC(2026, 10, 27)))
    .map((p) => p.type)
    .filter((t): t is DatePart => t === 'day' || t === 'month' || t === 'year');
  return parts.length === 3 ? parts : ['day', 'month', 'year'];
}

/** The twelve month names in the interface language (January … December). */
export function monthNames(locale: Locale): string[] {
  const f = new Intl.DateTimeFormat(LOCALE_TAGS[locale], { month: 'long', timeZone: 'UTC' });
  return Array.from({ length: 12 }, (_, m) => f.format(new Date(Date.UTC(2026, m, 1))));
}

/** `2026-03-09` → { day: '09', month: '3', year: '2026' }; a partial or empty value keeps what it has. */
export function splitIsoDate(value: string): DateParts {
  const [year = '', monthText = '', day = ''] = value.split('-');
  // The month is a choice in a list ('3'); day and year stay as typed.
  const month = /^\d{1,2}$/.test(monthText) ? String(Number(monthText)) : monthText;
  return { year, month, day };
}

/**
 * The value stored for what was typed: `YYYY-MM-DD` when every part is there (a date that does
 * not exist, like 31 February, is still sent so the check names the field), '' when nothing is.
 * A half-typed date is kept as typed, padded where it can be, and refused by the check on save.
 */
export function joinIsoDate(parts: DateParts): string {
  if (parts.day === '' && parts.month === '' && parts.year === '') return '';
  const pad = (s: string) => (/^\d$/.test(s) ? `0${s}` : s);
  return `${parts.year}-${pad(parts.month)}-${pad(parts.day)}`;
}
