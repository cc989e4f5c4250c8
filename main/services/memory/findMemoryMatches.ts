import type { Locale } from '../../../shared/domain/locales';
import { fuzzyScore, memoryWords } from '../../../shared/memory/fuzzyScore';
import type { MemoryMatch, MemorySegment } from '../../../shared/memory/memoryTypes';
import type { LibraryStore } from '../LibraryStore';
import { splitParagraphs } from '../../xliff/splitParagraphs';
import { memoryIndexFor } from './MemoryIndex';

/** Below this a match costs the translator more to read than to type from scratch. */
export const MIN_SCORE = 60;
const PER_SEGMENT = 3;
/** Segments sharing fewer words than this (Dice) are not scored at all. */
const MIN_OVERLAP = 0.45;

/**
 * The translation memory's suggestions: for each paragraph of the open unit's source, the
 * closest approved segments of other pieces or fields (MemoryIndex) with their translations,
 * best first.
 */
export function findMemoryMatches(
  store: LibraryStore,
  query: { pieceId: string; field: string; source: Locale; target: Locale },
): MemorySegment[] {
  const own = store.texts.readPiece(query.pieceId).get(query.field)?.[query.source]?.text ?? '';
  const paragraphs = splitParagraphs(own).paragraphs;
  if (paragraphs.length === 0) return [];
  const memory = memoryIndexFor(store.db, query.source, query.target);
  return paragraphs.map((paragraph, index) => {
    const words = memoryWords(paragraph);
    const distinct = new Set(words);
    // Shared distinct words per pair, counted through the word lists.
    const shared = new Map<number, number>();
    for (const w of distinct) for (const id of memory.byWord.get(w) ?? []) shared.set(id, (shared.get(id) ?? 0) + 1);
    const seen = new Set<string>();
    const matches: MemoryMatch[] = [];
    for (const [id, count] of shared) {
      const pair = memory.pairs[id]!;
      if ((2 * count) / (distinct.size + pair.distinct) < MIN_OVERLAP) continue;
      if (pair.pieceId === query.pieceId && pair.field === query.field) continue;
      // The same segment translated the same way in several pieces is one suggestion, scored once.
      const key = `${pair.source}\u0000${pair.target}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const score = fuzzyScore(words, pair.words);
      if (score < MIN_SCORE) continue;
      const match: MemoryMatch = { score, source: pair.source, target: pair.target, pieceId: pair.pieceId, field: pair.field };
      if (pair.origin !== undefined) match.origin = pair.origin;
      matches.push(match);
    }
    matches.sort((x, y) => y.score - x.score || x.pieceId.localeCompare(y.pieceId) || x.field.localeCompare(y.field));
    return { index, source: paragraph, matches: matches.slice(0, PER_SEGMENT) };
  });
}
