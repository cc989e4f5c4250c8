import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { LibraryStore } from '../../main/services/LibraryStore';
import { applyLibraryDocument } from '../../main/services/importLibrary';
import { listEntries, readListEntries } from '../../main/services/listEntries';
import { deletePiece } from '../../main/services/trash/deletePiece';
import { Trash } from '../../main/services/trash/Trash';
import { LIST_KINDS, LIST_NEEDS, listPieces } from '../../main/services/listPieces';
import { hashSourceText } from '../../main/db/textHash';
import { LOCALES, type Locale } from '../../shared/domain/locales';
import { DESCRIPTORS } from '../../shared/descriptors/descriptors';
import type { PieceKind } from '../../shared/domain/pieceKinds';

const LIST_PIECE_KIND: Record<(typeof LIST_KINDS)[number], PieceKind> = {
  priorities: 'priority',
  instruments: 'instrument',
  countries: 'country',
  notes: 'note',
  meetings: 'meeting',
  networks: 'network',
  sources: 'source',
  packs: 'pack',
};
import { scaleLibrary } from '../bench/scaleLibrary';
import { emptyDocument, tri } from '../helpers/documents';
import { useStarterStores } from '../helpers/starterStores';
import { chainedNote, edgeMeeting } from '../helpers/edgeRecords';

/** The SQL listing against the document one it replaces, for every kind and locale. */
function expectSameLists(store: LibraryStore): void {
  for (const kind of LIST_KINDS) {
    for (const locale of LOCALES) {
      const reference = listPieces(store.readDocument(LIST_NEEDS[kind]), kind, locale);
      expect(listEntries(store, kind, locale), `${kind} in ${locale}`).toEqual(reference);
    }
  }
}

const starterStore = useStarterStores('briefing-list-');

describe('library lists read straight from SQLite', () => {
  it('give the same rows as the document listing on the starter library', async () => {
    const store = await starterStore('starter');
    for (const kind of LIST_KINDS) expect(listEntries(store, kind, 'fr').length, kind).toBeGreaterThan(0);
    // Every row carries its kind's list columns under their field names (the descriptor's listColumns).
    for (const kind of LIST_KINDS) {
      const columns = DESCRIPTORS[LIST_PIECE_KIND[kind]].listColumns;
      for (const e of listEntries(store, kind, 'fr')) expect(Object.keys(e.details), `${kind} ${e.id}`).toEqual(expect.arrayContaining([...columns]));
    }
    expectSameLists(store);
  });

  it('give the same rows on the starter library scaled five times', async () => {
    const store = await starterStore('scaled');
    applyLibraryDocument(store, scaleLibrary(store.readDocument(), 5));
    expect(listEntries(store, 'notes', 'en').length).toBeGreaterThan(100);
    expectSameLists(store);
  });

  it('agree on out-of-date, missing, chained and fallback texts', async () => {
    const store = await starterStore('edges');
    const doc = emptyDocument();
    const oldHash = hashSourceText('Ancien texte');
    doc.sources.push({ id: 'src-es-only', title: { es: { text: 'Sólo en español', status: 'draft' } }, issuer: 'ONU', place: null, date: '2024-05', url: null });
    doc.notes.push(
      {
        id: 'note-edge-stale',
        countryCode: 'PA',
        date: '2025-01-02',
        tags: ['zeta', 'alpha', 'élan'],
        title: tri('Titre à jour'),
        body: {
          fr: { text: 'Nouveau texte', status: 'approved' },
          en: { text: 'Old text', status: 'approved', from: 'fr', sourceHash: oldHash },
        },
        instruments: [],
        priorities: [],
        sources: ['src-es-only'],
      },
      chainedNote(oldHash),
    );
    doc.meetings.push(edgeMeeting());
    applyLibraryDocument(store, doc);
    // What only a damaged or hand-edited file holds: a translation whose source text is gone,
    // a required field with no text at all, a formal name in one language.
    store.db.prepare("DELETE FROM texts WHERE piece_id = 'note-edge-chain' AND field = 'title' AND locale = 'fr'").run();
    store.db.prepare("DELETE FROM texts WHERE piece_id = 'meet-edge' AND field = 'place'").run();
    store.db.prepare("DELETE FROM texts WHERE piece_id = 'PA' AND field = 'formalName' AND locale <> 'es'").run();

    const notes = listEntries(store, 'notes', 'en');
    expect(notes.find((n) => n.id === 'note-edge-stale')).toMatchObject({
      states: { en: 'stale', fr: 'approved', es: 'missing' },
      details: { tags: ['alpha', 'zeta', 'élan'] },
    });
    expect(notes.find((n) => n.id === 'note-edge-chain')?.states).toEqual({ en: 'stale', fr: 'missing', es: 'stale' });
    expect(listEntries(store, 'notes', 'es').find((n) => n.id === 'note-edge-chain')).toMatchObject({ title: 'Cadena', status: 'stale' });
    expect(listEntries(store, 'meetings', 'fr').find((m) => m.id === 'meet-edge')).toMatchObject({
      title: 'Reunión',
      titleLocale: 'es',
      states: { en: 'missing', fr: 'missing', es: 'missing' },
    });
    expect(listEntries(store, 'sources', 'fr').find((s) => s.id === 'src-es-only')).toMatchObject({
      title: 'Sólo en español',
      titleLocale: 'es',
      details: { issuer: 'ONU', place: null, date: '2024-05', url: null },
    });
    expectSameLists(store);
  });

  it('find a source changed behind the store out of date, though its stored hash is gone', async () => {
    const store = await starterStore('unhashed');
    const [id, origin, translated] = store.db
      .prepare(
        `SELECT t.piece_id, t.source_locale, t.locale FROM texts t JOIN pieces p ON p.id = t.piece_id
         WHERE p.kind = 'note' AND t.field = 'body' AND t.source_locale IS NOT NULL ORDER BY 1, 3 LIMIT 1`,
      )
      .raw()
      .get() as [string, Locale, Locale];
    const stateIn = () => listEntries(store, 'notes', 'en').find((n) => n.id === id)!.states[translated];
    expect(stateIn()).not.toBe('stale');
    const hashOf = () =>
      store.db.prepare("SELECT body_hash FROM texts WHERE piece_id = ? AND field = 'body' AND locale = ?").pluck().get(id, origin);
    expect(hashOf()).toHaveLength(64);
    // Not through the store: the body changes, its hash does not, so the hash is dropped.
    store.db.prepare("UPDATE texts SET body = body || ' (revised)' WHERE piece_id = ? AND field = 'body' AND locale = ?").run(id, origin);
    expect(hashOf()).toBeNull();
    expect(stateIn()).toBe('stale');
    expectSameLists(store);
  });
  it('are patched after a write through the gate to exactly what a fresh read gives, reading only the pieces it touched', async () => {
    const store = await starterStore('patched');
    applyLibraryDocument(store, scaleLibrary(store.readDocument(), 3));
    for (const kind of LIST_KINDS) for (const locale of LOCALES) listEntries(store, kind, locale);
    const doc = store.readDocument();
    const [renamed, moved] = doc.notes;
    const source = doc.sources[0]!;
    const meeting = doc.meetings[0]!;
    const newNote = { ...renamed!, id: 'note-patched-new', date: '2031-01-01', title: tri('Zzz new', 'Zzz nouvelle', 'Zzz nueva') };
    const read = vi.spyOn(store.db, 'prepare');
    applyLibraryDocument(store, {
      ...emptyDocument(),
      notes: [
        { ...renamed!, title: { ...renamed!.title, en: { text: 'Aaa renamed first', status: 'draft' as const } } },
        { ...moved!, date: '1999-12-31' },
        newNote,
      ],
      sources: [{ ...source, title: tri('Aaa source first', 'Aaa source', 'Aaa fuente') }],
      meetings: [{ ...meeting, startDate: '2000-01-01', endDate: '2000-01-02' }],
    });
    for (const kind of ['notes', 'sources', 'meetings', 'priorities', 'instruments'] as const) {
      for (const locale of LOCALES) expect(listEntries(store, kind, locale), `${kind} in ${locale}`).toEqual(readListEntries(store, kind, locale));
    }
    const textReads = read.mock.calls.map(([sql]) => String(sql)).filter((sql) => sql.includes('json_array(f.piece_id'));
    read.mockRestore();
    // Each patch read its touched pieces only (the fresh reads above are the whole ones).
    expect(textReads.filter((sql) => sql.includes('p.id IN')).length).toBeGreaterThan(0);
    expect(listEntries(store, 'notes', 'en')[0]!.id).toBe('note-patched-new');
    expect(listEntries(store, 'notes', 'en').at(-1)!.id).toBe(moved!.id);
    // A delete through the gate drops the piece from the remembered list.
    deletePiece(store, new Trash(), { id: newNote.id, locale: 'en', removeReferences: true });
    expect(listEntries(store, 'notes', 'en').some((n) => n.id === newNote.id)).toBe(false);
    expectSameLists(store);
  });
  it('are read again after any change (the store, plain SQL, another connection) and only then', async () => {
    const store = await starterStore('remembered');
    const first = listEntries(store, 'notes', 'en');
    const read = vi.spyOn(store.db, 'prepare');
    const again = listEntries(store, 'notes', 'en');
    // Nothing changed: the same rows, without a query for them (only the stamp's), in an array of its own.
    expect(again).toEqual(first);
    expect(again).not.toBe(first);
    expect(read.mock.calls.filter(([sql]) => /FROM texts|json_group_array/.test(String(sql)))).toEqual([]);
    read.mockRestore();
    const note = store.readDocument().notes[0]!;
    // Through the store (the single write gate).
    const doc = store.readDocument();
    applyLibraryDocument(store, { ...doc, notes: doc.notes.map((n) => (n.id === note.id ? { ...n, title: { ...n.title, en: { text: 'Renamed through the store', status: 'draft' as const } } } : n)) });
    expect(listEntries(store, 'notes', 'en').find((n) => n.id === note.id)!.title).toBe('Renamed through the store');
    // Another connection's commit, as another program (the CLI) would make it.
    const file = store.db.name;
    const other = new Database(file);
    other.prepare("UPDATE texts SET body = 'Renamed by another program' WHERE piece_id = ? AND field = 'title' AND locale = 'en'").run(note.id);
    other.close();
    expect(listEntries(store, 'notes', 'en').find((n) => n.id === note.id)!.title).toBe('Renamed by another program');
    expectSameLists(store);
  });
});
