import type { LibraryCollection, LibraryDocument, PackDoc } from '../schemas/libraryDocument';
import type { PieceKind } from './pieceKinds';
import { DESCRIPTORS } from '../descriptors/descriptors';
import type { FieldSpec } from '../descriptors/FieldSpec';

type RecordCollection = Exclude<LibraryCollection, 'packs'>;

/** One field of a record that names another piece. */
export interface ReferenceField {
  collection: RecordCollection | 'packs';
  field: string;
  to: PieceKind;
  many: boolean;
  /** The referring piece cannot do without it (a meeting's network): it is changed or deleted first. */
  required: boolean;
  /** Its label in the interface (`ui:fields.<label>`). */
  label: string;
}

/**
 * Every field of the exchange format that refers to another piece (pack items apart: a section
 * lists pieces of several kinds), read from the kinds' descriptors: deleting, restoring and the
 * list of what refers to a piece see exactly the references the format checks.
 */
export const REFERENCE_FIELDS: readonly ReferenceField[] = Object.values(DESCRIPTORS).flatMap((descriptor) =>
  descriptor.collection === null
    ? []
    : Object.entries(descriptor.fields as Record<string, FieldSpec>).flatMap(([field, spec]): ReferenceField[] =>
        (spec.type === 'ref' || spec.type === 'refs') && spec.refKind
          ? [
              {
                collection: descriptor.collection as ReferenceField['collection'],
                field,
                to: spec.refKind,
                many: spec.type === 'refs',
                // The referring piece cannot do without it (a meeting's network): required fields only.
                required: spec.type === 'ref' && spec.required,
                label: spec.label.replace(/^ui:fields\./, ''),
              },
            ]
          : [],
      ),
);

/** Where a piece is named: a record's field, or (field `items`) an item of a pack's section. */
export interface ReferenceSite {
  collection: LibraryCollection;
  /** The referring record's id (a country's code). */
  fromId: string;
  field: string;
  label: string;
  required: boolean;
  /** Pack items only: the section, and where in it the piece was. */
  sectionId?: string;
  position?: number;
}

type AnyRecord = Record<string, unknown>;
// In a file of its own (no descriptors, no zod), so the interface's first bundle can use it.
export { recordKey } from './recordKey';
import { recordKey } from './recordKey';

const COLLECTION_OF: Record<PieceKind, LibraryCollection | null> = {
  source: 'sources',
  country: 'countries',
  network: 'networks',
  meeting: 'meetings',
  priority: 'priorities',
  instrument: 'instruments',
  note: 'notes',
  pack: 'packs',
  section: null,
};
export const collectionOfKind = (kind: PieceKind): LibraryCollection | null => COLLECTION_OF[kind];
export const kindOfCollection = (collection: LibraryCollection): PieceKind =>
  (Object.keys(COLLECTION_OF) as PieceKind[]).find((k) => COLLECTION_OF[k] === collection)!;

const records = (doc: LibraryDocument, collection: LibraryCollection) => doc[collection] as unknown as AnyRecord[];

/** Every place in the document that names the piece `id` of `kind`, in document order. */
export function findReferences(doc: LibraryDocument, id: string, kind: PieceKind): ReferenceSite[] {
  const sites: ReferenceSite[] = [];
  for (const ref of REFERENCE_FIELDS) {
    if (ref.to !== kind) continue;
    for (const record of records(doc, ref.collection)) {
      const value = record[ref.field];
      const hit = ref.many ? Array.isArray(value) && value.includes(id) : value === id;
      if (hit && recordKey(record) !== id) {
        sites.push({ collection: ref.collection, fromId: recordKey(record), field: ref.field, label: ref.label, required: ref.required });
      }
    }
  }
  for (const pack of doc.packs) {
    for (const section of pack.sections) {
      section.items.forEach((item, position) => {
        if (item.ref === id && item.kind === kind) {
          sites.push({ collection: 'packs', fromId: pack.id, field: 'items', label: 'sectionItems', required: false, sectionId: section.id, position });
        }
      });
    }
  }
  return sites;
}

// Records are plain JSON (the exchange format), so a JSON round trip is a deep copy.
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** The referring records of `sites`, each changed so it no longer names `id` (a required site is left as is). */
export function withoutReferences(doc: LibraryDocument, id: string, sites: readonly ReferenceSite[]): Partial<Record<LibraryCollection, AnyRecord[]>> {
  const changed = new Map<string, { collection: LibraryCollection; record: AnyRecord }>();
  const copyOf = (collection: LibraryCollection, fromId: string) => {
    const key = `${collection}\u0000${fromId}`;
    let entry = changed.get(key);
    if (!entry) {
      const original = records(doc, collection).find((r) => recordKey(r) === fromId);
      if (!original) return null;
      entry = { collection, record: clone(original) };
      changed.set(key, entry);
    }
    return entry.record;
  };
  for (const site of sites) {
    if (site.required) continue;
    const record = copyOf(site.collection, site.fromId);
    if (!record) continue;
    if (site.field === 'items') {
      for (const section of (record as unknown as PackDoc).sections) {
        if (section.id === site.sectionId) section.items = section.items.filter((item) => item.ref !== id);
      }
    } else if (Array.isArray(record[site.field])) {
      record[site.field] = (record[site.field] as string[]).filter((x) => x !== id);
    } else {
      record[site.field] = null;
    }
  }
  const out: Partial<Record<LibraryCollection, AnyRecord[]>> = {};
  for (const { collection, record } of changed.values()) (out[collection] ??= []).push(record);
  return out;
}

/**
 * The referring records that still exist, changed to name `id` again where they named it before
 * (a pack item back at its place; a single field only if it is still empty). Sites whose record or
 * section is gone are counted as dropped.
 */
export function withReferencesRestored(
  doc: LibraryDocument,
  id: string,
  kind: PieceKind,
  sites: readonly ReferenceSite[],
): { records: Partial<Record<LibraryCollection, AnyRecord[]>>; restored: number; dropped: number } {
  const changed = new Map<string, { collection: LibraryCollection; record: AnyRecord }>();
  let restored = 0;
  let dropped = 0;
  // Pack items go back lowest position first: each lands where it was, before the later ones.
  const ordered = [...sites].sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
  for (const site of ordered) {
    const key = `${site.collection}\u0000${site.fromId}`;
    let entry = changed.get(key);
    if (!entry) {
      const original = records(doc, site.collection).find((r) => recordKey(r) === site.fromId);
      if (!original) {
        dropped++;
        continue;
      }
      entry = { collection: site.collection, record: clone(original) };
      changed.set(key, entry);
    }
    const record = entry.record;
    if (site.field === 'items') {
      const section = (record as unknown as PackDoc).sections.find((s) => s.id === site.sectionId);
      if (!section) {
        dropped++;
        continue;
      }
      section.items.splice(Math.min(site.position ?? 0, section.items.length), 0, { kind: kind as never, ref: id });
    } else if (Array.isArray(record[site.field])) {
      const list = record[site.field] as string[];
      if (!list.includes(id)) list.push(id);
    } else if (record[site.field] === null) {
      record[site.field] = id;
    } else {
      dropped++;
      continue;
    }
    restored++;
  }
  const out: Partial<Record<LibraryCollection, AnyRecord[]>> = {};
  for (const { collection, record } of changed.values()) (out[collection] ??= []).push(record);
  return { records: out, restored, dropped };
}

/**
 * A deleted record made fit to come back: optional references to pieces that no longer exist
 * are dropped (pack items among them); required ones are kept, for the check to name.
 */
export function withResolvableReferences<T extends object>(
  collection: LibraryCollection,
  record: T,
  exists: (id: string, kind: PieceKind) => boolean,
): { record: T; dropped: number } {
  const copy = clone(record) as AnyRecord;
  let dropped = 0;
  for (const ref of REFERENCE_FIELDS) {
    if (ref.collection !== collection || ref.required) continue;
    const value = copy[ref.field];
    if (ref.many && Array.isArray(value)) {
      const kept = (value as string[]).filter((x) => exists(x, ref.to));
      dropped += value.length - kept.length;
      copy[ref.field] = kept;
    } else if (typeof value === 'string' && !exists(value, ref.to)) {
      copy[ref.field] = null;
      dropped++;
    }
  }
  if (collection === 'packs') {
    for (const section of (copy as unknown as PackDoc).sections) {
      const kept = section.items.filter((item) => exists(item.ref, item.kind));
      dropped += section.items.length - kept.length;
      section.items = kept;
    }
  }
  return { record: copy as T, dropped };
}
