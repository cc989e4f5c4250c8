import { describe, expect, it } from 'vitest';
import { move, moveItem, newSectionId, stepItem } from '../../../renderer/src/features/packs/reorder';
import { filterEntries, foldTitles, type LibraryFilters } from '../../../renderer/src/features/library/filterEntries';
import type { ListEntry, SearchHit } from '../../../shared/api/listTypes';
import type { PackDoc, SectionDoc } from '../../../shared/schemas/libraryDocument';
import { pieceIdSchema } from '../../../shared/schemas/common';

const section = (id: string, refs: string[]): SectionDoc => ({ id, title: { en: { text: id, status: 'draft' } }, text: null, items: refs.map((ref) => ({ kind: 'note', ref })) });
const refs = (sections: SectionDoc[]) => sections.map((s) => s.items.map((i) => i.ref));

describe('pack builder reordering (pure)', () => {
  it('moves a section, leaving the list it was given as it was', () => {
    const list = ['a', 'b', 'c', 'd'];
    expect(move(list, 0, 2)).toEqual(['b', 'c', 'a', 'd']);
    expect(move(list, 3, 0)).toEqual(['d', 'a', 'b', 'c']);
    expect(move(list, 1, 99)).toEqual(['a', 'c', 'd', 'b']);
    expect(move(list, 7, 0)).toEqual(list);
    expect(list).toEqual(['a', 'b', 'c', 'd']);
  });

  it('moves an item within and across sections', () => {
    const sections = [section('s1', ['n1', 'n2', 'n3']), section('s2', ['n4'])];
    expect(refs(moveItem(sections, { section: 0, index: 0 }, { section: 0, index: 2 }))).toEqual([['n2', 'n3', 'n1'], ['n4']]);
    expect(refs(moveItem(sections, { section: 0, index: 1 }, { section: 1, index: 0 }))).toEqual([['n1', 'n3'], ['n2', 'n4']]);
    expect(refs(moveItem(sections, { section: 5, index: 0 }, { section: 0, index: 0 }))).toEqual(refs(sections));
    expect(refs(sections)).toEqual([['n1', 'n2', 'n3'], ['n4']]);
  });

  it('steps an item past a section’s edge into the next or previous one, and no further', () => {
    const sections = [section('s1', ['n1', 'n2']), section('s2', ['n3'])];
    const down = stepItem(sections, { section: 0, index: 1 }, 1)!;
    expect(down.to).toEqual({ section: 1, index: 0 });
    expect(refs(down.sections)).toEqual([['n1'], ['n2', 'n3']]);
    const up = stepItem(sections, { section: 1, index: 0 }, -1)!;
    expect(up.to).toEqual({ section: 0, index: 2 });
    expect(refs(up.sections)).toEqual([['n1', 'n2', 'n3'], []]);
    expect(stepItem(sections, { section: 0, index: 0 }, -1)).toBeNull();
    expect(stepItem(sections, { section: 1, index: 0 }, 1)).toBeNull();
  });

  it('makes a section id unique and valid, even for a pack whose id is at the 64-character limit', () => {
    const pack = { id: 'pack-x', sections: [section('pack-x-s1', []), section('pack-x-s3', [])] } as unknown as PackDoc;
    expect(newSectionId(pack)).toBe('pack-x-s4');
    const long = { id: `pack-${'a'.repeat(59)}`, sections: [] } as unknown as PackDoc;
    const id = newSectionId(long);
    expect(id.length).toBeLessThanOrEqual(64);
    expect(pieceIdSchema.safeParse(id).success).toBe(true);
  });
});

const entry = (id: string, title: string, details: ListEntry['details'] = {}, fr: ListEntry['status'] = 'approved'): ListEntry => ({
  id,
  title,
  titleLocale: 'en',
  status: 'approved',
  states: { en: 'approved', fr, es: 'approved' },
  details,
});
const none: LibraryFilters = { instrumentKind: '', country: '', tag: '', status: '', statusLocale: 'en', conflicts: false };

describe('library list filters (pure)', () => {
  const entries = [
    entry('note-a', 'Sécurité citoyenne au Panamá', { countryCode: 'PA', tags: ['security'] }),
    entry('note-b', 'Œuvres et ARMES à feu', { countryCode: null, tags: ['firearms'] }, 'stale'),
    entry('note-c', 'Trafficking report', { countryCode: 'CR', tags: ['security', 'trafficking'] }),
  ];
  const ids = (rows: { entry: ListEntry }[]) => rows.map((r) => r.entry.id);

  it('shows every row with no query and no filter, without folding titles first', () => {
    expect(ids(filterEntries(entries, null, '', null, none))).toEqual(['note-a', 'note-b', 'note-c']);
  });

  it('matches titles accent-, case- and ligature-insensitively, every word, folded or not yet', () => {
    for (const folded of [foldTitles(entries), null]) {
      expect(ids(filterEntries(entries, folded, 'securite PANAMA', null, none))).toEqual(['note-a']);
      expect(ids(filterEntries(entries, folded, 'oeuvres armes', null, none))).toEqual(['note-b']);
      expect(ids(filterEntries(entries, folded, 'nothing-like-this', null, none))).toEqual([]);
    }
  });

  it('puts the server’s full-text hits first, with their excerpt, then local title matches; filters apply to both', () => {
    const hits: SearchHit[] = [{ id: 'note-c', kind: 'note', title: 'Trafficking report', matches: [{ field: 'body', locale: 'fr', excerpt: 'la sécurité…' }] }];
    const rows = filterEntries(entries, foldTitles(entries), 'securite', hits, none);
    expect(ids(rows)).toEqual(['note-c', 'note-a']);
    expect(rows[0]!.excerpt).toBe('la sécurité…');
    expect(ids(filterEntries(entries, foldTitles(entries), 'securite', hits, { ...none, country: 'PA' }))).toEqual(['note-a']);
  });

  it('filters by country (or none: development notes), tag and status in a chosen language', () => {
    expect(ids(filterEntries(entries, null, '', null, { ...none, country: '-' }))).toEqual(['note-b']);
    expect(ids(filterEntries(entries, null, '', null, { ...none, tag: 'security' }))).toEqual(['note-a', 'note-c']);
    expect(ids(filterEntries(entries, null, '', null, { ...none, status: 'stale', statusLocale: 'fr' }))).toEqual(['note-b']);
    expect(ids(filterEntries(entries, null, '', null, { ...none, status: 'stale', statusLocale: 'en' }))).toEqual([]);
    // Only the pieces with an open sync conflict, with a search too.
    const conflicted = new Set(['note-c', 'elsewhere']);
    expect(ids(filterEntries(entries, null, '', null, { ...none, conflicts: true }, conflicted))).toEqual(['note-c']);
    expect(ids(filterEntries(entries, null, '', null, { ...none, conflicts: true }))).toEqual([]);
    expect(ids(filterEntries(entries, null, '', null, none, conflicted))).toEqual(['note-a', 'note-b', 'note-c']);
    expect(ids(filterEntries(entries, foldTitles(entries), 'securite', null, { ...none, conflicts: true }, conflicted))).toEqual([]);
  });
});
