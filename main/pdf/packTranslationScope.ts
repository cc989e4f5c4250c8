import { LOCALES, type Locale } from '../../shared/domain/locales';
import type { StrictBlocker } from '../../shared/api/translationTypes';
import type { PackScope } from '../services/translation/PackScope';
import type { LibraryStore } from '../services/LibraryStore';
import { editionModels } from './editionModels';

/**
 * What a pack's editions use, resolved as the PDF engine resolves them, and what `build
 * --strict` would refuse in each language: the same check, so the list and the build agree.
 * Services cannot import the PDF engine; the API and CLI hand this to them.
 */
export function packTranslationScope(store: LibraryStore, packRef: string): PackScope {
  const { usedBy, reports } = editionModels(store.readDocument(), packRef, LOCALES);
  const blockers: StrictBlocker[] = [];
  for (const report of reports) {
    for (const issue of report.missing) blockers.push({ locale: report.locale, ...issue, state: 'missing' });
    for (const issue of report.stale) blockers.push({ locale: report.locale, ...issue, state: 'stale' });
  }
  return { usedBy: usedBy as Record<Locale, Set<string>>, blockers };
}
