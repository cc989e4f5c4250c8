import type { Database } from 'better-sqlite3';
import type { Locale } from '../../../shared/domain/locales';
import { memoryWords } from '../../../shared/memory/fuzzyScore';
import { splitParagraphs } from '../../xliff/splitParagraphs';

export interface MemoryPair {
  pieceId: string;
  field: string;
  source: string;
  target: string;
  words: string[];
  /** Distinct words, for the overlap sift. */
  distinct: number;
  /** The TMX file an external unit came from; absent for the library's own texts. */
  origin?: string;
}

/**
 * Every approved translation from one language into another, cut into paragraph pairs where
 * source and translation have as many paragraphs (else whole), with the pairs by word: a unit's
 * candidates are found through its words rather than by reading the whole memory.
 */
export class MemoryIndex {
  readonly pairs: MemoryPair[] = [];
  readonly byWord = new Map<string, number[]>();

  constructor(rows: readonly { pieceId: string; field: string; source: string; target: string; origin?: string }[]) {
    for (const row of rows) {
      const a = splitParagraphs(row.source).paragraphs;
      const b = splitParagraphs(row.target).paragraphs;
      const segments = a.length === b.length ? a.map((p, i) => [p, b[i]!] as const) : [[row.source.trim(), row.target.trim()] as const];
      for (const [source, target] of segments) {
        const words = memoryWords(source);
        if (words.length === 0) continue;
        const distinct = new Set(words);
        const id = this.pairs.length;
        const pair: MemoryPair = { pieceId: row.pieceId, field: row.field, source, target, words, distinct: distinct.size };
        if (row.origin !== undefined) pair.origin = row.origin;
        this.pairs.push(pair);
        for (const w of distinct) {
          const list = this.byWord.get(w);
          if (list) list.push(id);
          else this.byWord.set(w, [id]);
        }
      }
    }
  }
}

const cache = new WeakMap<Database, Map<string, { stamp: string; index: MemoryIndex }>>();

/**
 * The memory for a language pair, rebuilt only after the library changed: this connection's
 * changes (total_changes) and other connections' commits (data_version) stamp its state,
 * without reading a text.
 */
export function memoryIndexFor(db: Database, source: Locale, target: Locale): MemoryIndex {
  const stamp = `${db.prepare('SELECT total_changes()').pluck().get() as number}/${db.pragma('data_version', { simple: true }) as number}`;
  let byPair = cache.get(db);
  if (!byPair) cache.set(db, (byPair = new Map()));
  const key = `${source}>${target}`;
  const hit = byPair.get(key);
  if (hit && hit.stamp === stamp) return hit.index;
  const rows = db
    .prepare(
      `SELECT s.piece_id AS pieceId, s.field AS field, s.body AS source, t.body AS target FROM texts t
       JOIN texts s ON s.piece_id = t.piece_id AND s.field = t.field AND s.locale = ?
       WHERE t.locale = ? AND t.status = 'approved'`,
    )
    .all(source, target) as { pieceId: string; field: string; source: string; target: string; origin?: string }[];
  // Imported TMX units come after the library's own, so equal scores favour the library.
  const external = hasExternalMemory(db)
    ? (db
        .prepare(
          `SELECT '' AS pieceId, '' AS field, source, target, origin FROM external_memory
           WHERE source_locale = ? AND target_locale = ? ORDER BY id`,
        )
        .all(source, target) as { pieceId: string; field: string; source: string; target: string; origin: string }[])
    : [];
  const index = new MemoryIndex([...rows, ...external]);
  byPair.set(key, { stamp, index });
  return index;
}

/** A library opened read-only at an older version has no external memory yet. */
function hasExternalMemory(db: Database): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'external_memory'").get() !== undefined;
}
