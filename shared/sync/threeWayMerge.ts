import { canonicalJson } from '../domain/canonicalJson';
import { LOCALES, type Locale } from '../domain/locales';
import { DESCRIPTORS, kindOfCollection } from '../descriptors/descriptors';
import type { PieceKind } from '../domain/pieceKinds';
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
  /** The pack's section (its id) when the cell or the deleted piece is one of a pack's sections. */
  section: string | null;
  /** The field; null for a whole piece (deletedEdited). The order of a pack's sections is its field `sections`. */
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
 * words it did not approve. A pack's sections are merged by id, each a piece of its own, and
 * their order is one more cell; other lists (references, tags, a section's items) are one cell each.
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
      const record = mergePiece({ collection, pieceId: id, section: null, who, conflicts }, kindOfCollection(collection)!, b.get(id), o.get(id), t.get(id));
      if (record) out.push(record);
    }
    (merged as unknown as Record<LibraryCollection, AnyRecord[]>)[collection] = out;
  }
  return { merged, conflicts };
}

/** Where the conflicts of one piece go, and whom they name. */
interface PieceContext {
  collection: LibraryCollection;
  pieceId: string;
  section: string | null;
  who: MergeAuthors;
  conflicts: MergeConflict[];
}

function mergePiece(
  context: PieceContext,
  kind: PieceKind,
  base: AnyRecord | undefined,
  ours: AnyRecord | undefined,
  theirs: AnyRecord | undefined,
): AnyRecord | undefined {
  const { collection, pieceId, section, who, conflicts } = context;
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
      section,
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

  const out: AnyRecord = {};
  const cell = (field: string, locale: Locale | null, b: unknown, o: unknown, t: unknown): unknown => {
    if (same(o, t)) return o;
    if (same(b, o)) return t;
    if (same(b, t)) return o;
    conflicts.push({
      kind: 'cell',
      collection,
      pieceId,
      section,
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
    if (spec.type === 'sections') {
      out[field] = mergeSections(context, base !== undefined, (b as AnyRecord[] | undefined) ?? [], o as AnyRecord[], t as AnyRecord[], cell);
      continue;
    }
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

type Cell = (field: string, locale: Locale | null, b: unknown, o: unknown, t: unknown) => unknown;

/**
 * A pack's sections by id, each merged as a piece of its own (so two offices editing different
 * sections, or adding one each, never conflict), and their order as one more cell: the order of
 * the sections all three sides have, taken from the side that changed it (two different changes:
 * ours, with a conflict on the field `sections`). A section one side added goes after the section
 * it followed on that side.
 */
function mergeSections(context: PieceContext, hasBase: boolean, b: AnyRecord[], o: AnyRecord[], t: AnyRecord[], cell: Cell): AnyRecord[] {
  const index = (list: AnyRecord[]) => new Map(list.map((s) => [String(s.id), s]));
  const [bi, oi, ti] = [index(b), index(o), index(t)];
  const kept = new Map<string, AnyRecord>();
  for (const id of [...new Set([...oi.keys(), ...ti.keys(), ...bi.keys()])]) {
    const section = mergePiece({ ...context, section: id }, 'section', hasBase ? bi.get(id) : undefined, oi.get(id), ti.get(id));
    if (section) kept.set(id, section);
  }
  const ids = (list: AnyRecord[]) => list.map((s) => String(s.id));
  const shared = (list: AnyRecord[]) => ids(list).filter((id) => kept.has(id) && oi.has(id) && ti.has(id) && (!hasBase || bi.has(id)));
  const [bo, oo, to] = [shared(b), shared(o), shared(t)];
  let order: string[];
  if (same(oo, to)) order = oo;
  else if (hasBase && same(bo, oo)) order = to;
  else if (hasBase && same(bo, to)) order = oo;
  else {
    // The conflict shows each side's whole order, as its office saw it.
    cell('sections', null, hasBase ? ids(b) : null, ids(o), ids(t));
    order = oo;
  }
  const placed = [...order];
  const added = new Set<string>();
  for (const side of [ids(o), ids(t)]) {
    side.forEach((id, at) => {
      if (!kept.has(id) || placed.includes(id)) return;
      const after = side.slice(0, at).reverse().find((prev) => placed.includes(prev));
      // After sections the other side added at the same place: ours' new ones come first.
      let where = after === undefined ? 0 : placed.indexOf(after) + 1;
      while (where < placed.length && added.has(placed[where]!) && !side.includes(placed[where]!)) where++;
      placed.splice(where, 0, id);
      added.add(id);
    });
  }
  return placed.map((id) => kept.get(id)!);
}
