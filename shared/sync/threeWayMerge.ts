import { canonicalJson } from '../domain/canonicalJson';
import { LOCALES, type Locale } from '../domain/locales';
import { DESCRIPTORS, kindOfCollection } from '../descriptors/descriptors';
import type { LocalizedDoc } from '../schemas/common';
import { LIBRARY_COLLECTIONS, type LibraryCollection } from '../schemas/libraryCollections';
import type { LibraryDocument } from '../schemas/libraryDocument';

/** Who made each side, as the conflict will show it: a user and their office. */
export interface MergeAuthors {
  ours: string;
  theirs: string;
}

/**
 * Two different changes to one cell (piece × field × language), or a piece one side deleted
 * while the other edited it. Absent values are null, so a conflict can be stored as JSON.
 */
export interface MergeConflict {
  kind: 'cell' | 'deletedEdited';
  collection: LibraryCollection;
  pieceId: string;
  /** The field; null for a whole piece (deletedEdited). */
  field: string | null;
  /** The language of a text cell; null for a field that is not a text, or a whole piece. */
  locale: Locale | null;
  base: unknown;
  ours: unknown;
  theirs: unknown;
  oursBy: string;
  theirsBy: string;
}

export interface MergeResult {
  /** The merged library; each conflicted cell holds ours until the conflict is resolved. */
  merged: LibraryDocument;
  conflicts: MergeConflict[];
}

type AnyRecord = Record<string, unknown>;

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const idOf = (collection: LibraryCollection, record: AnyRecord) => String(collection === 'countries' ? record.code : record.id);
const same = (a: unknown, b: unknown) => a === b || canonicalJson(a ?? null) === canonicalJson(b ?? null);

/**
 * Three-way merge of two libraries that share an ancestor. Each cell is compared with the base:
 * changed on one side only ⇒ that change; the same change on both ⇒ it; two different changes ⇒
 * a conflict, never a silent winner and never a blend of the two. A text moves with its status,
 * source, source hash and approval (the whole entry is the cell), so an approval never lands on
 * words it did not approve. Lists (a pack's sections, references, tags) are one cell each.
 */
export function mergeLibraries(base: LibraryDocument, ours: LibraryDocument, theirs: LibraryDocument, who: MergeAuthors): MergeResult {
  const conflicts: MergeConflict[] = [];
  const merged = { format: ours.format, formatVersion: ours.formatVersion } as LibraryDocument;
  for (const collection of LIBRARY_COLLECTIONS) {
    const index = (doc: LibraryDocument) => new Map((doc[collection] as AnyRecord[]).map((r) => [idOf(collection, r), r]));
    const [b, o, t] = [index(base), index(ours), index(theirs)];
    const ids = [...new Set([...b.keys(), ...o.keys(), ...t.keys()])].sort(compare);
    const out: AnyRecord[] = [];
    for (const id of ids) {
      const record = mergePiece(collection, id, b.get(id), o.get(id), t.get(id), who, conflicts);
      if (record) out.push(record);
    }
    (merged as unknown as Record<LibraryCollection, AnyRecord[]>)[collection] = out;
  }
  return { merged, conflicts };
}

function mergePiece(
  collection: LibraryCollection,
  pieceId: string,
  base: AnyRecord | undefined,
  ours: AnyRecord | undefined,
  theirs: AnyRecord | undefined,
  who: MergeAuthors,
  conflicts: MergeConflict[],
): AnyRecord | undefined {
  if (!ours || !theirs) {
    const kept = ours ?? theirs;
    // Added on one side, or deleted on both.
    if (!base || !kept) return kept;
    // Deleted on one side: gone if the other left it as it was; kept (and flagged) if edited.
    if (same(base, kept)) return undefined;
    conflicts.push({
      kind: 'deletedEdited',
      collection,
      pieceId,
      field: null,
      locale: null,
      base,
      ours: ours ?? null,
      theirs: theirs ?? null,
      oursBy: who.ours,
      theirsBy: who.theirs,
    });
    return kept;
  }
  // The common cases, without walking the cells.
  if (same(ours, theirs)) return ours;
  if (base && same(base, ours)) return theirs;
  if (base && same(base, theirs)) return ours;

  const kind = kindOfCollection(collection)!;
  const out: AnyRecord = {};
  const cell = (field: string, locale: Locale | null, b: unknown, o: unknown, t: unknown): unknown => {
    if (same(o, t)) return o;
    if (same(b, o)) return t;
    if (same(b, t)) return o;
    conflicts.push({
      kind: 'cell',
      collection,
      pieceId,
      field,
      locale,
      base: b ?? null,
      ours: o ?? null,
      theirs: t ?? null,
      oursBy: who.ours,
      theirsBy: who.theirs,
    });
    return o;
  };
  for (const [field, spec] of Object.entries(DESCRIPTORS[kind].fields)) {
    const [b, o, t] = [base?.[field], ours[field], theirs[field]];
    if (spec.type !== 'localized') {
      out[field] = cell(field, null, b, o, t);
      continue;
    }
    const text: LocalizedDoc = {};
    for (const locale of LOCALES) {
      const entry = cell(field, locale, (b as LocalizedDoc | null)?.[locale], (o as LocalizedDoc | null)?.[locale], (t as LocalizedDoc | null)?.[locale]);
      if (entry) text[locale] = entry as LocalizedDoc[Locale];
    }
    out[field] = Object.keys(text).length > 0 ? text : null;
  }
  return out;
}
