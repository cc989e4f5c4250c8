import { LOCALE_TAGS, type Locale } from '../../../shared/domain/locales';

/** A stored ISO time as the reader's language writes a date and time. */
export function formatWhen(iso: string, locale: Locale): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : new Intl.DateTimeFormat(LOCALE_TAGS[locale], { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}
