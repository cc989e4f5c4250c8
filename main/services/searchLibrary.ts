import type { Database } from 'better-sqlite3';
import { AppError } from '../../shared/errors/AppError';
import { LOCALES, type Locale } from '../../shared/domain/locales';
import { foldForSearch } from '../../shared/text/foldForSearch';
import { countryName, intlCountryName } from '../../shared/domain/countryName';
import { pickText } from '../../shared/domain/pickText';
import type { PieceKind } from '../../shared/domain/pieceKinds';
import type { LibraryStore } from './LibraryStore';
import type { SearchHit } from '../../shared/api/listTypes';

export type { SearchHit } from '../../shared/api/listTypes';

/** Words of the query, folded like the index: "l'école" → ["l", "ecole"]. */
export function queryTokens(query: string): string[] {
  return foldForSearch(query)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Each word as a quoted prefix term: user text can never become FTS5 syntax. */
export function toFtsQuery(tokens: string[]): string {
  return tokens.map((t) => `"${t.replace(/"/g, '""')}"*`).join(' ');
}

const TITLE_FIELD: Partial<Record<PieceKind, string>> = {
  instrument: 'shortName',
  network: 'name',
  country: 'formalName',
};

/**
 * Accent-, case- and ligature-insensitive search across the three languages at once; `locale`
 * only chooses the language results are shown in. Country names come from Intl, so they are
 * matched here rather than in the index.
 */
export function searchLibrary(store: LibraryStore, query: string, locale: Locale, limit = 50): SearchHit[] {
  const tokens = queryTokens(query);
  if (tokens.length === 0) throw new AppError('cli.emptyQuery');
  const rows = ftsMatches(store.db, toFtsQuery(tokens), limit * 4);
  const hits = new Map<string, SearchHit>();
  for (const row of rows) {
    let hit = hits.get(row.piece_id);
    if (!hit) {
      if (hits.size >= limit) continue;
      const kind = store.pieces.kindOf(row.piece_id) ?? 'note';
      const titleField = TITLE_FIELD[kind] ?? 'title';
      const texts = store.texts.readPiece(row.piece_id);
      const title =
        kind === 'country'
          ? countryName(row.piece_id, locale, texts.get('formalName'))
          : (pickText(texts.get(titleField), locale)?.text ?? row.piece_id);
      hit = { id: row.piece_id, kind, title, matches: [] };
      hits.set(row.piece_id, hit);
    }
    hit.matches.push({ field: row.field, locale: row.locale, excerpt: row.excerpt });
  }
  for (const code of store.countries.codes()) {
    if (hits.has(code) || hits.size >= limit) continue;
    for (const l of LOCALES) {
      const name = intlCountryName(code, l);
      const words = queryTokens(name);
      if (tokens.every((t) => words.some((w) => w.startsWith(t)))) {
        hits.set(code, {
          id: code,
          kind: 'country',
          title: countryName(code, locale, store.texts.readPiece(code).get('formalName')),
          matches: [{ field: 'name', locale: l, excerpt: name }],
        });
        break;
      }
    }
  }
  return [...hits.values()];
}

interface FtsRow {
  piece_id: string;
  field: string;
  locale: Locale;
  excerpt: string;
}

function ftsMatches(db: Database, ftsQuery: string, limit: number): FtsRow[] {
  return db
    .prepare(
      `SELECT piece_id, field, locale, snippet(search_index, 3, '[', ']', '…', 12) AS excerpt
       FROM search_index WHERE search_index MATCH ? ORDER BY rank LIMIT ?`,
    )
    .all(ftsQuery, limit) as FtsRow[];
}
