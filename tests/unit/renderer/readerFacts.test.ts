import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../../shared/locales/createTranslator';
import { readerFacts } from '../../../renderer/src/features/reader/readerFacts';

const en = createTranslator('en');
const fr = createTranslator('fr');

describe('the reading view’s facts, from the descriptors', () => {
  it('list each kind’s untranslated fields by their labels, in field order, formatted in the reader’s language', () => {
    expect(readerFacts('instrument', { kind: 'protocol', yearAdopted: 2000 }, 'en', en)).toEqual([
      [en('ui:fields.instrumentKind'), en('pdf:instrumentKind.protocol')],
      [en('ui:fields.yearAdopted'), '2000'],
    ]);
    expect(readerFacts('note', { date: '2026-03-09', tags: ['security', 'trade'] }, 'fr', fr)).toEqual([
      [fr('ui:fields.date'), '9 mars 2026'],
      [fr('ui:fields.tags'), 'security, trade'],
    ]);
    expect(readerFacts('priority', { number: 3 }, 'en', en)).toEqual([[en('ui:fields.number'), '3']]);
    expect(readerFacts('country', { code: 'BR' }, 'en', en)).toEqual([[en('ui:reader.code'), 'BR']]);
  });

  it('join a start and an end date into one range, keep a partial date as written, and skip what is empty', () => {
    expect(readerFacts('meeting', { startDate: '2026-11-26', endDate: '2026-11-27' }, 'en', en)).toEqual([
      [en('ui:reader.dates'), expect.stringMatching(/26.*27.*2026/)],
    ]);
    expect(readerFacts('source', { issuer: 'OAS', place: null, date: '2019-05', url: 'https://example.org' }, 'en', en)).toEqual([
      [en('ui:fields.issuer'), 'OAS'],
      [en('ui:fields.date'), '2019-05'],
    ]);
    expect(readerFacts('source', { issuer: 'OAS', place: 'Lima', date: '2019-05-02', url: null }, 'fr', fr)).toEqual([
      [fr('ui:fields.issuer'), 'OAS'],
      [fr('ui:fields.place'), 'Lima'],
      [fr('ui:fields.date'), '2 mai 2019'],
    ]);
    expect(readerFacts('note', { date: '2026-03-09', tags: [] }, 'en', en)).toHaveLength(1);
  });
});
