import type { Locale } from '../domain/locales';
import type { Concept } from './termTypes';
import { termTokens } from './termTokens';

export interface TermbaseConflict {
  locale: Locale;
  term: string;
  /** The concept that forbids it… */
  forbiddenIn: string;
  /** …and the one that prefers or admits it: translators would be told both. */
  allowedIn: string;
}

/** Terms one concept forbids and another prefers or admits, compared as term matching compares them. */
export function termbaseConflicts(concepts: readonly Concept[]): TermbaseConflict[] {
  const allowed = new Map<string, string>();
  for (const c of concepts) {
    for (const t of c.terms) if (t.status !== 'forbidden') allowed.set(`${t.locale} ${termTokens(t.text, t.locale).join(' ')}`, c.id);
  }
  const out: TermbaseConflict[] = [];
  for (const c of concepts) {
    for (const t of c.terms) {
      if (t.status !== 'forbidden') continue;
      const other = allowed.get(`${t.locale} ${termTokens(t.text, t.locale).join(' ')}`);
      if (other !== undefined && other !== c.id) out.push({ locale: t.locale, term: t.text, forbiddenIn: c.id, allowedIn: other });
    }
  }
  return out;
}
