import { LOCALES, type Locale } from '../../../shared/domain/locales';
import type { PieceKind, StoredTextStatus } from '../../../shared/domain/pieceKinds';
import { stateAgainstSource, type TranslationState } from '../../../shared/domain/translationState';
import {
  TRANSLATABLE_KINDS,
  TRANSLATION_STATES,
  type StateCounts,
  type TranslationProgress,
  type TranslationUnitSummary,
  type TranslationUnitsResult,
} from '../../../shared/api/translationTypes';
import { EXCERPT_CHARS } from '../../../shared/translation/summarizeUnit';
import { AppError } from '../../../shared/errors/AppError';
import type { LibraryStore } from '../LibraryStore';
import { hashSourceText } from '../../db/textHash';
import type { UnitQuery } from './listTranslationUnits';
import { NO_PACK_SCOPE, type PackScopeOf } from './PackScope';
import { pieceTitle, titleFieldOf } from './pieceTitle';

/** What a listed unit needs beyond its state; only read for the units the list shows. */
type UnitDetail = [
  targetFrom: Locale | null,
  approvedBy: string | null,
  approvedAt: string | null,
  sourceExcerpt: string,
  targetExcerpt: string | null,
  /** In the source language; null when the piece has none there. */
  title: string | null,
];

/**
 * One piece's field: its state in each of LOCALES (null when SQLite could not tell whether it is
 * out of date), whether it is a unit from the source into the target (0 or 1), and that unit's
 * detail when the list shows it.
 */
type FieldRow = [pieceId: string, kind: PieceKind, field: string, ...rest: unknown[]];

const STATES_AT = 3;
const IS_UNIT_AT = STATES_AT + LOCALES.length;
const DETAIL_AT = IS_UNIT_AT + 1;

/** A column of the text in the language a parameter names (`@source`, `@target`). */
const inLocale = (param: string, column: string) => `CASE ${param} ${LOCALES.map((l) => `WHEN '${l}' THEN t_${l}.${column}`).join(' ')} END`;

/**
 * A translation whose source body equals the body kept (source_texts) under the hash it recorded
 * is up to date: every writer keeps a body under its own hash only. One with no source left is
 * out of date. Anything else (the source edited since, or a body the library did not keep) is
 * left null, to be hashed in JS as translationState does.
 */
function stateSql(locale: Locale): string {
  const own = `t_${locale}`;
  const source = `CASE ${own}.source_locale ${LOCALES.filter((l) => l !== locale).map((l) => `WHEN '${l}' THEN t_${l}.body`).join(' ')} END`;
  return `CASE WHEN ${own}.piece_id IS NULL THEN 'missing' WHEN ${own}.source_locale IS NULL THEN ${own}.status
    WHEN ${source} IS NULL THEN 'stale' WHEN k_${locale}.body = ${source} THEN ${own}.status END`;
}

const TARGET_STATE_SQL = `CASE @target ${LOCALES.map((l) => `WHEN '${l}' THEN st_${l}`).join(' ')} END`;
const TITLE_FIELD_SQL = `CASE f.kind ${TRANSLATABLE_KINDS.map((k) => `WHEN '${k}' THEN '${titleFieldOf(k)}'`).join(' ')} END`;

/**
 * One row per piece and field, every locale's text joined beside the others, so each state is
 * decided in SQLite and a unit's texts leave it only as excerpts, only for the units shown. The
 * rows come as one JSON string: better-sqlite3 builds a JS value per column per row, which at
 * 20,000 fields costs more than the query itself (see listEntries).
 */
const FIELDS_SQL = `
  SELECT json_group_array(json_array(piece_id, kind, field, ${LOCALES.map((l) => `st_${l}`).join(', ')}, is_unit,
    CASE WHEN is_unit AND (${TARGET_STATE_SQL} IS NULL OR ${TARGET_STATE_SQL} IN (SELECT value FROM json_each(@wanted)))
      THEN json_array(target_from, approved_by, approved_at, substr(source_body, 1, @excerpt), substr(target_body, 1, @excerpt), title) END))
  FROM (
    SELECT f.piece_id, f.kind, f.field,
      ${LOCALES.map((l) => `${stateSql(l)} AS st_${l}`).join(',\n      ')},
      ${inLocale('@source', 'piece_id')} IS NOT NULL
        AND (${inLocale('@target', 'piece_id')} IS NULL OR ${inLocale('@target', 'source_locale')} IS NOT NULL) AS is_unit,
      ${inLocale('@target', 'source_locale')} AS target_from,
      ${inLocale('@target', 'approved_by')} AS approved_by,
      ${inLocale('@target', 'approved_at')} AS approved_at,
      ${inLocale('@source', 'body')} AS source_body,
      ${inLocale('@target', 'body')} AS target_body,
      ti.body AS title
    FROM (
      SELECT DISTINCT t.piece_id, p.kind, t.field FROM texts t JOIN pieces p ON p.id = t.piece_id
      WHERE p.kind IN (SELECT value FROM json_each(@kinds))
        AND (@pieces IS NULL OR t.piece_id IN (SELECT value FROM json_each(@pieces)))
    ) f
    ${LOCALES.map(
      (l) => `LEFT JOIN texts t_${l} ON t_${l}.piece_id = f.piece_id AND t_${l}.field = f.field AND t_${l}.locale = '${l}'
    LEFT JOIN source_texts k_${l} ON k_${l}.hash = t_${l}.source_hash`,
    ).join('\n    ')}
    LEFT JOIN texts ti ON ti.piece_id = f.piece_id AND ti.field = ${TITLE_FIELD_SQL} AND ti.locale = @source
  )`;

const emptyCounts = (): StateCounts => ({ missing: 0, stale: 0, draft: 0, approved: 0, total: 0 });
const NO_PACKS: string[] = [];

function count(counts: StateCounts, state: TranslationState): void {
  counts[state] += 1;
  counts.total += 1;
}

/**
 * The translator's list: what listTranslationUnits finds, each unit summarized (its texts cut to
 * excerpts), with the same counts and strict blockers, read without bringing whole texts into
 * JS. The editor reads a whole unit when it opens one (readTranslationUnit).
 */
export function listUnitSummaries(store: LibraryStore, query: UnitQuery, scopeOf: PackScopeOf = NO_PACK_SCOPE): TranslationUnitsResult {
  const { source, target } = query;
  if (source === target) throw new AppError('translation.sameLanguage', { locale: source });
  const scope = query.packId ? scopeOf(store, query.packId) : null;
  const wanted = new Set<TranslationState>(query.states ?? TRANSLATION_STATES);
  const pieces = scope ? [...new Set(LOCALES.flatMap((l) => [...scope.usedBy[l]].map((key) => key.slice(0, key.indexOf('\u0000')))))] : null;
  const json = store.db.prepare(FIELDS_SQL).pluck().get({
    source,
    target,
    wanted: JSON.stringify([...wanted]),
    kinds: JSON.stringify(query.kind ? [query.kind] : TRANSLATABLE_KINDS),
    pieces: pieces && JSON.stringify(pieces),
    excerpt: EXCERPT_CHARS,
  }) as string;

  const sourceOf = store.db.prepare<[string, string, string], { status: StoredTextStatus; source_hash: string; body: string }>(
    `SELECT t.status, t.source_hash, s.body FROM texts t
     JOIN texts s ON s.piece_id = t.piece_id AND s.field = t.field AND s.locale = t.source_locale
     WHERE t.piece_id = ? AND t.field = ? AND t.locale = ?`,
  );
  const hashes = new Map<string, string>();
  const hashCheck = (pieceId: string, field: string, locale: Locale): TranslationState => {
    const row = sourceOf.get(pieceId, field, locale);
    if (!row) return 'stale';
    let hash = hashes.get(row.body);
    if (hash === undefined) hashes.set(row.body, (hash = hashSourceText(row.body)));
    return stateAgainstSource(row.status, row.source_hash, hash);
  };
  // A piece without a title in the source language falls back as pieceTitle does; rare, so read whole.
  const fallbackTitles = new Map<string, string>();
  const fallbackTitle = (pieceId: string, kind: PieceKind): string => {
    let title = fallbackTitles.get(pieceId);
    if (title === undefined) {
      const fields = kind === 'country' ? undefined : store.texts.readPiece(pieceId);
      fallbackTitles.set(pieceId, (title = pieceTitle(pieceId, kind, fields, source)));
    }
    return title;
  };

  const packs = store.packs.slugsByPiece();
  const targetAt = STATES_AT + LOCALES.indexOf(target);
  const units: TranslationUnitSummary[] = [];
  const byLocale = Object.fromEntries(LOCALES.map((l) => [l, emptyCounts()])) as Record<Locale, StateCounts>;
  const byKind: TranslationProgress['byKind'] = {};
  for (const row of JSON.parse(json) as FieldRow[]) {
    const [pieceId, kind, field] = row;
    // Each language of a pack counts the texts its own edition uses, as listTranslationUnits does.
    const key = `${pieceId}\u0000${field}`;
    const usedIn = (locale: Locale) => !scope || scope.usedBy[locale].has(key);
    LOCALES.forEach((locale, i) => {
      if (!usedIn(locale)) return;
      const state = ((row[STATES_AT + i] as TranslationState | null) ??= hashCheck(pieceId, field, locale));
      count(byLocale[locale], state);
    });
    if (!row[IS_UNIT_AT] || !usedIn(target)) continue;
    const state = row[targetAt] as TranslationState;
    count((byKind[kind] ??= emptyCounts()), state);
    const detail = row[DETAIL_AT] as UnitDetail | null;
    if (!detail || !wanted.has(state)) continue;
    const [targetFrom, approvedBy, approvedAt, sourceExcerpt, targetExcerpt, title] = detail;
    units.push({
      pieceId,
      kind,
      field,
      title: title ?? fallbackTitle(pieceId, kind),
      state,
      targetFrom,
      approvedBy,
      approvedAt,
      packs: packs.get(pieceId) ?? NO_PACKS,
      sourceExcerpt,
      targetExcerpt,
    });
  }
  const collator = new Intl.Collator(source, { numeric: true });
  units.sort((a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : collator.compare(a.title, b.title) || (a.field < b.field ? -1 : a.field > b.field ? 1 : 0)));
  return { units, progress: { byLocale, byKind }, strictBlockers: scope ? scope.blockers : null };
}
