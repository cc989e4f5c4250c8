import { describe, expect, it } from 'vitest';
import { parseLibraryDocument } from '../../main/services/parseLibraryDocument';
import { readLibraryFile } from '../../main/services/readLibraryFile';
import { serializeLibrary } from '../../main/services/exportLibrary';
import { STARTER_LIBRARY_PATH } from '../../main/services/loadStarterLibrary';
import { EMPTY_LOOKUP } from '../../shared/schemas/checkLibraryDocument';
import type { LibraryDocument, NoteDoc, PackDoc } from '../../shared/schemas/libraryDocument';
import { mergeLibraries, type MergeConflict } from '../../shared/sync/threeWayMerge';

const base: LibraryDocument = parseLibraryDocument(readLibraryFile(STARTER_LIBRARY_PATH), STARTER_LIBRARY_PATH, EMPTY_LOOKUP);
const who = { ours: 'Ana Ruiz (Secretariat)', theirs: 'Luc Tremblay (Ottawa office)' };
const NOTE = base.notes[0]!.id;
const PACK = base.packs[0]!.id;

/** A copy of the base with one note changed. */
function withNote(change: (note: NoteDoc) => void, id = NOTE, from = base): LibraryDocument {
  const doc = structuredClone(from);
  change(doc.notes.find((n) => n.id === id)!);
  return doc;
}
function withPack(change: (pack: PackDoc) => void): LibraryDocument {
  const doc = structuredClone(base);
  change(doc.packs.find((p) => p.id === PACK)!);
  return doc;
}
const note = (doc: LibraryDocument, id = NOTE) => doc.notes.find((n) => n.id === id);
const merge = (ours: LibraryDocument, theirs: LibraryDocument) => mergeLibraries(base, ours, theirs, who);
/** The merged library must still be a valid library, in canonical form. */
function expectValid(doc: LibraryDocument) {
  expect(serializeLibrary(parseLibraryDocument(doc, 'merged', EMPTY_LOOKUP))).toBe(serializeLibrary(doc));
}

describe('mergeLibraries: cells', () => {
  it('nothing changed on either side gives the base, byte for byte, and no conflict', () => {
    const { merged, conflicts } = merge(base, base);
    expect(conflicts).toEqual([]);
    expect(serializeLibrary(merged)).toBe(serializeLibrary(base));
  });

  it('a side left unchanged takes the other side whole', () => {
    const theirs = withNote((n) => (n.title.es!.text = 'Nuevo título'));
    expect(serializeLibrary(merge(base, theirs).merged)).toBe(serializeLibrary(theirs));
    expect(serializeLibrary(merge(theirs, base).merged)).toBe(serializeLibrary(theirs));
  });

  it('edits to different languages of one text merge silently', () => {
    const ours = withNote((n) => (n.title.en = { text: 'Palermo at 25: OMSAC calls for synergy', status: 'draft', from: 'fr', sourceHash: n.title.en!.sourceHash }));
    const theirs = withNote((n) => (n.title.es = { text: 'Palermo a los 25 años', status: 'approved', approvedBy: 'Luc', approvedAt: '2026-12-01T10:00:00Z' }));
    const { merged, conflicts } = merge(ours, theirs);
    expect(conflicts).toEqual([]);
    expect(note(merged)!.title.en).toEqual(note(ours)!.title.en);
    expect(note(merged)!.title.es).toEqual(note(theirs)!.title.es);
    expect(note(merged)!.title.fr).toEqual(note(base)!.title.fr);
    expectValid(merged);
  });

  it('edits to different fields (a text, a date, the tags) of one piece merge silently', () => {
    const ours = withNote((n) => (n.date = '2026-01-15'));
    const theirs = withNote((n) => {
      n.tags = ['palermo', 'zz-new'];
      n.body.fr!.text = 'Un autre texte.';
    });
    const { merged, conflicts } = merge(ours, theirs);
    expect(conflicts).toEqual([]);
    expect(note(merged)).toMatchObject({ date: '2026-01-15', tags: ['palermo', 'zz-new'] });
    expect(note(merged)!.body.fr!.text).toBe('Un autre texte.');
    expectValid(merged);
  });

  it('the same change on both sides is taken once, with no conflict', () => {
    const edit = (n: NoteDoc) => (n.title.fr!.text = 'Palerme, 25 ans après');
    const { merged, conflicts } = merge(withNote(edit), withNote(edit));
    expect(conflicts).toEqual([]);
    expect(note(merged)!.title.fr!.text).toBe('Palerme, 25 ans après');
  });

  it('two different changes to one text are a conflict (base, ours, theirs, who); the merged library keeps ours', () => {
    const ours = withNote((n) => (n.title.fr!.text = 'Version du secrétariat'));
    const theirs = withNote((n) => (n.title.fr!.text = 'Version d’Ottawa'));
    const { merged, conflicts } = merge(ours, theirs);
    expect(conflicts).toEqual<MergeConflict[]>([
      {
        kind: 'cell',
        collection: 'notes',
        pieceId: NOTE,
        section: null,
        field: 'title',
        locale: 'fr',
        base: note(base)!.title.fr,
        ours: note(ours)!.title.fr,
        theirs: note(theirs)!.title.fr,
        oursBy: who.ours,
        theirsBy: who.theirs,
      },
    ]);
    expect(note(merged)!.title.fr!.text).toBe('Version du secrétariat');
    // The other languages and fields are untouched.
    expect(note(merged)!.title.en).toEqual(note(base)!.title.en);
  });

  it('a text moves with its status, source hash and approval: an approval never lands on words it did not approve', () => {
    // Ours approves the Spanish as it stood; theirs rewrote it (a draft).
    const ours = withNote((n) => (n.title.es = { text: n.title.es!.text, status: 'approved', approvedBy: 'Ana', approvedAt: '2026-12-02T10:00:00Z' }));
    const theirs = withNote((n) => (n.title.es = { ...n.title.es!, text: 'Texto reescrito' }));
    const { merged, conflicts } = merge(ours, theirs);
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ field: 'title', locale: 'es', ours: note(ours)!.title.es, theirs: note(theirs)!.title.es });
    // Ours whole, never ours' approval on theirs' words.
    expect(note(merged)!.title.es).toEqual(note(ours)!.title.es);

    // One side only: the whole entry comes across, status and approval with it.
    const onlyTheirs = merge(base, ours).merged;
    expect(note(onlyTheirs)!.title.es).toEqual({ text: note(base)!.title.es!.text, status: 'approved', approvedBy: 'Ana', approvedAt: '2026-12-02T10:00:00Z' });
  });

  it('a translation made against the old original keeps the old source hash when the original changes on the other side', () => {
    const ours = withNote((n) => (n.title.fr!.text = 'Original réécrit')); // fr is the source of en and es
    const theirs = withNote((n) => (n.title.en = { ...n.title.en!, text: 'A new English translation' }));
    const { merged, conflicts } = merge(ours, theirs);
    expect(conflicts).toEqual([]);
    expect(note(merged)!.title.fr!.text).toBe('Original réécrit');
    expect(note(merged)!.title.en!.sourceHash).toBe(note(base)!.title.en!.sourceHash);
    expect(note(merged)!.title.en!.text).toBe('A new English translation');
  });

  it('a field that is not a text is one cell: two different dates conflict, with no language', () => {
    const { merged, conflicts } = merge(withNote((n) => (n.date = '2026-01-01')), withNote((n) => (n.date = '2026-02-02')));
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ kind: 'cell', field: 'date', locale: null, base: note(base)!.date, ours: '2026-01-01', theirs: '2026-02-02' });
    expect(note(merged)!.date).toBe('2026-01-01');
  });

  it('a list of references is one cell: two different edits conflict rather than being blended', () => {
    const ours = withNote((n) => (n.sources = []));
    const theirs = withNote((n) => (n.sources = [...n.sources, 'src-zz-extra'].sort()));
    const { merged, conflicts } = merge(ours, theirs);
    expect(conflicts.map((c) => [c.field, c.locale])).toEqual([['sources', null]]);
    expect(note(merged)!.sources).toEqual([]);
  });

  it('a text removed on one side and left alone on the other is removed', () => {
    const ours = withNote((n) => delete n.title.es);
    const { merged, conflicts } = merge(ours, base);
    expect(conflicts).toEqual([]);
    expect(note(merged)!.title.es).toBeUndefined();
    // Removed on one side, edited on the other: a conflict with ours absent (null).
    const edited = withNote((n) => (n.title.es!.text = 'Editado'));
    const both = merge(ours, edited);
    expect(both.conflicts).toHaveLength(1);
    expect(both.conflicts[0]).toMatchObject({ field: 'title', locale: 'es', ours: null, theirs: note(edited)!.title.es });
  });
});

describe('mergeLibraries: structure', () => {
  const added = (id: string, title: string): LibraryDocument => {
    const doc = structuredClone(base);
    doc.notes.push({ ...structuredClone(base.notes[0]!), id, title: { en: { text: title, status: 'draft' } } });
    doc.notes.sort((a, b) => (a.id < b.id ? -1 : 1));
    return doc;
  };

  it('a piece added on one side is in the merged library, in its place in id order', () => {
    const theirs = added('note-aaa-new', 'New note');
    const { merged, conflicts } = merge(base, theirs);
    expect(conflicts).toEqual([]);
    expect(merged.notes.map((n) => n.id)).toEqual(theirs.notes.map((n) => n.id));
    expect(serializeLibrary(merge(theirs, base).merged)).toBe(serializeLibrary(theirs));
    expectValid(merged);
  });

  it('the same piece added on both sides with the same content: once, no conflict', () => {
    const { merged, conflicts } = merge(added('note-new', 'Same'), added('note-new', 'Same'));
    expect(conflicts).toEqual([]);
    expect(merged.notes.filter((n) => n.id === 'note-new')).toHaveLength(1);
  });

  it('the same id added on both sides with different content: a conflict per differing cell, base null, ours kept', () => {
    const { merged, conflicts } = merge(added('note-new', 'Ours'), added('note-new', 'Theirs'));
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ kind: 'cell', pieceId: 'note-new', field: 'title', locale: 'en', base: null });
    expect(conflicts[0]!.ours).toEqual({ text: 'Ours', status: 'draft' });
    expect(conflicts[0]!.theirs).toEqual({ text: 'Theirs', status: 'draft' });
    expect(note(merged, 'note-new')!.title.en!.text).toBe('Ours');
  });

  it('a piece deleted on one side and unchanged on the other is deleted (either way round, and when deleted on both)', () => {
    const deleted = structuredClone(base);
    deleted.notes = deleted.notes.filter((n) => n.id !== NOTE);
    for (const [o, t] of [[deleted, base], [base, deleted], [deleted, deleted]] as const) {
      const { merged, conflicts } = merge(o, t);
      expect(conflicts).toEqual([]);
      expect(note(merged)).toBeUndefined();
      expect(serializeLibrary(merged)).toBe(serializeLibrary(deleted));
    }
  });

  it('deleted on one side and edited on the other: the edited piece is kept, with a deletedEdited conflict', () => {
    const deleted = structuredClone(base);
    deleted.notes = deleted.notes.filter((n) => n.id !== NOTE);
    const edited = withNote((n) => (n.body.en!.text = 'Edited while the other office deleted it.'));

    const theirsEdited = merge(deleted, edited);
    expect(note(theirsEdited.merged)).toEqual(note(edited));
    expect(theirsEdited.conflicts).toEqual<MergeConflict[]>([
      { kind: 'deletedEdited', collection: 'notes', pieceId: NOTE, section: null, field: null, locale: null, base: note(base), ours: null, theirs: note(edited), oursBy: who.ours, theirsBy: who.theirs },
    ]);

    const oursEdited = merge(edited, deleted);
    expect(note(oursEdited.merged)).toEqual(note(edited));
    expect(oursEdited.conflicts).toHaveLength(1);
    expect(oursEdited.conflicts[0]).toMatchObject({ kind: 'deletedEdited', ours: note(edited), theirs: null });
  });

  it('pack sections reordered differently on both sides: one conflict on the sections cell, ours order kept', () => {
    expect(base.packs[0]!.sections.length).toBeGreaterThanOrEqual(3);
    const ours = withPack((p) => p.sections.reverse());
    const theirs = withPack((p) => p.sections.push(p.sections.shift()!));
    const { merged, conflicts } = merge(ours, theirs);
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ kind: 'cell', collection: 'packs', pieceId: PACK, field: 'sections', locale: null });
    expect(merged.packs[0]!.sections.map((s) => s.id)).toEqual(ours.packs[0]!.sections.map((s) => s.id));
    expectValid(merged);
  });

  it('pack sections reordered on one side (or the same way on both) are taken, with no conflict', () => {
    const ours = withPack((p) => p.sections.reverse());
    expect(merge(ours, base).conflicts).toEqual([]);
    expect(merge(base, ours).merged.packs[0]!.sections.map((s) => s.id)).toEqual(ours.packs[0]!.sections.map((s) => s.id));
    expect(merge(ours, structuredClone(ours)).conflicts).toEqual([]);
    // A reorder on one side and a pack title edit on the other merge silently.
    const titled = withPack((p) => (p.title.en!.text = 'Panama 2025, revised'));
    const both = merge(ours, titled);
    expect(both.conflicts).toEqual([]);
    expect(both.merged.packs[0]!.title.en!.text).toBe('Panama 2025, revised');
    expect(both.merged.packs[0]!.sections.map((s) => s.id)).toEqual(ours.packs[0]!.sections.map((s) => s.id));
  });

  const sectionIds = (doc: LibraryDocument) => doc.packs.find((p) => p.id === PACK)!.sections.map((s) => s.id);
  const newSection = (id: string, en: string) => ({ id, title: { en: { text: en, status: 'draft' as const } }, text: null, items: [] });

  it('pack sections merge by id: edits to different sections, and to different languages of one section, are silent', () => {
    const ours = withPack((p) => (p.sections[0]!.title.en = { text: 'Opening, revised', status: 'draft' }));
    const theirs = withPack((p) => {
      p.sections[1]!.title.fr = { text: 'Deuxième partie', status: 'draft' };
      p.sections[0]!.title.es = { text: 'Apertura', status: 'draft' };
    });
    const { merged, conflicts } = merge(ours, theirs);
    expect(conflicts).toEqual([]);
    const sections = merged.packs.find((p) => p.id === PACK)!.sections;
    expect(sections[0]!.title.en!.text).toBe('Opening, revised');
    expect(sections[0]!.title.es!.text).toBe('Apertura');
    expect(sections[1]!.title.fr!.text).toBe('Deuxième partie');
    expect(sections.map((s) => s.id)).toEqual(sectionIds(base));
    expectValid(merged);
  });

  it('the same section text edited differently is one conflict naming the pack, the section, the field and the language', () => {
    const ours = withPack((p) => (p.sections[1]!.title.fr = { text: 'Version A', status: 'draft' }));
    const theirs = withPack((p) => (p.sections[1]!.title.fr = { text: 'Version B', status: 'draft' }));
    const { merged, conflicts } = merge(ours, theirs);
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ kind: 'cell', collection: 'packs', pieceId: PACK, section: sectionIds(base)[1], field: 'title', locale: 'fr', ours: { text: 'Version A' }, theirs: { text: 'Version B' } });
    expect(merged.packs.find((p) => p.id === PACK)!.sections[1]!.title.fr!.text).toBe('Version A');
  });

  it('a section added on each side is kept, each after the section it followed; a reorder on the other side still applies', () => {
    const ids = sectionIds(base);
    const ours = withPack((p) => p.sections.splice(1, 0, newSection('sec-ours-new', 'Ours')));
    const theirs = withPack((p) => {
      p.sections.reverse();
      p.sections.push(newSection('sec-theirs-new', 'Theirs'));
    });
    const { merged, conflicts } = merge(ours, theirs);
    expect(conflicts).toEqual([]);
    // Theirs' order of the shared sections; each new one after the section it followed on its side
    // (both after ids[0] here: ours' first).
    expect(sectionIds(merged)).toEqual([...[...ids].reverse(), 'sec-ours-new', 'sec-theirs-new']);
    expectValid(merged);
  });

  it('a section deleted on one side and untouched on the other goes; edited on the other, it stays with a deletedEdited conflict', () => {
    const removed = withPack((p) => p.sections.splice(1, 1));
    const gone = merge(removed, base);
    expect(gone.conflicts).toEqual([]);
    expect(sectionIds(gone.merged)).toEqual(sectionIds(removed));
    const edited = withPack((p) => (p.sections[1]!.title.en = { text: 'Edited meanwhile', status: 'draft' }));
    const kept = merge(removed, edited);
    expect(kept.conflicts).toEqual([expect.objectContaining({ kind: 'deletedEdited', pieceId: PACK, section: sectionIds(base)[1], field: null, ours: null })]);
    expect(sectionIds(kept.merged)).toEqual(sectionIds(base));
  });

  it('countries are matched by code, across collections independently', () => {
    const ours = structuredClone(base);
    ours.countries[0]!.formalName = { ...ours.countries[0]!.formalName, en: { text: 'Renamed', status: 'draft' } };
    const { merged, conflicts } = merge(ours, withNote((n) => (n.date = '2026-03-03')));
    expect(conflicts).toEqual([]);
    expect(merged.countries[0]!.formalName!.en!.text).toBe('Renamed');
    expectValid(merged);
    expect(note(merged)!.date).toBe('2026-03-03');
    expect(merged.countries.map((c) => c.code)).toEqual(base.countries.map((c) => c.code));
  });

  it('cells merge one by one; a rule across cells (a meeting ending before it starts) is left for the import check to refuse', () => {
    const meeting = (change: (m: LibraryDocument['meetings'][number]) => void) => {
      const doc = structuredClone(base);
      change(doc.meetings[0]!);
      return doc;
    };
    const { merged, conflicts } = merge(meeting((m) => (m.startDate = '2025-12-01')), meeting((m) => (m.endDate = '2025-11-27')));
    expect(conflicts).toEqual([]);
    expect(merged.meetings[0]).toMatchObject({ startDate: '2025-12-01', endDate: '2025-11-27' });
    expect(() => parseLibraryDocument(merged, 'merged', EMPTY_LOOKUP)).toThrow(/import\.invalid/);
  });
});
