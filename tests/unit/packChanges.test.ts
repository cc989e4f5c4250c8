import { describe, expect, it } from 'vitest';
import { cellChanges, changedCells, packChanges, type PieceAt } from '../../shared/domain/packChanges';
import { pieceTitle, recordTitle } from '../../shared/descriptors/pieceTitle';

const t = (text: string, status: 'draft' | 'approved' = 'approved', from?: 'fr') => ({ text, status, ...(from ? { from, sourceHash: 'a'.repeat(64) } : {}) });
const prio = (id: string, frBody: string, enBody = 'Body.', enStatus: 'draft' | 'approved' = 'draft'): PieceAt => ({
  kind: 'priority',
  record: { id, networkId: 'net', number: 1, title: { fr: t(`Titre ${id}`), en: t(`Title ${id}`, 'draft', 'fr') }, body: { fr: t(frBody), en: t(enBody, enStatus, 'fr') }, sources: [] },
});
const pack = (items: string[][]): PieceAt => ({
  kind: 'pack',
  record: {
    id: 'pack',
    slug: 'p',
    title: { fr: t('Dossier') },
    sections: items.map((refs, i) => ({ id: `s${i + 1}`, title: { fr: t(`Section ${i + 1}`) }, items: refs.map((ref) => ({ kind: 'priority', ref })) })),
  },
});
const lib = (...pieces: [string, PieceAt][]) => new Map(pieces);

describe('packChanges: what changed in a pack since a build', () => {
  it('names nothing when nothing changed', () => {
    const before = lib(['pack', pack([['p1']])], ['p1', prio('p1', 'Un.')]);
    expect(packChanges('pack', before, before)).toEqual({ sections: [], counts: { added: 0, removed: 0, changed: 0 } });
  });

  it('tells a source text change from a translation change and a status change, per cell', () => {
    const before = lib(['pack', pack([['p1', 'p2', 'p3']])], ['p1', prio('p1', 'Un.')], ['p2', prio('p2', 'Deux.')], ['p3', prio('p3', 'Trois.')]);
    const now = lib(
      ['pack', pack([['p1', 'p2', 'p3']])],
      ['p1', prio('p1', 'Un, revu.')],
      ['p2', prio('p2', 'Deux.', 'Two, retranslated.')],
      ['p3', prio('p3', 'Trois.', 'Body.', 'approved')],
    );
    const { sections, counts } = packChanges('pack', before, now);
    expect(counts).toEqual({ added: 0, removed: 0, changed: 3 });
    expect(sections).toHaveLength(1);
    expect(sections[0]!.sectionId).toBe('s1');
    const [p1, p2, p3] = sections[0]!.pieces;
    expect(p1!.kinds).toEqual(['text']);
    expect(p1!.cells).toEqual([{ pieceId: 'p1', field: 'body', locale: 'fr', kind: 'text', before: 'Un.', after: 'Un, revu.', paragraphs: [0] }]);
    expect(p2!.kinds).toEqual(['translation']);
    expect(p2!.cells.map((c) => [c.field, c.locale])).toEqual([['body', 'en']]);
    expect(p3!.kinds).toEqual(['status']);
    expect(p3!.cells[0]!.paragraphs).toEqual([]);
  });

  it('places added and removed pieces by section, sections added or gone included', () => {
    const before = lib(['pack', pack([['p1', 'p2']])], ['p1', prio('p1', 'Un.')], ['p2', prio('p2', 'Deux.')]);
    const now = lib(['pack', pack([['p1'], ['p3']])], ['p1', prio('p1', 'Un.')], ['p3', prio('p3', 'Trois.')]);
    const { sections, counts } = packChanges('pack', before, now);
    expect(counts).toEqual({ added: 1, removed: 1, changed: 0 });
    expect(sections.map((s) => [s.sectionId, s.change, s.pieces.map((p) => `${p.change}:${p.pieceId}`)])).toEqual([
      ['s1', 'kept', ['removed:p2']],
      ['s2', 'added', ['added:p3']],
      // The pack's own list of items changed: a detail of the pack, outside the sections.
      [null, 'kept', ['changed:pack']],
    ]);
    expect(sections[2]!.pieces[0]!.kinds).toEqual(['details']);
  });

  it('marks only the paragraphs that changed, and gives change bars per piece, field and language', () => {
    const cells = cellChanges('p1', 'body', { fr: t('Premier.\n\nDeuxième.\n\nTroisième.') }, { fr: t('Premier.\n\nDeuxième, revu.\n\nTroisième.') });
    expect(cells).toHaveLength(1);
    expect(cells[0]!.paragraphs).toEqual([1]);
    const before = lib(['pack', pack([['p1']])], ['p1', prio('p1', 'A.\n\nB.')]);
    const now = lib(['pack', pack([['p1']])], ['p1', prio('p1', 'A.\n\nB changé.')]);
    expect([...changedCells(packChanges('pack', before, now))]).toEqual([['p1\u0000body\u0000fr', [1]]]);
  });

  it('names each piece by the one title rule (pieceTitle), a country without a formal name included', () => {
    const inst: PieceAt = { kind: 'instrument', record: { id: 'inst-a', kind: 'convention', shortName: { en: t('Palermo') }, officialTitle: { en: t('UN Convention against TOC') }, body: {}, servesPriorities: [], sources: [] } };
    const country: PieceAt = { kind: 'country', record: { code: 'BR', formalName: {} } };
    const packOf = (refs: [string, string][]): PieceAt => ({
      kind: 'pack',
      record: { id: 'pack', slug: 'p', title: { fr: t('Dossier') }, sections: [{ id: 's1', title: { fr: t('S') }, items: refs.map(([kind, ref]) => ({ kind, ref })) }] },
    });
    const now = lib(['pack', packOf([['instrument', 'inst-a'], ['country', 'BR'], ['priority', 'p1']])], ['inst-a', inst], ['BR', country], ['p1', prio('p1', 'Un.')]);
    const pieces = packChanges('pack', lib(['pack', packOf([])]), now).sections[0]!.pieces;
    for (const p of pieces) {
      const held = now.get(p.pieceId)!;
      for (const locale of ['en', 'fr', 'es'] as const) {
        expect(pieceTitle(p.kind, p.pieceId, p.title, locale)).toEqual(recordTitle(held.kind, held.record, locale));
      }
    }
    expect(pieces.map((p) => pieceTitle(p.kind, p.pieceId, p.title, 'en').text).sort()).toEqual(['Brazil', 'Palermo', 'Title p1']);
  });

  it('counts a new approval on unchanged words as a status change', () => {
    const cells = cellChanges('p1', 'title', { fr: t('Titre') }, { fr: { ...t('Titre'), approvedBy: 'Ana', approvedAt: '2026-01-01T00:00:00.000Z' } });
    expect(cells.map((c) => c.kind)).toEqual(['status']);
  });
});
