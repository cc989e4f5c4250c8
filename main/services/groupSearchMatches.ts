import type { Locale } from '../../shared/domain/locales';
import type { PieceKind } from '../../shared/domain/pieceKinds';

/** One matching text, as the index gives it, with the piece it belongs to. */
export interface MatchRow {
  /** The text's rowid, to read its body for the excerpt. */
  rowid: number;
  pieceId: string;
  kind: PieceKind;
  field: string;
  locale: Locale;
}

export interface PieceMatch {
  pieceId: string;
  /** The text shown as the excerpt: the best of the piece's matches for this reader. */
  best: MatchRow;
}

export interface MatchGroup {
  kind: PieceKind;
  pieces: PieceMatch[];
  total: number;
}

/** The order of the header's groups: the network's own texts first, then what they cite. */
export const SEARCH_KIND_ORDER: readonly PieceKind[] = ['priority', 'instrument', 'country', 'note', 'meeting', 'network', 'source', 'pack'];

/** A title match in the reader's language beats a body match in another. */
function score(row: MatchRow, locale: Locale, titleField: (kind: PieceKind) => string): number {
  return (row.field === titleField(row.kind) ? 2 : 0) + (row.locale === locale ? 1 : 0);
}

/**
 * Matching texts grouped by kind, in SEARCH_KIND_ORDER: each piece once with its best match, at
 * most `perKind` pieces per kind (title matches first, then in the order the index gave them),
 * and the number of matching pieces of each kind.
 */
export function groupSearchMatches(
  rows: readonly MatchRow[],
  locale: Locale,
  titleField: (kind: PieceKind) => string,
  perKind: number,
): MatchGroup[] {
  const byKind = new Map<PieceKind, Map<string, { best: MatchRow; score: number; order: number }>>();
  rows.forEach((row, order) => {
    let pieces = byKind.get(row.kind);
    if (!pieces) byKind.set(row.kind, (pieces = new Map()));
    const s = score(row, locale, titleField);
    const seen = pieces.get(row.pieceId);
    if (!seen) pieces.set(row.pieceId, { best: row, score: s, order });
    else if (s > seen.score) {
      seen.best = row;
      seen.score = s;
    }
  });
  const out: MatchGroup[] = [];
  for (const kind of SEARCH_KIND_ORDER) {
    const pieces = byKind.get(kind);
    if (!pieces) continue;
    const ranked = [...pieces.entries()]
      .sort(([, a], [, b]) => b.score - a.score || a.order - b.order)
      .slice(0, perKind)
      .map(([pieceId, m]) => ({ pieceId, best: m.best }));
    out.push({ kind, pieces: ranked, total: pieces.size });
  }
  return out;
}
