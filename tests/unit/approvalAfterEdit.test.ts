import { describe, expect, it } from 'vitest';
import { approvalAfterEdit } from '../../shared/translation/approvalAfterEdit';
import type { LocalizedTextDoc } from '../../shared/schemas/common';

const ana = { by: 'Ana Translator', at: '2026-01-01T10:00:00.000Z' };
const bea = { by: 'Bea Reviewer', at: '2026-02-01T10:00:00.000Z' };
const approved: LocalizedTextDoc = { text: 'Paz', status: 'approved', from: 'fr', sourceHash: 'a'.repeat(64), approvedBy: ana.by, approvedAt: ana.at };

describe('approvalAfterEdit: the one approval rule', () => {
  it('keeps the approval of an unchanged approved text, whoever saves it', () => {
    const { approvedBy: _b, approvedAt: _a, ...claim } = approved;
    expect(approvalAfterEdit(approved, claim, { approver: bea })).toEqual(approved);
  });

  it('makes changed words under an approved text a draft, with no approval left', () => {
    expect(approvalAfterEdit(approved, { ...approved, text: 'Paz duradera' }, { approver: bea })).toEqual({
      text: 'Paz duradera',
      status: 'draft',
      from: 'fr',
      sourceHash: approved.sourceHash,
    });
  });

  it('makes an approved text re-made from another source a draft too', () => {
    expect(approvalAfterEdit(approved, { ...approved, sourceHash: 'b'.repeat(64) }, { approver: bea }).status).toBe('draft');
  });

  it('does not let a copied approval record vouch for changed words', () => {
    expect(approvalAfterEdit(approved, { ...approved, text: 'Otra cosa' }, { approver: null }).status).toBe('draft');
  });

  it('keeps an approval made elsewhere (another date) that a file carries', () => {
    const elsewhere = { ...approved, text: 'Paz duradera', approvedBy: 'Carla', approvedAt: '2026-03-01T00:00:00.000Z' };
    expect(approvalAfterEdit(approved, elsewhere, { approver: bea })).toEqual(elsewhere);
  });

  it('records an explicit approval (the translator approving changed words) as the approver’s', () => {
    expect(approvalAfterEdit(approved, { text: 'Paz duradera', status: 'approved', from: 'fr', sourceHash: approved.sourceHash }, { approver: bea, approving: true }))
      .toMatchObject({ status: 'approved', approvedBy: bea.by, approvedAt: bea.at });
  });

  it('treats turning a draft or a new text approved as an approval, unrecorded when nobody is named', () => {
    const draft: LocalizedTextDoc = { text: 'Paz', status: 'draft' };
    expect(approvalAfterEdit(draft, { text: 'Paz', status: 'approved' }, { approver: bea })).toEqual({ text: 'Paz', status: 'approved', approvedBy: bea.by, approvedAt: bea.at });
    expect(approvalAfterEdit(undefined, { text: 'Paz', status: 'approved' }, { approver: null })).toEqual({ text: 'Paz', status: 'approved' });
  });

  it('leaves no approval on a draft', () => {
    expect(approvalAfterEdit(approved, { ...approved, status: 'draft' }, { approver: bea })).not.toHaveProperty('approvedBy');
  });
});
