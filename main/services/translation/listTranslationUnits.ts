import { LOCALES, type Locale } from '../../../shared/domain/locales';
import type { PieceKind } from '../../../shared/domain/pieceKinds';
import { translationState, type TranslationState } from '../../../shared/domain/translationState';
import type { LocalizedDoc } from '../../../shared/schemas/common';
import {
  TRANSLATABLE_KINDS,
  type StateCounts,
  type TranslatableKind,
  type TranslationProgress,
  type TranslationUnit,
  type TranslationUnitsResult,
} from '../../../shared/api/translationTypes';
import { AppError } from '../../../shared/errors/AppError';
import type { LibraryStore } from '../LibraryStore';
import { hashSourceText } from '../../db/textHash';
import { pieceTitle } from './pieceTitle';
import { NO_PACK_SCOPE, type PackScopeOf } from './PackScope';

export interface UnitQuery {
  source: Locale;
  target: Locale;
  states?: readonly TranslationState[];
  kind?: TranslatableKind | null;
  packId?: string | null;
}

const emptyCounts = (): StateCounts => ({ missing: 0, stale: 0, draft: 0, approved: 0, total: 0 });

/**
 * Every text to translate from `source` into `target`: one unit per piece and field whose target
 * is missing or is itself a translation, and whose source exists. Originals are left out: they
 * are written in the library editor, and re-translating one would cut its translations loose.
 * Whole texts, for XLIFF; the translator's list reads summaries (listUnitSummaries).
 */
export function listTranslationUnits(
  store: LibraryStore,
  query: UnitQuery,
  scopeOf: PackScopeOf = NO_PACK_SCOPE,
): TranslationUnitsResult<TranslationUnit> {
  if (query.source === query.target) throw new AppError('translation.sameLanguage', { locale: query.source });
  const { kinds, texts } = store.texts.readWithKinds(query.kind ?? null);
  const scope = query.packId ? scopeOf(store, query.packId) : null;
  const packs = store.packs.slugsByPiece();
  const wanted = new Set(query.states ?? ['missing', 'stale', 'draft', 'approved']);
  const translatable = new Set<PieceKind>(TRANSLATABLE_KINDS);
  // Each source text is hashed once, however many states and units look at it.
  const hashes = new Map<string, string>();
  const hash = (text: string) => {
    let h = hashes.get(text);
    if (h === undefined) hashes.set(text, (h = hashSourceText(text)));
    return h;
  };

  const units: TranslationUnit[] = [];
  const byLocale = Object.fromEntries(LOCALES.map((l) => [l, emptyCounts()])) as Record<Locale, StateCounts>;
  const byKind: TranslationProgress['byKind'] = {};
  for (const [pieceId, fields] of texts) {
    const kind = kinds.get(pieceId)!;
    if (!translatable.has(kind)) continue;
    for (const [field, value] of fields) {
      // A pack's editions need not use the same texts (an English edition names a country with
      // Intl where the French one uses a stored formal name): each language counts its own.
      const key = `${pieceId}\u0000${field}`;
      const usedIn = (locale: Locale) => !scope || scope.usedBy[locale].has(key);
      for (const locale of LOCALES) if (usedIn(locale)) count(byLocale[locale], translationState(value, locale, hash));
      if (!usedIn(query.target)) continue;
      const unit = toUnit(store, pieceId, kind, field, value, fields, query, packs.get(pieceId) ?? [], hash);
      if (!unit) continue;
      count((byKind[kind] ??= emptyCounts()), unit.state);
      if (wanted.has(unit.state)) units.push(unit);
    }
  }
  const collator = new Intl.Collator(query.source, { numeric: true });
  units.sort((a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : collator.compare(a.title, b.title) || (a.field < b.field ? -1 : a.field > b.field ? 1 : 0)));
  return { units, progress: { byLocale, byKind }, strictBlockers: scope ? scope.blockers : null };
}

function count(counts: StateCounts, state: TranslationState): void {
  counts[state] += 1;
  counts.total += 1;
}

/** One field as a unit, or null when it is not a translation from `source` into `target`. */
export function toUnit(
  store: LibraryStore,
  pieceId: string,
  kind: PieceKind,
  field: string,
  value: LocalizedDoc,
  fields: Map<string, LocalizedDoc>,
  query: { source: Locale; target: Locale },
  packs: string[],
  hash: (text: string) => string = hashSourceText,
): TranslationUnit | null {
  const source = value[query.source];
  const target = value[query.target];
  if (!source || (target && target.from === undefined)) return null;
  const state = translationState(value, query.target, hash);
  const previousSource = state === 'stale' && target?.sourceHash ? store.texts.sourceText(target.sourceHash) : null;
  return {
    pieceId,
    kind,
    field,
    title: pieceTitle(pieceId, kind, fields, query.source),
    source: source.text,
    sourceHash: hash(source.text),
    target: target?.text ?? null,
    state,
    targetFrom: target?.from ?? null,
    previousSource,
    approvedBy: target?.approvedBy ?? null,
    approvedAt: target?.approvedAt ?? null,
    packs,
  };
}
