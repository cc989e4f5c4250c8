import type { Locale } from '../../../shared/domain/locales';
import { TermIndex } from '../../../shared/terms/TermIndex';
import type { XliffCandidate, XliffGlossEntry } from '../../xliff/xliffTypes';
import type { LibraryStore } from '../LibraryStore';
import { findMemoryMatches } from '../memory/findMemoryMatches';

/** As many as a CAT tool's match pane shows at once. */
const CANDIDATES = 3;

/**
 * What a CAT tool shows beside an exported unit: the termbase entries for the terms its source
 * holds (with the expected and the forbidden target terms) and the translation memory's best
 * matches, the same the translator's view offers.
 */
export function unitEnrichment(store: LibraryStore, source: Locale, target: Locale) {
  const index = new TermIndex(store.terms.readAll());
  return (pieceId: string, field: string, text: string): { glossary: XliffGlossEntry[]; candidates: XliffCandidate[] } => {
    const glossary: XliffGlossEntry[] = [];
    const seen = new Set<string>();
    for (const hit of index.find(text, source)) {
      if (seen.has(hit.term.conceptId)) continue;
      seen.add(hit.term.conceptId);
      const concept = index.concept(hit.term.conceptId);
      const forbidden = concept?.terms.filter((t) => t.locale === target && t.status === 'forbidden').map((t) => t.text) ?? [];
      const parts = [forbidden.length > 0 ? `Not: ${forbidden.join('; ')}` : null, concept?.note ?? null].filter((p): p is string => p !== null);
      const translations = index.expected(hit.term.conceptId, target);
      const definition = parts.length > 0 ? parts.join(' — ') : null;
      if (translations.length === 0 && definition === null) continue;
      glossary.push({ term: hit.term.text, translations, definition });
    }
    const candidates = findMemoryMatches(store, { pieceId, field, source, target })
      .flatMap((segment) => segment.matches)
      .sort((a, b) => b.score - a.score)
      .slice(0, CANDIDATES)
      .map((m) => ({ source: m.source, target: m.target, similarity: m.score, origin: m.origin ?? `${m.pieceId}/${m.field}` }));
    return { glossary, candidates };
  };
}
