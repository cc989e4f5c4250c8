import type { PieceKind } from '../domain/pieceKinds';
import type { LibraryDocument } from '../schemas/libraryDocument';
import { DESCRIPTORS } from './descriptors';

/** One reference from a record to another piece, with the path of the field that holds it. */
export interface Reference {
  /** The referring piece (a section's pack for a section item). */
  fromKind: PieceKind;
  fromId: string;
  /** Field path inside the referring record (`priorities.2`, `sections.0.items.1.ref`). */
  path: (string | number)[];
  /** The field's name in its own kind, for its label. */
  field: string;
  toKind: PieceKind;
  toId: string;
}

type AnyRecord = Record<string, unknown>;

/** Every reference one record of `kind` makes, read from its descriptor's ref and refs fields. */
export function* referencesIn(kind: PieceKind, record: AnyRecord, fromId?: string, base: (string | number)[] = []): Generator<Reference> {
  const descriptor = DESCRIPTORS[kind];
  const id = fromId ?? String(record[descriptor.idField]);
  for (const [name, spec] of Object.entries(descriptor.fields)) {
    const value = record[name];
    if (spec.type === 'ref' && spec.refKind && typeof value === 'string') {
      yield { fromKind: kind, fromId: id, path: [...base, name], field: name, toKind: spec.refKind, toId: value };
    } else if (spec.type === 'refs' && Array.isArray(value)) {
      for (const [j, item] of value.entries()) {
        if (spec.refKind && typeof item === 'string') {
          yield { fromKind: kind, fromId: id, path: [...base, name, j], field: name, toKind: spec.refKind, toId: item };
        } else if (!spec.refKind && item && typeof item === 'object') {
          // A pack item names its own kind.
          const { kind: toKind, ref } = item as { kind: PieceKind; ref: string };
          yield { fromKind: kind, fromId: id, path: [...base, name, j, 'ref'], field: name, toKind, toId: ref };
        }
      }
    } else if (spec.type === 'sections' && Array.isArray(value)) {
      for (const [j, section] of value.entries()) {
        // Named by the pack that holds the section: that is what a reader knows.
        for (const ref of referencesIn('section', section as AnyRecord, id, [...base, name, j])) yield { ...ref, fromKind: kind };
      }
    }
  }
}

/** Every reference in a document, collection by collection. */
export function* allReferences(doc: LibraryDocument): Generator<Reference & { collection: string; index: number }> {
  for (const descriptor of Object.values(DESCRIPTORS)) {
    if (!descriptor.collection) continue;
    const records = (doc as unknown as Record<string, AnyRecord[]>)[descriptor.collection] ?? [];
    for (const [index, record] of records.entries()) {
      for (const ref of referencesIn(descriptor.kind, record)) yield { ...ref, collection: descriptor.collection, index };
    }
  }
}

/**
 * What refers to the piece `kind`/`id` in a document: the delete check. A record referring to
 * itself (an instrument its own parent) is not listed; checkLibraryDocument refuses those anyway.
 */
export function referencesTo(doc: LibraryDocument, kind: PieceKind, id: string): Reference[] {
  const found: Reference[] = [];
  for (const ref of allReferences(doc)) {
    if (ref.toKind === kind && ref.toId === id && !(ref.fromKind === kind && ref.fromId === id)) {
      const { collection: _c, index: _i, ...plain } = ref;
      found.push(plain);
    }
  }
  return found;
}
