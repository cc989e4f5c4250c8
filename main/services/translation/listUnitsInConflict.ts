import { TRANSLATION_STATES, type TranslationUnitsResult } from '../../../shared/api/translationTypes';
import { unitConflictIndex, unitKey } from '../../../shared/translation/unitConflicts';
import type { LibraryStore } from '../LibraryStore';
import { listConflicts } from '../sync/syncConflicts';
import { listUnitSummaries } from './listUnitSummaries';
import type { UnitQuery } from './listTranslationUnits';
import type { PackScopeOf } from './PackScope';

/**
 * The translator's Conflicts filter: the units an open sync conflict bears on, in every state (an
 * approved text in conflict is exactly the one to look at), with the scope's counts as usual.
 */
export function listUnitsInConflict(store: LibraryStore, query: UnitQuery, scopeOf: PackScopeOf): TranslationUnitsResult {
  const result = listUnitSummaries(store, { ...query, states: TRANSLATION_STATES }, scopeOf);
  const index = unitConflictIndex(listConflicts(store), result.units, query.source, query.target);
  return { ...result, units: result.units.filter((u) => index.has(unitKey(u))) };
}
