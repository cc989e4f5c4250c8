import type { TranslationUnit, TranslationUnitSummary } from '../api/translationTypes';

/** Enough to fill a list row's line at any width, and for the list's search to find most words. */
export const EXCERPT_CHARS = 160;

/**
 * The first EXCERPT_CHARS characters of a text, counted in code points as SQLite's substr counts
 * them, so an excerpt made here equals the one the list read from the database.
 */
export function excerpt(text: string): string {
  if (text.length <= EXCERPT_CHARS) return text;
  let end = 0;
  for (let chars = 0; chars < EXCERPT_CHARS && end < text.length; chars++) {
    end += text.codePointAt(end)! > 0xffff ? 2 : 1;
  }
  return text.slice(0, end);
}

/** A whole unit as the list shows it (after a save, which returns the whole unit). */
export function summarizeUnit(unit: TranslationUnit): TranslationUnitSummary {
  return {
    pieceId: unit.pieceId,
    kind: unit.kind,
    field: unit.field,
    title: unit.title,
    state: unit.state,
    targetFrom: unit.targetFrom,
    approvedBy: unit.approvedBy,
    approvedAt: unit.approvedAt,
    packs: unit.packs,
    sourceExcerpt: excerpt(unit.source),
    targetExcerpt: unit.target === null ? null : excerpt(unit.target),
  };
}
