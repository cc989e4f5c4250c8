import { describe, expect, it } from 'vitest';
import { setStatus, setText } from '../../../renderer/src/components/editLocalized';
import { approvalAfterEdit } from '../../../shared/translation/approvalAfterEdit';
import type { LocalizedDoc } from '../../../shared/schemas/common';

const ana = { by: 'Ana', at: '2026-01-01T00:00:00.000Z' };
const bea = { by: 'Bea', at: '2026-02-01T00:00:00.000Z' };
const loaded: LocalizedDoc = {
  fr: { text: 'Paix', status: 'approved', approvedBy: ana.by, approvedAt: ana.at },
  en: { text: 'Peace', status: 'approved', from: 'fr', sourceHash: 'a'.repeat(64), approvedBy: ana.by, approvedAt: ana.at },
};
/** What main stores for a language after the editor's edits (the renderer's claims dropped first). */
const stored = (edited: LocalizedDoc, locale: 'fr' | 'en') => {
  const { approvedBy: _b, approvedAt: _a, ...claim } = edited[locale]!;
  return approvalAfterEdit(loaded[locale], claim, { approver: bea });
};

describe('editing a localized text in the library editor, then saving', () => {
  it('stores changed words under an approved text as a draft, the other language untouched', () => {
    const edited = setText(loaded, 'en', 'Lasting peace', false)!;
    expect(stored(edited, 'en')).toEqual({ text: 'Lasting peace', status: 'draft', from: 'fr', sourceHash: 'a'.repeat(64) });
    expect(stored(edited, 'fr')).toEqual(loaded.fr);
  });

  it('keeps the approval after a typo typed and undone', () => {
    const undone = setText(setText(loaded, 'fr', 'Paixx', false), 'fr', 'Paix', false)!;
    expect(stored(undone, 'fr')).toEqual(loaded.fr);
  });

  it('records a draft approved again as the new approver’s', () => {
    const draft = setStatus(loaded, 'fr', 'draft')!;
    expect(stored(draft, 'fr')).toEqual({ text: 'Paix', status: 'draft' });
    const reapproved = setStatus(setText(draft, 'fr', 'Paix durable', false), 'fr', 'approved')!;
    expect(approvalAfterEdit({ text: 'Paix', status: 'draft' }, reapproved.fr!, { approver: bea })).toEqual({
      text: 'Paix durable',
      status: 'approved',
      approvedBy: bea.by,
      approvedAt: bea.at,
    });
  });

  it('starts a new language as a draft translated from the original, and removes an emptied one', () => {
    const es = setText(loaded, 'es', 'Paz', false)!;
    expect(es.es).toEqual({ text: 'Paz', status: 'draft', from: 'fr' });
    expect(setText(es, 'es', '', false)!.es).toBeUndefined();
    expect(setText({ fr: { text: 'x', status: 'draft' } }, 'fr', '', true)).toBeNull();
  });
});
