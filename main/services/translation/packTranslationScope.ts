import { LOCALES, type Locale } from '../../../shared/domain/locales';
import type { StrictBlocker } from '../../../shared/api/translationTypes';
import { editionModels } from '../../pdf/editionModels';
import type { LibraryStore } from '../LibraryStore';

/**
 * What a pack's editions use, resolved as the PDF engine resolves them, and what `build
 * --strict` would refuse in each language: the same check, so the list and the build agree.
 */
export function packTranslationScope(
  store: LibraryStore,
  packRef: string,
): { usedBy: Record<Locale, Set<string>>; blockers: StrictBlocker[] } {
  const { usedBy, reports } = editionModels(store.readDocument(), packRef, LOCALES);
  const blockers: StrictBlocker[] = [];
  for (const report of reports) {
    for (const issue of report.missing) blockers.push({ locale: report.locale, ...issue, state: 'missing' });
    for (const issue of report.stale) blockers.push({ locale: report.locale, ...issue, state: 'stale' });
  }
  return { usedBy: usedBy as Record<Locale, Set<string>>, blockers };
}
