import type { Locale } from '../../../shared/domain/locales';
import { fuzzyScore, memoryWords, overlap } from '../../../shared/memory/fuzzyScore';
import type { MemoryMatch, MemorySegment } from '../../../shared/memory/memoryTypes';
import type { LibraryStore } from '../LibraryStore';
import { splitParagraphs } from '../../xliff/splitParagraphs';

/** Below this a match costs the translator more to read than to type from scratch. */
export const MIN_SCORE = 60;
const PER_SEGMENT = 3;
/** Segments sharing fewer words than this (Dice) are not scored at all. */
const MIN_OVERLAP = 0.45;

interface Pair {
  pieceId: string;
  field: string;
  source: string;
  target: string;
  words: string[];
  set: Set<string>;
}

/**
 * The translation memory: every approved translation from `source` into `target` in the library,
 * cut into paragraphs where source and translation have as many, else whole. For each paragraph
 * of the open unit's source, the closest earlier segments of other pieces or fields with their
 * approved translations, best first.
 */
export function findMemoryMatches(
  store: LibraryStore,
  query: { pieceId: string; field: string; source: Locale; target: Locale },
): MemorySegment[] {
  const rows = store.db
    .prepare(
      `SELECT s.piece_id AS pieceId, s.field AS field, s.body AS source, t.body AS target FROM texts t
       JOIN texts s ON s.piece_id = t.piece_id AND s.field = t.field AND s.locale = @source
       WHERE t.locale = @target AND t.status = 'approved' AND NOT (t.piece_id = @pieceId AND t.field = @field)`,
    )
    .all(query) as { pieceId: string; field: string; source: string; target: string }[];
  const pairs: Pair[] = [];
  for (const row of rows) {
    const a = splitParagraphs(row.source).paragraphs;
    const b = splitParagraphs(row.target).paragraphs;
    const segments = a.length === b.length ? a.map((p, i) => [p, b[i]!] as const) : [[row.source.trim(), row.target.trim()] as const];
    for (const [source, target] of segments) {
      const words = memoryWords(source);
      if (words.length > 0) pairs.push({ pieceId: row.pieceId, field: row.field, source, target, words, set: new Set(words) });
    }
  }
  const own = store.texts.readPiece(query.pieceId).get(query.field)?.[query.source]?.text ?? '';
  return splitParagraphs(own).paragraphs.map((paragraph, index) => {
    const words = memoryWords(paragraph);
    const set = new Set(words);
    const seen = new Set<string>();
    const matches: MemoryMatch[] = [];
    for (const pair of pairs) {
      if (overlap(set, pair.set) < MIN_OVERLAP) continue;
      const score = fuzzyScore(words, pair.words);
      // The same segment translated the same way in several pieces is one suggestion.
      const key = `${pair.source}\u0000${pair.target}`;
      if (score < MIN_SCORE || seen.has(key)) continue;
      seen.add(key);
      matches.push({ score, source: pair.source, target: pair.target, pieceId: pair.pieceId, field: pair.field });
    }
    matches.sort((x, y) => y.score - x.score || x.pieceId.localeCompare(y.pieceId));
    return { index, source: paragraph, matches: matches.slice(0, PER_SEGMENT) };
  });
}
