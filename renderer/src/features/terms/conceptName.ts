import type { Locale } from '../../../../shared/domain/locales';
import type { Concept } from '../../../../shared/terms/termTypes';

/**
 * What a person calls a concept: its preferred term in the reader's language, else its first
 * preferred term, else its first term that is not forbidden, else its id.
 */
export function conceptName(concept: Concept, locale: Locale): string {
  const preferred = concept.terms.filter((t) => t.status === 'preferred');
  return (
    preferred.find((t) => t.locale === locale)?.text ??
    preferred[0]?.text ??
    concept.terms.find((t) => t.status !== 'forbidden')?.text ??
    concept.id
  );
}
