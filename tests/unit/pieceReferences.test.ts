import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STARTER_LIBRARY_PATH } from '../../main/services/loadStarterLibrary';
import type { LibraryDocument } from '../../shared/schemas/libraryDocument';
import { LIBRARY_COLLECTIONS } from '../../shared/schemas/libraryCollections';
import {
  REFERENCE_FIELDS,
  findReferences,
  kindOfCollection,
  recordKey,
  withReferencesRestored,
  withResolvableReferences,
  withoutReferences,
} from '../../shared/domain/pieceReferences';
import { EMPTY_LOOKUP, checkLibraryDocument } from '../../shared/schemas/checkLibraryDocument';
import { allReferences } from '../../shared/descriptors/references';
import { DESCRIPTORS } from '../../shared/descriptors/descriptors';
import type { FieldSpec } from '../../shared/descriptors/FieldSpec';

const starter = (): LibraryDocument => JSON.parse(fs.readFileSync(STARTER_LIBRARY_PATH, 'utf8')) as LibraryDocument;

/** The document with `changed` records put in place of the originals. */
function merged(doc: LibraryDocument, changed: Partial<Record<string, Record<string, unknown>[]>>): LibraryDocument {
  const out = JSON.parse(JSON.stringify(doc)) as LibraryDocument;
  for (const [collection, records] of Object.entries(changed)) {
    const list = out[collection as keyof LibraryDocument] as unknown as object[];
    for (const record of records ?? []) {
      const i = list.findIndex((r) => recordKey(r) === recordKey(record));
      list[i] = record;
    }
  }
  return out;
}

const everyPiece = (doc: LibraryDocument) =>
  LIBRARY_COLLECTIONS.flatMap((c) => (doc[c] as object[]).map((r) => ({ collection: c, id: recordKey(r), kind: kindOfCollection(c) })));

describe('references between pieces', () => {
  it('checks the exchange format knows every field the table lists', () => {
    const doc = starter();
    for (const ref of REFERENCE_FIELDS) {
      const sample = (doc[ref.collection] as unknown as Record<string, unknown>[])[0]!;
      expect(Object.keys(sample), `${ref.collection}.${ref.field}`).toContain(ref.field);
    }
  });

  it('lists exactly the references the import check resolves, so a new one cannot be left dangling by a delete', () => {
    // Every reference the check follows in the starter library (pack items apart) has its row.
    const checked = new Set(
      [...allReferences(starter())].filter((r) => r.field !== 'items').map((r) => `${r.collection}.${r.path[0]}→${r.toKind}`),
    );
    expect(checked.size).toBeGreaterThan(10);
    const table = new Set(REFERENCE_FIELDS.map((r) => `${r.collection}.${r.field}→${r.to}`));
    for (const ref of checked) expect(table, ref).toContain(ref);
    // And the table names no field the descriptors do not declare as a reference.
    expect([...table].sort()).toEqual(
      Object.values(DESCRIPTORS)
        .filter((d) => d.collection)
        .flatMap((d) =>
          Object.entries(d.fields as Record<string, FieldSpec>)
            .filter(([, f]) => (f.type === 'ref' || f.type === 'refs') && f.refKind)
            .map(([name, f]) => `${d.collection}.${name}→${f.refKind}`),
        )
        .sort(),
    );
  });

  it('for every piece of the starter library: removing its references leaves none, and a document that still checks clean without it', () => {
    const doc = starter();
    for (const piece of everyPiece(doc)) {
      const sites = findReferences(doc, piece.id, piece.kind);
      if (sites.some((s) => s.required)) continue;
      const without = merged(doc, withoutReferences(doc, piece.id, sites));
      expect(findReferences(without, piece.id, piece.kind), piece.id).toEqual([]);
      // Drop the piece itself (a pack takes its sections along): nothing dangles.
      (without[piece.collection] as object[]) = (without[piece.collection] as object[]).filter((r) => recordKey(r) !== piece.id);
      expect(checkLibraryDocument(without, EMPTY_LOOKUP), piece.id).toEqual([]);
    }
  });

  it('for every piece: restoring the references removed gives back the very same records', () => {
    const doc = starter();
    for (const piece of everyPiece(doc)) {
      const sites = findReferences(doc, piece.id, piece.kind);
      const without = merged(doc, withoutReferences(doc, piece.id, sites));
      const back = withReferencesRestored(without, piece.id, piece.kind, sites.filter((s) => !s.required));
      expect(back.dropped, piece.id).toBe(0);
      const restored = merged(without, back.records);
      // Lists are compared as sets where the format sorts them; pack items keep their order.
      expect(JSON.stringify(restored, sortLists), piece.id).toBe(JSON.stringify(doc, sortLists));
    }
  });

  it('a meeting needs its host country and network: those references are required, never removed', () => {
    const doc = starter();
    const sites = findReferences(doc, 'PA', 'country');
    expect(sites.filter((s) => s.required).map((s) => `${s.collection}.${s.field}`)).toEqual(['meetings.hostCountry']);
    const changed = withoutReferences(doc, 'PA', sites);
    // Panama stays the host; only its place among the participants (not required) goes.
    expect(changed.meetings?.map((m) => m.hostCountry)).toEqual(['PA']);
    expect(changed.meetings?.[0]?.participants).not.toContain('PA');
    expect(changed.meetings?.[0]?.participants).toHaveLength(doc.meetings[0]!.participants.length - 1);
  });

  it('a restored record drops references to pieces gone since, and keeps required ones for the check to name', () => {
    const doc = starter();
    const note = doc.notes[0]!;
    const gone = new Set([note.instruments[0]!, note.sources[0]!]);
    const { record, dropped } = withResolvableReferences('notes', note, (id) => !gone.has(id));
    expect(dropped).toBe(2);
    expect(record.instruments).not.toContain(note.instruments[0]);
    const meeting = withResolvableReferences('meetings', doc.meetings[0]!, () => false);
    expect(meeting.record.hostCountry).toBe(doc.meetings[0]!.hostCountry);
    expect(meeting.record.sources).toEqual([]);
  });
});

function sortLists(this: unknown, key: string, value: unknown): unknown {
  if (key !== 'items' && Array.isArray(value) && value.every((v) => typeof v === 'string')) return [...value].sort();
  return value;
}
