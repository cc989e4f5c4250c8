import { describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import type { ListEntry } from '../../shared/api/listTypes';
import { DESCRIPTORS } from '../../shared/descriptors/descriptors';
import type { FieldSpec } from '../../shared/descriptors/FieldSpec';
import { PIECE_KIND_OF, rowDetails, rowDetailsLoaded } from '../../renderer/src/features/library/rowDetails';
import type { LibraryKind } from '../../renderer/src/navigation/Route';

/** Keys and values in the output, so a test sees which column a part came from. */
const t = ((key: string, values?: Record<string, unknown>) => (values ? `${key}(${JSON.stringify(values)})` : key)) as unknown as TFunction;

/** A value of the field's type that no other column of the row has. */
function sample(spec: FieldSpec, name: string): ListEntry['details'][string] {
  switch (spec.type) {
    case 'number':
      return 7;
    case 'date':
      return name === 'endDate' ? '2025-11-28' : '2025-11-27';
    case 'partialDate':
      return '2024-06';
    case 'enum':
      return spec.options![0]!;
    case 'tags':
      return ['zeta'];
    case 'refs':
      return spec.refKind === 'country' ? ['PA'] : ['x-ref'];
    case 'ref':
      return spec.refKind === 'country' ? 'CR' : 'x-ref';
    case 'code':
      return 'GT';
    default:
      return `${name} value`;
  }
}

const KINDS = Object.keys(PIECE_KIND_OF) as LibraryKind[];

describe('a list row shows its kind’s list columns (descriptor listColumns)', () => {
  it.each(KINDS)('%s: each column changes the details line', async (kind) => {
    await rowDetailsLoaded;
    const descriptor = DESCRIPTORS[PIECE_KIND_OF[kind]];
    expect(descriptor.listColumns.length).toBeGreaterThan(0);
    const details = Object.fromEntries(descriptor.listColumns.map((c) => [c, sample(descriptor.fields[c]!, c)]));
    const entry = (d: ListEntry['details']): ListEntry => ({
      id: 'piece-1',
      title: 'The title',
      titleLocale: 'en',
      status: 'approved',
      states: { en: 'approved', fr: 'approved', es: 'approved' },
      details: d,
    });
    const full = rowDetails(kind, entry(details), 'en', t);
    for (const column of descriptor.listColumns) {
      const without = rowDetails(kind, entry({ ...details, [column]: null }), 'en', t);
      expect(without, `${kind}: ${column} is not shown`).not.toBe(full);
    }
  });

  it('formats as the lists always did: labels, dates, countries, tags, a range of dates', async () => {
    await rowDetailsLoaded;
    const row = (kind: LibraryKind, details: ListEntry['details'], title = 'T') =>
      rowDetails(kind, { id: 'x', title, titleLocale: 'en', status: 'draft', states: { en: 'draft', fr: 'draft', es: 'draft' }, details }, 'en', t);
    expect(row('priorities', { number: 3 })).toBe('pdf:priority({"number":3})');
    expect(row('notes', { date: '2025-01-02', countryCode: null, tags: ['a', 'b'] })).toBe('January 2, 2025 · ui:library.developmentNote · #a #b');
    expect(row('notes', { date: '2025-01-02', countryCode: 'PA', tags: [] })).toBe('January 2, 2025 · Panama');
    expect(row('networks', { acronym: 'T', members: ['PA', 'CR'] })).toBe('Panama, Costa Rica');
    expect(row('countries', { code: 'PA', networks: ['net-a'] })).toBe('PA · net-a');
    expect(row('sources', { issuer: 'OEA', place: null, date: '2024' })).toBe('OEA · 2024');
  });
});
