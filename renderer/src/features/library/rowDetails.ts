import type { TFunction } from 'i18next';
import type { ListEntry } from '../../../../shared/api/listTypes';
import type { Locale } from '../../../../shared/domain/locales';
import type { PieceKind } from '../../../../shared/domain/pieceKinds';
import type { FieldSpec } from '../../../../shared/descriptors/FieldSpec';
import type { KindDescriptor } from '../../../../shared/descriptors/KindDescriptor';
import { formatDate, formatDateRange, formatPartialDate } from '../../../../shared/domain/formatDates';
import { intlCountryName } from '../../../../shared/domain/countryName';
import type { LibraryKind } from '../../navigation/Route';

export const PIECE_KIND_OF: Record<LibraryKind, PieceKind> = {
  priorities: 'priority',
  instruments: 'instrument',
  countries: 'country',
  notes: 'note',
  meetings: 'meeting',
  networks: 'network',
  sources: 'source',
};

/*
 * The columns come from the descriptors, which carry the kinds' zod schemas: loaded apart from the
 * first bundle, as describeFieldProblem does; a list shows its rows once they are here.
 */
let descriptors: Record<PieceKind, KindDescriptor> | null = null;
export const rowDetailsLoaded: Promise<void> = import('../../../../shared/descriptors/descriptors').then((m) => {
  descriptors = m.DESCRIPTORS;
});
export const rowDetailsReady = () => descriptors !== null;

const isEmpty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/** One list column's value as the row shows it, or null to leave it out. */
function formatColumn(spec: FieldSpec, value: unknown, entry: ListEntry, locale: Locale, t: TFunction): string | null {
  if (isEmpty(value)) return spec.listEmpty ? t(spec.listEmpty) : null;
  const list = Array.isArray(value) ? value.map(String) : [String(value)];
  switch (spec.type) {
    case 'enum':
      return spec.optionLabels ? t(`${spec.optionLabels}.${list[0]}`) : list[0]!;
    case 'number':
      return spec.listLabel ? t(spec.listLabel, { number: value }) : list[0]!;
    case 'date':
      return formatDate(list[0]!, locale);
    case 'partialDate':
      // A citation may only know its year or month.
      return formatPartialDate(list[0]!, locale);
    case 'localized':
      // A text that says what the title says is not repeated (an acronym that is the name).
      return list[0] === entry.title ? null : list[0]!;
    case 'tags':
      return list.map((tag) => `#${tag}`).join(' ');
    case 'ref':
    case 'refs':
      return list.map((v) => (spec.refKind === 'country' ? intlCountryName(v, locale) : v)).join(', ');
    default:
      return list.join(', ');
  }
}

/** The second line of a list row: the kind's list columns (its descriptor), what tells it apart. */
export function rowDetails(kind: LibraryKind, entry: ListEntry, locale: Locale, t: TFunction): string {
  if (!descriptors) return '';
  const descriptor = descriptors[PIECE_KIND_OF[kind]];
  const columns = descriptor.listColumns;
  const d = entry.details;
  const parts: string[] = [];
  for (let i = 0; i < columns.length; i++) {
    const name = columns[i]!;
    if (name === 'startDate' && columns[i + 1] === 'endDate' && typeof d.startDate === 'string' && typeof d.endDate === 'string') {
      parts.push(formatDateRange(d.startDate, d.endDate, locale));
      i++;
      continue;
    }
    const shown = formatColumn(descriptor.fields[name]!, d[name], entry, locale, t);
    if (shown) parts.push(shown);
  }
  // Membership is a fact of the networks, not a field of the country.
  if (kind === 'countries' && Array.isArray(d.networks) && d.networks.length) parts.push(d.networks.join(', '));
  return parts.join(' · ');
}
