import type { Database } from 'better-sqlite3';
import { AppError } from '../../shared/errors/AppError';
import { LOCALES, type Locale } from '../../shared/domain/locales';
import { searchTokens } from '../../shared/text/foldForSearch';
import { intlCountryName } from '../../shared/domain/countryName';
import type { PieceKind } from '../../shared/domain/pieceKinds';
import type { LibraryStore } from './LibraryStore';
import type { FoundPiece, LibrarySearchResult, SearchHit } from '../../shared/api/listTypes';
import { highlightParts, searchExcerpt } from '../../shared/text/searchExcerpt';
import { groupSearchMatches, type MatchRow } from './groupSearchMatches';
import { prepared, titlesOf } from './pieceTitles';
import { titleFieldOf } from '../../shared/descriptors/descriptors';
import { pieceTitle } from '../../shared/descriptors/pieceTitle';

export type { SearchHit } from '../../shared/api/listTypes';

/** Words of the query, folded like the index: "l'école" → ["l", "ecole"]. */
export function queryTokens(query: string): string[] {
  return searchTokens(query);
}

/** Each word as a quoted prefix term: user text can never become FTS5 syntax. */
export function toFtsQuery(tokens: string[]): string {
  return tokens.map((t) => `"${t.replace(/"/g, '""')}"*`).join(' ');
}

/**
 * Accent-, case- and ligature-insensitive search across the three languages at once; `locale`
 * only chooses the language results are shown in. Country names come from Intl, so they are
 * matched here rather than in the index.
 */
export function searchLibrary(store: LibraryStore, query: string, locale: Locale, limit = 50, kinds?: readonly PieceKind[]): SearchHit[] {
  const tokens = queryTokens(query);
  if (tokens.length === 0) throw new AppError('cli.emptyQuery');
  const rows = ftsMatches(store.db, toFtsQuery(tokens), limit * 4, kinds);
  const hits = new Map<string, SearchHit>();
  for (const row of rows) {
    let hit = hits.get(row.piece_id);
    if (!hit) {
      if (hits.size >= limit) continue;
      const kind = store.pieces.kindOf(row.piece_id) ?? 'note';
      const title = pieceTitle(kind, row.piece_id, store.texts.readPiece(row.piece_id).get(titleFieldOf(kind)), locale).text;
      hit = { id: row.piece_id, kind, title, matches: [] };
      hits.set(row.piece_id, hit);
    }
    hit.matches.push({ field: row.field, locale: row.locale, excerpt: row.excerpt });
  }
  for (const code of kinds && !kinds.includes('country') ? [] : store.countries.codes()) {
    if (hits.has(code) || hits.size >= limit) continue;
    for (const l of LOCALES) {
      const name = intlCountryName(code, l);
      const words = queryTokens(name);
      if (tokens.every((t) => words.some((w) => w.startsWith(t)))) {
        hits.set(code, {
          id: code,
          kind: 'country',
          title: pieceTitle('country', code, store.texts.readPiece(code).get(titleFieldOf('country')), locale).text,
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

function ftsMatches(db: Database, ftsQuery: string, limit: number, kinds?: readonly PieceKind[]): FtsRow[] {
  if (kinds) {
    return db
      .prepare(
        `SELECT s.piece_id, s.field, s.locale, snippet(search_index, 3, '[', ']', '…', 12) AS excerpt
         FROM search_index s JOIN pieces p ON p.id = s.piece_id
         WHERE search_index MATCH ? AND p.kind IN (SELECT value FROM json_each(?)) ORDER BY rank LIMIT ?`,
      )
      .all(ftsQuery, JSON.stringify(kinds), limit) as FtsRow[];
  }
  return db
    .prepare(
      `SELECT piece_id, field, locale, snippet(search_index, 3, '[', ']', '…', 12) AS excerpt
       FROM search_index WHERE search_index MATCH ? ORDER BY rank LIMIT ?`,
    )
    .all(ftsQuery, limit) as FtsRow[];
}

/** Texts looked at per query by the header's search: enough for any query of one real word. */
export const SEARCH_SCAN_LIMIT = 1500;

/**
 * The header's search: every kind at once, the few best pieces of each with an excerpt of the
 * text that matched, the words marked. The index is read in its own order without ranking (a
 * ranked read of every match costs 100 ms and more at 10,000 pieces for a two-letter prefix);
 * at most SEARCH_SCAN_LIMIT texts are looked at, and `truncated` says when there were more.
 * A section's texts count for its pack.
 */
export function searchAllKinds(store: LibraryStore, query: string, locale: Locale, perKind = 5): LibrarySearchResult {
  const tokens = queryTokens(query);
  if (tokens.length === 0) return { query, groups: [], truncated: false };
  const db = store.db;
  const rows = prepared(
    db,
    `SELECT s.rowid AS rowid, coalesce(ps.pack_id, s.piece_id) AS pieceId,
       CASE WHEN p.kind = 'section' THEN 'pack' ELSE p.kind END AS kind, s.field AS field, s.locale AS locale
     FROM search_index s JOIN pieces p ON p.id = s.piece_id LEFT JOIN pack_sections ps ON ps.id = s.piece_id
     WHERE search_index MATCH ? LIMIT ?`,
  ).all(toFtsQuery(tokens), SEARCH_SCAN_LIMIT + 1) as MatchRow[];
  const truncated = rows.length > SEARCH_SCAN_LIMIT;
  if (truncated) rows.pop();
  // Countries are named by Intl: their names in the three languages are matched here.
  const countryRows: MatchRow[] = [];
  const countryNames = new Map<string, string>();
  for (const { code, names } of countryNameTokens(store)) {
    for (const { locale: l, name, words } of names) {
      if (tokens.every((t) => words.some((w) => w.startsWith(t)))) {
        countryRows.push({ rowid: -1, pieceId: code, kind: 'country', field: 'formalName', locale: l });
        countryNames.set(`${code}/${l}`, name);
        break;
      }
    }
  }
  const groups = groupSearchMatches([...countryRows, ...rows], locale, titleFieldOf, perKind);
  const picked = groups.flatMap((g) => g.pieces);
  const titles = titlesOf(db, picked.map((p) => ({ id: p.pieceId, kind: p.best.kind })), locale);
  const bodies = new Map(
    (prepared(db, 'SELECT rowid, body FROM texts WHERE rowid IN (SELECT value FROM json_each(?))')
      .raw()
      .all(JSON.stringify(picked.map((p) => p.best.rowid).filter((r) => r >= 0))) as [number, string][]),
  );
  return {
    query,
    truncated,
    groups: groups.map((g) => ({
      kind: g.kind,
      total: g.total,
      hits: g.pieces.map(({ pieceId, best }): FoundPiece => {
        const title = titles.get(pieceId)!;
        const body = best.rowid >= 0 ? (bodies.get(best.rowid) ?? '') : (countryNames.get(`${pieceId}/${best.locale}`) ?? title.title);
        const isTitle = best.field === titleFieldOf(best.kind);
        return {
          id: pieceId,
          kind: g.kind,
          ...title,
          field: best.field,
          locale: best.locale,
          inTitle: isTitle,
          excerpt: isTitle ? highlightParts(body.slice(0, 300), tokens) : searchExcerpt(body, tokens),
        };
      }),
    })),
  };
}

type CountryNames = { code: string; names: { locale: Locale; name: string; words: string[] }[] }[];
const countryNameCache = new WeakMap<LibraryStore, { key: string; value: CountryNames }>();

/** Each country's Intl names folded into words, kept while the library's countries stay the same. */
function countryNameTokens(store: LibraryStore): CountryNames {
  const codes = store.countries.codes();
  const key = codes.join(',');
  const cached = countryNameCache.get(store);
  if (cached?.key === key) return cached.value;
  const value = codes.map((code) => ({
    code,
    names: LOCALES.map((locale) => {
      const name = intlCountryName(code, locale);
      return { locale, name, words: queryTokens(name) };
    }),
  }));
  countryNameCache.set(store, { key, value });
  return value;
}
