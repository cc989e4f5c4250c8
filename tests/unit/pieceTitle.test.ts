import { describe, expect, it } from 'vitest';
import { pieceTitle, recordTitle, TITLE_FIELDS } from '../../shared/descriptors/pieceTitle';
import { DESCRIPTORS, titleFieldOf } from '../../shared/descriptors/descriptors';
import { intlCountryName } from '../../shared/domain/countryName';

describe('pieceTitle (the one naming rule, read from the descriptors)', () => {
  it('names a piece by its kind’s title field, in the locale asked for', () => {
    const instrument = { id: 'inst-palermo', shortName: { en: { text: 'Palermo Convention', status: 'approved' }, fr: { text: 'Convention de Palerme', status: 'draft' } } };
    expect(recordTitle('instrument', instrument, 'fr')).toEqual({ text: 'Convention de Palerme', locale: 'fr' });
    const network = { id: 'net-pn', name: { es: { text: 'Red Parlamentaria', status: 'approved' } } };
    expect(recordTitle('network', network, 'es').text).toBe('Red Parlamentaria');
  });

  it('falls back to another language, and says which, then to the id', () => {
    const note = { id: 'note-a', title: { es: { text: 'Nota', status: 'approved' } } };
    expect(recordTitle('note', note, 'en')).toEqual({ text: 'Nota', locale: 'es' });
    expect(recordTitle('note', { id: 'note-b', title: {} }, 'fr')).toEqual({ text: 'note-b', locale: 'fr' });
    expect(pieceTitle('meeting', 'meet-x', null, 'en')).toEqual({ text: 'meet-x', locale: 'en' });
  });

  it('names a country by its formal name in the locale, else by Intl’s name in that locale (never another language’s)', () => {
    const country = { code: 'KN', formalName: { en: { text: 'Federation of Saint Kitts and Nevis', status: 'approved' } }, sources: [] };
    expect(recordTitle('country', country, 'en')).toEqual({ text: 'Federation of Saint Kitts and Nevis', locale: 'en' });
    expect(recordTitle('country', country, 'fr')).toEqual({ text: intlCountryName('KN', 'fr'), locale: 'fr' });
    expect(pieceTitle('country', 'PA', undefined, 'es').text).toBe(intlCountryName('PA', 'es'));
  });

  it('names a pack’s section by its own title', () => {
    expect(recordTitle('section', { id: 'sec-1', title: { en: { text: 'Context', status: 'draft' } }, text: null, items: [] }, 'en').text).toBe('Context');
  });

  it('lists every title field once, each a localized field of its kind', () => {
    for (const d of Object.values(DESCRIPTORS)) {
      expect(TITLE_FIELDS).toContain(d.titleField);
      expect(d.fields[titleFieldOf(d.kind)]?.type).toBe('localized');
    }
    expect(new Set(TITLE_FIELDS).size).toBe(TITLE_FIELDS.length);
  });
});
