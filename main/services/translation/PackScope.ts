import type { Locale } from '../../../shared/domain/locales';
import type { StrictBlocker } from '../../../shared/api/translationTypes';
import type { LibraryStore } from '../LibraryStore';

/** What a pack's editions use (`pieceId NUL field` per language) and what a strict build would refuse. */
export interface PackScope {
  usedBy: Record<Locale, Set<string>>;
  blockers: StrictBlocker[];
}

/**
 * Resolves a pack as the PDF engine does. The engine sits above services, so callers on top
 * (API, CLI) pass main/pdf/packTranslationScope in.
 */
export type PackScopeOf = (store: LibraryStore, packRef: string) => PackScope;

export const NO_PACK_SCOPE: PackScopeOf = () => {
  throw new Error('A pack filter needs the pack resolver: pass packTranslationScope from main/pdf.');
};
