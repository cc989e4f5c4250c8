import type { PieceKind } from '../domain/pieceKinds';
import { DESCRIPTORS, translatableFields } from '../descriptors/descriptors';
import type { LocalizedDoc } from './common';
import type { LibraryDocument } from './libraryDocument';

/** One localized field of one piece in an exchange document (sections are pieces of their own). */
export interface LocalizedField {
  pieceId: string;
  kind: PieceKind;
  field: string;
  value: LocalizedDoc;
}

type AnyRecord = Record<string, unknown>;

/** The localized fields of one record, by its kind's descriptor (null: no text in any language). */
export function textsOf(kind: PieceKind, record: object): Record<string, LocalizedDoc | null> {
  const out: Record<string, LocalizedDoc | null> = {};
  for (const { name } of translatableFields(kind)) out[name] = ((record as AnyRecord)[name] as LocalizedDoc | null | undefined) ?? null;
  return out;
}

/**
 * Every localized text of a document, with the piece and field it is stored under: the same
 * names the store writes (LibraryStore.write*), so a document and the texts table can be matched.
 */
export function* localizedFields(doc: LibraryDocument): Generator<LocalizedField> {
  const of = function* (kind: PieceKind, record: AnyRecord): Generator<LocalizedField> {
    const pieceId = String(record[DESCRIPTORS[kind].idField]);
    for (const [field, value] of Object.entries(textsOf(kind, record))) if (value) yield { pieceId, kind, field, value };
    for (const [name, spec] of Object.entries(DESCRIPTORS[kind].fields)) {
      if (spec.type === 'sections') for (const section of (record[name] as AnyRecord[]) ?? []) yield* of('section', section);
    }
  };
  for (const descriptor of Object.values(DESCRIPTORS)) {
    if (!descriptor.collection) continue;
    for (const record of (doc as unknown as Record<string, AnyRecord[]>)[descriptor.collection] ?? []) yield* of(descriptor.kind, record);
  }
}
