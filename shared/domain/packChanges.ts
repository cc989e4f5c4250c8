import { LOCALES, type Locale } from './locales';
import type { PieceKind } from './pieceKinds';
import { canonicalJson } from './canonicalJson';
import type { LocalizedDoc, LocalizedTextDoc } from '../schemas/common';
import { textsOf } from '../schemas/localizedFields';
import { titleFieldOf } from '../descriptors/descriptors';

/**
 * What changed in a pack between an earlier build and the library now: the one rule behind the
 * changes page of a PDF, its change bars and the comparison screen.
 *
 * - text: the source language's text (the one not translated from another) changed;
 * - translation: a text in another language changed, appeared or went;
 * - status: a text's translation status or approval changed, its words did not;
 * - details: the piece changed outside its texts (a date, a list of sources, the order of items).
 */
export const CHANGE_KINDS = ['text', 'translation', 'status', 'details'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** One text cell (piece, field, language) that changed; `paragraphs`: indexes of changed paragraphs in the text now. */
export interface CellChange {
  pieceId: string;
  field: string;
  locale: Locale;
  kind: Exclude<ChangeKind, 'details'>;
  before: string | null;
  after: string | null;
  paragraphs: number[];
}

export interface PieceChange {
  pieceId: string;
  kind: PieceKind;
  change: 'added' | 'removed' | 'changed';
  /** The kinds of change, in CHANGE_KINDS order (empty for added and removed pieces). */
  kinds: ChangeKind[];
  cells: CellChange[];
  /** Its title field's value (now, or at the build for a removed one): name it with pieceTitle(kind, pieceId, title, locale). */
  title: LocalizedDoc | null;
}

export interface SectionChanges {
  /** null: pieces the pack uses outside its sections (the pack itself, its meeting, sources). */
  sectionId: string | null;
  title: LocalizedDoc | null;
  change: 'added' | 'removed' | 'kept';
  pieces: PieceChange[];
}

export interface PackChanges {
  sections: SectionChanges[];
  /** Pieces the pack holds (not the pack's own record, nor its sections). */
  counts: { added: number; removed: number; changed: number };
}

type Rec = Record<string, unknown>;
/** A piece as a build or the library holds it. */
export interface PieceAt {
  kind: PieceKind;
  record: Rec;
}

interface SectionRec {
  id: string;
  title?: LocalizedDoc;
  items?: { kind: string; ref: string }[];
}

const sectionsOf = (pack: Rec | undefined): SectionRec[] => ((pack?.sections as SectionRec[] | undefined) ?? []);

/** Paragraphs as the PDF sets them apart: separated by a blank line. */
export function splitParagraphs(text: string): string[] {
  return text.split(/\n[ \t]*\n/);
}

function changedParagraphs(before: string | null, after: string | null): number[] {
  if (after === null) return [];
  const old = new Set(before === null ? [] : splitParagraphs(before).map((p) => p.trim()));
  return splitParagraphs(after).flatMap((p, i) => (old.has(p.trim()) ? [] : [i]));
}

const sourceLocale = (value: LocalizedDoc | null | undefined): Locale | null => LOCALES.find((l) => value?.[l] && value[l]!.from === undefined) ?? null;
const statusOf = (e: LocalizedTextDoc | undefined) => (e ? `${e.status}\u0000${e.approvedBy ?? ''}\u0000${e.approvedAt ?? ''}` : '');

/** The cells of one field that differ, with the kind of each. */
export function cellChanges(pieceId: string, field: string, before: LocalizedDoc | null, after: LocalizedDoc | null): CellChange[] {
  const source = sourceLocale(after) ?? sourceLocale(before);
  const out: CellChange[] = [];
  for (const locale of LOCALES) {
    const b = before?.[locale];
    const a = after?.[locale];
    const bt = b?.text ?? null;
    const at = a?.text ?? null;
    let kind: CellChange['kind'] | null = null;
    if (bt !== at) kind = locale === source ? 'text' : 'translation';
    else if (statusOf(b) !== statusOf(a)) kind = 'status';
    if (kind) out.push({ pieceId, field, locale, kind, before: bt, after: at, paragraphs: kind === 'status' ? [] : changedParagraphs(bt, at) });
  }
  return out;
}

/** Every text cell of a piece that differs; sections of a pack are pieces of their own (not here). */
function pieceCells(id: string, kind: PieceKind, before: Rec, after: Rec): CellChange[] {
  const b = textsOf(kind, before);
  const a = textsOf(kind, after);
  return Object.keys({ ...b, ...a }).flatMap((field) => cellChanges(id, field, b[field] ?? null, a[field] ?? null));
}

/** Without texts, and for a pack without its sections (they are compared one by one). */
function details(kind: PieceKind, record: Rec): string {
  const rest: Rec = { ...record };
  for (const field of Object.keys(textsOf(kind, record))) delete rest[field];
  if (kind === 'pack') rest.sections = sectionsOf(record).map((s) => ({ id: s.id, items: s.items ?? [] }));
  if (kind === 'section') delete rest.items;
  return canonicalJson(rest);
}

const ORDER: Record<PieceChange['change'], number> = { added: 0, changed: 1, removed: 2 };

/**
 * Compares the pieces a build used (at the versions it used) with the pieces the pack uses now.
 * Pieces are placed in the section that lists them (now; for a removed piece, at the build);
 * what no section lists goes in the group without a section. A section's own texts are a
 * piece of kind `section` in it.
 */
export function packChanges(packId: string, earlier: ReadonlyMap<string, PieceAt>, now: ReadonlyMap<string, PieceAt>): PackChanges {
  const beforePack = earlier.get(packId)?.record;
  const afterPack = now.get(packId)?.record;
  const beforeSections = new Map(sectionsOf(beforePack).map((s) => [s.id, s]));
  const afterSections = new Map(sectionsOf(afterPack).map((s) => [s.id, s]));
  const placeIn = (sections: SectionRec[]) => {
    const place = new Map<string, string>();
    for (const s of sections) for (const item of s.items ?? []) if (!place.has(item.ref)) place.set(item.ref, s.id);
    return place;
  };
  const placeNow = placeIn([...afterSections.values()]);
  const placeBefore = placeIn([...beforeSections.values()]);

  const groups = new Map<string | null, SectionChanges>();
  const group = (sectionId: string | null): SectionChanges => {
    let g = groups.get(sectionId);
    if (!g) {
      const a = sectionId ? afterSections.get(sectionId) : undefined;
      const b = sectionId ? beforeSections.get(sectionId) : undefined;
      g = { sectionId, title: (a ?? b)?.title ?? null, change: sectionId === null || (a && b) ? 'kept' : a ? 'added' : 'removed', pieces: [] };
      groups.set(sectionId, g);
    }
    return g;
  };
  // The value of the kind's title field (its descriptor's): pieceTitle names the piece from it.
  const titleOf = (kind: PieceKind, record: Rec): LocalizedDoc | null => textsOf(kind, record)[titleFieldOf(kind)] ?? null;
  const compare = (id: string, kind: PieceKind, b: Rec | undefined, a: Rec | undefined, sectionId: string | null) => {
    if (!a && !b) return;
    if (!b) return void group(sectionId).pieces.push({ pieceId: id, kind, change: 'added', kinds: [], cells: [], title: titleOf(kind, a!) });
    if (!a) return void group(sectionId).pieces.push({ pieceId: id, kind, change: 'removed', kinds: [], cells: [], title: titleOf(kind, b) });
    const cells = pieceCells(id, kind, b, a);
    const changedDetails = details(kind, b) !== details(kind, a);
    if (cells.length === 0 && !changedDetails) return;
    const kinds = CHANGE_KINDS.filter((k) => (k === 'details' ? changedDetails : cells.some((c) => c.kind === k)));
    group(sectionId).pieces.push({ pieceId: id, kind, change: 'changed', kinds, cells, title: titleOf(kind, a) });
  };

  // Sections in the pack's order now, then those gone since, each with its own texts first.
  for (const s of afterSections.values()) group(s.id);
  for (const s of beforeSections.values()) group(s.id);
  for (const id of new Set([...afterSections.keys(), ...beforeSections.keys()])) {
    const a = afterSections.get(id);
    const b = beforeSections.get(id);
    if (a && b) compare(id, 'section', b as unknown as Rec, a as unknown as Rec, id);
  }
  const ids = new Set([...now.keys(), ...earlier.keys()]);
  for (const id of ids) {
    const a = now.get(id);
    const b = earlier.get(id);
    const kind = (a ?? b)!.kind;
    compare(id, kind, b?.record, a?.record, (a ? placeNow.get(id) : undefined) ?? placeBefore.get(id) ?? null);
  }

  const sections = [...groups.values()]
    .filter((g) => g.pieces.length > 0 || g.change !== 'kept')
    .map((g) => ({ ...g, pieces: g.pieces.sort((x, y) => ORDER[x.change] - ORDER[y.change] || (x.pieceId < y.pieceId ? -1 : x.pieceId > y.pieceId ? 1 : 0)) }));
  // The group without a section last: the pack's own details matter less than its contents.
  sections.sort((x, y) => Number(x.sectionId === null) - Number(y.sectionId === null));
  // Counted: the pieces the pack holds, not the pack's own record or its sections.
  const all = sections.flatMap((s) => s.pieces).filter((p) => p.kind !== 'section' && p.kind !== 'pack');
  return {
    sections,
    counts: {
      added: all.filter((p) => p.change === 'added').length,
      removed: all.filter((p) => p.change === 'removed').length,
      changed: all.filter((p) => p.change === 'changed').length,
    },
  };
}

/** `pieceId NUL field NUL locale` → changed paragraph indexes, for change bars in one edition. */
export function changedCells(changes: PackChanges): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const s of changes.sections) {
    for (const p of s.pieces) {
      for (const c of p.cells) if (c.kind !== 'status' && c.after !== null) out.set(`${c.pieceId}\u0000${c.field}\u0000${c.locale}`, c.paragraphs);
    }
  }
  return out;
}
