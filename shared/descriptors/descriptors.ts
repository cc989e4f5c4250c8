import type { PieceKind } from '../domain/pieceKinds';
import type { FieldSpec } from './FieldSpec';
import type { KindDescriptor } from './KindDescriptor';
import { countryDescriptor } from './countryDescriptor';
import { instrumentDescriptor } from './instrumentDescriptor';
import { meetingDescriptor } from './meetingDescriptor';
import { networkDescriptor } from './networkDescriptor';
import { noteDescriptor } from './noteDescriptor';
import { packDescriptor, sectionDescriptor } from './packDescriptor';
import { priorityDescriptor } from './priorityDescriptor';
import { sourceDescriptor } from './sourceDescriptor';

/** One descriptor per piece kind; the one table every generic reader starts from. */
export const DESCRIPTORS: Record<PieceKind, KindDescriptor> = {
  source: sourceDescriptor,
  country: countryDescriptor,
  network: networkDescriptor,
  meeting: meetingDescriptor,
  priority: priorityDescriptor,
  instrument: instrumentDescriptor,
  note: noteDescriptor,
  pack: packDescriptor,
  section: sectionDescriptor,
};

export function descriptorOf(kind: PieceKind): KindDescriptor {
  return DESCRIPTORS[kind];
}

export interface NamedField extends FieldSpec {
  name: string;
}

export function fieldsOf(kind: PieceKind): NamedField[] {
  return Object.entries(DESCRIPTORS[kind].fields).map(([name, spec]) => ({ name, ...spec }));
}

/** The fields of a kind that hold texts in three languages: the translator's and XLIFF's units. */
export function translatableFields(kind: PieceKind): NamedField[] {
  return fieldsOf(kind).filter((f) => f.type === 'localized');
}

/** Localized fields a record of the kind always has (no text at all: missing everywhere). */
export function requiredTextFields(kind: PieceKind): string[] {
  return translatableFields(kind).filter((f) => f.required).map((f) => f.name);
}

export function optionalTextFields(kind: PieceKind): string[] {
  return translatableFields(kind).filter((f) => !f.required).map((f) => f.name);
}

/** The field that names a piece of the kind. */
export function titleFieldOf(kind: PieceKind): string {
  return DESCRIPTORS[kind].titleField;
}

/** A text field's limit: a body may be long, a title-like text is short. */
export function textLimitOf(kind: PieceKind, field: string): number | undefined {
  return DESCRIPTORS[kind].fields[field]?.max;
}

/** Kinds whose texts a translator works on: every kind with a localized field. */
export const TRANSLATABLE_KIND_LIST: PieceKind[] = (Object.keys(DESCRIPTORS) as PieceKind[]).filter((k) => translatableFields(k).length > 0);

/**
 * The label key of a field named `name` in `kind`, or, with no kind, in whichever kind has a field
 * of that name (field names mean the same across kinds).
 */
export function fieldLabelKey(name: string, kind?: PieceKind): string | undefined {
  if (kind) return DESCRIPTORS[kind].fields[name]?.label;
  for (const descriptor of Object.values(DESCRIPTORS)) {
    const spec = descriptor.fields[name];
    if (spec) return spec.label;
  }
  return undefined;
}

/** The kind stored in a document collection (`notes` → note). */
export function kindOfCollection(collection: string): PieceKind | undefined {
  return (Object.values(DESCRIPTORS).find((d) => d.collection === collection)?.kind) ?? undefined;
}
