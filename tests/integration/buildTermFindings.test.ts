import { describe, expect, it } from 'vitest';
import { useStarterStores } from '../helpers/starterStores';
import { editionModels } from '../../main/pdf/editionModels';
import { termFindings } from '../../main/pdf/termFindings';
import { hashSourceText } from '../../main/db/textHash';
import { LOCALES } from '../../shared/domain/locales';

const open = useStarterStores('briefing-build-terms-');
const at = '2026-01-01T00:00:00.000Z';

describe('term problems in the build report', () => {
  it('names each printed text that uses a forbidden term or lacks the expected one, by piece title, field and language', async () => {
    const store = await open('terms');
    const before = store.readDocument();
    const { usedBy } = editionModels(before, 'pack-panama-2025', LOCALES);
    // Only what the pack prints counts; the starter pack alone breaks no term.
    expect(termFindings(before, usedBy, store.terms.readAll())).toEqual([]);
    const printed = [...usedBy.es!].map((k) => k.split('\u0000')).find(([, field]) => field === 'body')!;
    const [pieceId, field] = printed as [string, string];
    const fr = 'La coopération contre la traite des personnes.';
    store.write(() =>
      store.texts.replaceField(pieceId, field, {
        fr: { text: fr, status: 'approved' },
        es: { text: 'La cooperación contra la trata de seres humanos.', status: 'approved', from: 'fr', sourceHash: hashSourceText(fr), approvedBy: 'Ana', approvedAt: at },
        en: { text: 'Cooperation against crime.', status: 'approved', from: 'fr', sourceHash: hashSourceText(fr), approvedBy: 'Ana', approvedAt: at },
      }, at),
    );
    const doc = store.readDocument();
    const problems = termFindings(doc, editionModels(doc, 'pack-panama-2025', LOCALES).usedBy, store.terms.readAll());
    const mine = problems.filter((p) => p.values?.['field'] === field);
    expect(mine.map((p) => [p.key, p.values?.['edition'], p.values?.['term']])).toEqual(
      expect.arrayContaining([
        ['buildTerms.forbidden', 'es', 'trata de seres humanos'],
        ['buildTerms.missing', 'en', 'traite des personnes'],
      ]),
    );
    const forbidden = mine.find((p) => p.key === 'buildTerms.forbidden')!;
    expect(forbidden.values?.['expected']).toContain('trata de personas');
    expect(forbidden.values?.['piece']).not.toBe(pieceId);
    expect(forbidden.recordId).toBe(pieceId);
    expect(termFindings(doc, {}, store.terms.readAll())).toEqual([]);
  });
});
