import type { Locale } from '../domain/locales';

/** What the rule needs of an open sync conflict (a stored one, or its view). */
export interface ConflictPlace {
  kind: 'cell' | 'deletedEdited';
  pieceId: string;
  section: string | null;
  field: string | null;
  locale: Locale | null;
}

/** A translator's unit: one piece's field (a pack's section is a piece of its own). */
export interface UnitPlace {
  pieceId: string;
  field: string;
}

/**
 * The piece a conflict is about as the library's other screens name pieces: a pack's section is
 * its own piece there, while the merge names it by its pack and section.
 */
export const conflictPieceId = (c: Pick<ConflictPlace, 'pieceId' | 'section'>): string => c.section ?? c.pieceId;

/**
 * Which open conflicts bear on a unit translated from `source` into `target`: the same field in
 * either language (a conflict on the source is a question of what to translate from, one on the
 * target of which translation stands), a field that is not a text, or the whole piece deleted by
 * one office while the other edited it. A conflict in the third language is not this unit's.
 */
export function conflictsOfUnit<C extends ConflictPlace>(conflicts: readonly C[], unit: UnitPlace, source: Locale, target: Locale): C[] {
  return conflicts.filter(
    (c) =>
      conflictPieceId(c) === unit.pieceId &&
      (c.kind === 'deletedEdited' || (c.field === unit.field && (c.locale === null || c.locale === source || c.locale === target))),
  );
}

/** How the translator's list keys a library unit. */
export const unitKey = (unit: UnitPlace): string => `${unit.pieceId}|${unit.field}`;

/** The same rule for a whole list: unit key → its conflicts. */
export function unitConflictIndex<C extends ConflictPlace>(
  conflicts: readonly C[],
  units: readonly UnitPlace[],
  source: Locale,
  target: Locale,
): Map<string, C[]> {
  const byPiece = new Map<string, C[]>();
  for (const c of conflicts) {
    const id = conflictPieceId(c);
    const list = byPiece.get(id);
    if (list) list.push(c);
    else byPiece.set(id, [c]);
  }
  const out = new Map<string, C[]>();
  for (const unit of units) {
    const mine = byPiece.get(unit.pieceId);
    if (!mine) continue;
    const found = conflictsOfUnit(mine, unit, source, target);
    if (found.length > 0) out.set(unitKey(unit), found);
  }
  return out;
}

/**
 * The pieces with at least one open conflict, for the library's lists and a piece's own page: a
 * conflict in a pack's section marks the section and its pack (the pack's row is where it is found).
 */
export function piecesInConflict(conflicts: readonly Pick<ConflictPlace, 'pieceId' | 'section'>[]): Set<string> {
  return new Set(conflicts.flatMap((c) => (c.section ? [c.pieceId, c.section] : [c.pieceId])));
}

/** The open conflicts of one piece (and, for a pack, of its sections). */
export function conflictsOfPiece<C extends Pick<ConflictPlace, 'pieceId' | 'section'>>(conflicts: readonly C[], pieceId: string): C[] {
  return conflicts.filter((c) => c.pieceId === pieceId || c.section === pieceId);
}
