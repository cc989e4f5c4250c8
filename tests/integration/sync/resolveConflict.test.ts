import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLibrary, type OpenedLibrary } from '../../../main/db/openLibrary';
import { LibraryStore } from '../../../main/services/LibraryStore';
import { loadStarterLibrary } from '../../../main/services/loadStarterLibrary';
import { serializeLibrary } from '../../../main/services/exportLibrary';
import { listConflicts, recordConflicts, resolveConflict } from '../../../main/services/sync/syncConflicts';
import { isAppError } from '../../../shared/errors/AppError';
import type { MergeConflict } from '../../../shared/sync/threeWayMerge';
import { tempDir } from '../../helpers/cli';

let library: OpenedLibrary;
let store: LibraryStore;
const who = { oursBy: 'Luc Tremblay (Ottawa)', theirsBy: 'Ana Ruiz (Secretariat)' };
const pack = () => store.readDocument().packs[0]!;

beforeEach(async () => {
  library = await openLibrary(path.join(tempDir('briefing-resolve-'), 'library.sqlite'), { create: true });
  store = new LibraryStore(library.db);
  loadStarterLibrary(store);
});
afterEach(() => library.close());

function record(conflict: Omit<MergeConflict, 'oursBy' | 'theirsBy'>): number {
  store.write(() => recordConflicts(store, [{ ...conflict, ...who }], '2026-12-03T10:00:00.000Z'));
  return listConflicts(store).at(-1)!.id;
}

describe('resolving a stored sync conflict', () => {
  it('theirs for the order of a pack’s sections: the sections in their order', () => {
    const ids = pack().sections.map((s) => s.id);
    const theirs = [...ids].reverse();
    const id = record({ kind: 'cell', collection: 'packs', pieceId: pack().id, section: null, field: 'sections', locale: null, base: ids, ours: ids, theirs });
    resolveConflict(store, id, 'theirs');
    expect(pack().sections.map((s) => s.id)).toEqual(theirs);
    expect(listConflicts(store)).toEqual([]);
    expect(listConflicts(store, { all: true })[0]).toMatchObject({ id, kept: 'theirs' });
  });

  it('theirs for a section’s French title: that title, the rest of the pack as it was', () => {
    const before = pack();
    const section = before.sections[1]!;
    const theirs = { text: 'Titre du secrétariat', status: 'draft' };
    const id = record({ kind: 'cell', collection: 'packs', pieceId: before.id, section: section.id, field: 'title', locale: 'fr', base: section.title.fr, ours: section.title.fr, theirs });
    resolveConflict(store, id, 'theirs');
    const after = pack();
    expect(after.sections[1]!.title.fr).toMatchObject(theirs);
    expect(after.sections[1]!.title.en).toEqual(section.title.en);
    expect(after.sections[0]).toEqual(before.sections[0]);
  });

  it('ours writes nothing but the choice', () => {
    const before = serializeLibrary(store.readDocument());
    const note = store.readDocument().notes[0]!;
    const id = record({ kind: 'cell', collection: 'notes', pieceId: note.id, section: null, field: 'date', locale: null, base: note.date, ours: note.date, theirs: '2030-01-01' });
    resolveConflict(store, id, 'ours');
    expect(serializeLibrary(store.readDocument())).toBe(before);
  });

  it('keeping a deletion of a piece others still use is refused by name, and nothing changes', () => {
    const country = store.readDocument().countries[0]!;
    const before = serializeLibrary(store.readDocument());
    const id = record({ kind: 'deletedEdited', collection: 'countries', pieceId: country.code, section: null, field: null, locale: null, base: country, ours: null, theirs: country });
    const error = (() => {
      try {
        resolveConflict(store, id, 'ours');
      } catch (e) {
        return e;
      }
    })();
    expect(isAppError(error) && error.code).toBe('sync.conflictReferenced');
    expect(serializeLibrary(store.readDocument())).toBe(before);
    expect(listConflicts(store)).toHaveLength(1);
  });

  it('a theirs value the exchange format refuses is not written, and the conflict stays open', () => {
    const note = store.readDocument().notes[0]!;
    const before = serializeLibrary(store.readDocument());
    const id = record({ kind: 'cell', collection: 'notes', pieceId: note.id, section: null, field: 'date', locale: null, base: note.date, ours: note.date, theirs: 'not a date' });
    // Named as any refused import is: the record, the field, what is wrong.
    expect(() => resolveConflict(store, id, 'theirs')).toThrow(expect.objectContaining({ code: 'import.invalid', params: expect.objectContaining({ file: `sync conflict ${id}` }) }));
    expect(serializeLibrary(store.readDocument())).toBe(before);
    expect(listConflicts(store)).toHaveLength(1);
  });
});
