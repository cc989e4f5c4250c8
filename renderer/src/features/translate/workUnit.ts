import type { TranslationUnit, TranslationUnitSummary, UiStringUnit } from '../../../../shared/api/translationTypes';
import { summarizeUnit } from '../../../../shared/translation/summarizeUnit';
import { unitKey } from '../../../../shared/translation/unitConflicts';

export type TranslateMode = 'library' | 'ui';

/**
 * A row of the list: a library text summarized (excerpts of its texts), or an interface string,
 * whole (a few hundred short strings).
 */
export type ListedUnit = { mode: 'library'; key: string; unit: TranslationUnitSummary } | { mode: 'ui'; key: string; unit: UiStringUnit };

/** What the editor works on, whole, under one shape so the same editor serves both. */
export type WorkUnit = { mode: 'library'; key: string; unit: TranslationUnit } | { mode: 'ui'; key: string; unit: UiStringUnit };


export function listedLibrary(unit: TranslationUnitSummary): ListedUnit {
  return { mode: 'library', key: unitKey(unit), unit };
}

export function libraryWork(unit: TranslationUnit): WorkUnit {
  return { mode: 'library', key: unitKey(unit), unit };
}

export function uiWork(unit: UiStringUnit): WorkUnit & ListedUnit {
  return { mode: 'ui', key: `${unit.namespace}|${unit.key}`, unit };
}

/** A unit just saved, as its row now shows it. */
export function listedOf(work: WorkUnit): ListedUnit {
  return work.mode === 'library' ? listedLibrary(summarizeUnit(work.unit)) : work;
}

export function workTestId(work: ListedUnit | WorkUnit): string {
  return work.mode === 'library' ? `tr-unit-${work.unit.pieceId}-${work.unit.field}` : `tr-ui-${work.unit.namespace}-${work.unit.key}`;
}

/** Who approved a library text, or last changed an interface string, and when. */
export function signature(work: ListedUnit | WorkUnit): { by: string | null; at: string | null } {
  return work.mode === 'library'
    ? { by: work.unit.approvedBy, at: work.unit.approvedAt }
    : { by: work.unit.updatedBy, at: work.unit.updatedAt };
}
