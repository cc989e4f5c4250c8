import type { Locale } from '../domain/locales';
import type { TermIndex } from '../terms/TermIndex';

export interface TermContext {
  index: TermIndex;
  source: Locale;
  target: Locale;
}

export interface TermCheck {
  key: 'termMissing' | 'termForbidden';
  conceptId: string;
  /** The term the check is about: found in the source (missing) or in the target (forbidden). */
  term: string;
  /** What the translation should use instead, preferred first. */
  expected: string[];
}

/**
 * The termbase's checks on a translation: a concept named in the source (by any of its terms)
 * is named in the target by one of its preferred or admitted terms, and no forbidden term
 * appears in the target at all. A concept with no term in the target language asks nothing.
 */
export function checkTerms(source: string, target: string, { index, source: from, target: to }: TermContext): TermCheck[] {
  const checks: TermCheck[] = [];
  const inTarget = index.find(target, to);
  const named = new Set(inTarget.filter((h) => h.term.status !== 'forbidden').map((h) => h.term.conceptId));
  const seen = new Set<string>();
  for (const { term } of index.find(source, from)) {
    if (seen.has(term.conceptId)) continue;
    seen.add(term.conceptId);
    const expected = index.expected(term.conceptId, to);
    if (expected.length > 0 && !named.has(term.conceptId)) checks.push({ key: 'termMissing', conceptId: term.conceptId, term: term.text, expected });
  }
  const flagged = new Set<string>();
  for (const { term } of inTarget) {
    if (term.status !== 'forbidden' || flagged.has(term.text)) continue;
    flagged.add(term.text);
    checks.push({ key: 'termForbidden', conceptId: term.conceptId, term: term.text, expected: index.expected(term.conceptId, to) });
  }
  return checks;
}
