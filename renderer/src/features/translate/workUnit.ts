import type { TranslationUnit, UiStringUnit } from '../../../../shared/api/translationTypes';

export type TranslateMode = 'library' | 'ui';

/** A library text or an interface string, under one shape so the same editor serves both. */
export type WorkUnit = { mode: 'library'; key: string; unit: TranslationUnit } | { mode: 'ui'; key: string; unit: UiStringUnit };

export function libraryWork(unit: TranslationUnit): WorkUnit {
  return { mode: 'library', key: `${unit.pieceId}|${unit.field}`, unit };
}

export function uiWork(unit: UiStringUnit): WorkUnit {
  return { mode: 'ui', key: `${unit.namespace}|${unit.key}`, unit };
}

export function workTestId(work: WorkUnit): string {
  return work.mode === 'library' ? `tr-unit-${work.unit.pieceId}-${work.unit.field}` : `tr-ui-${work.unit.namespace}-${work.unit.key}`;
}

/** Who approved a library text, or last changed an interface string, and when. */
export function signature(work: WorkUnit): { by: string | null; at: string | null } {
  return work.mode === 'library'
    ? { by: work.unit.approvedBy, at: work.unit.approvedAt }
    : { by: work.unit.updatedBy, at: work.unit.updatedAt };
}
