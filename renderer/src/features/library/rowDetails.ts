import type { TFunction } from 'i18next';
import type { ListEntry } from '../../../../shared/api/listTypes';
import type { Locale } from '../../../../shared/domain/locales';
import { formatDate, formatDateRange, formatPartialDate } from '../../../../shared/domain/formatDates';
import { intlCountryName } from '../../../../shared/domain/countryName';
import type { LibraryKind } from '../../navigation/Route';

const str = (v: unknown) => (typeof v === 'string' ? v : null);

/** The second line of a list row: what tells this piece apart at a glance. */
export function rowDetails(kind: LibraryKind, entry: ListEntry, locale: Locale, t: TFunction): string {
  const d = entry.details;
  const parts: string[] = [];
  switch (kind) {
    case 'priorities':
      parts.push(t('pdf:priority', { number: d.number }));
      break;
    case 'instruments':
      if (str(d.kind)) parts.push(t(`pdf:instrumentKind.${d.kind}`));
      if (typeof d.year === 'number') parts.push(String(d.year));
      if (str(d.officialTitle) && d.officialTitle !== entry.title) parts.push(String(d.officialTitle));
      break;
    case 'countries':
      parts.push(entry.id);
      if (Array.isArray(d.networks) && d.networks.length) parts.push(d.networks.join(', '));
      break;
    case 'notes':
      if (str(d.date)) parts.push(formatDate(String(d.date), locale));
      parts.push(str(d.country) ? intlCountryName(String(d.country), locale) : t('ui:library.developmentNote'));
      if (Array.isArray(d.tags) && d.tags.length) parts.push(d.tags.map((tag) => `#${tag}`).join(' '));
      break;
    case 'meetings':
      if (str(d.start) && str(d.end)) parts.push(formatDateRange(String(d.start), String(d.end), locale));
      if (str(d.place)) parts.push(String(d.place));
      break;
    case 'networks':
      if (str(d.acronym) && d.acronym !== entry.title) parts.push(String(d.acronym));
      if (Array.isArray(d.members) && d.members.length) parts.push(d.members.map((c) => intlCountryName(String(c), locale)).join(', '));
      break;
    case 'sources':
      if (str(d.issuer)) parts.push(String(d.issuer));
      if (str(d.place)) parts.push(String(d.place));
      // A citation may only know its year or month.
      if (str(d.date)) parts.push(formatPartialDate(String(d.date), locale));
      break;
  }
  return parts.join(' · ');
}
