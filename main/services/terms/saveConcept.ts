import { AppError } from '../../../shared/errors/AppError';
import type { Approver } from '../../../shared/translation/approvalAfterEdit';
import type { ConceptInput } from '../../../shared/terms/conceptSchema';
import type { Concept, Term } from '../../../shared/terms/termTypes';
import type { LibraryStore } from '../LibraryStore';

/**
 * The concept with its approvals stamped: a term approved now is signed by the approver; one that
 * was approved and is unchanged keeps its signature; a draft carries none.
 */
export function stampConcept(input: ConceptInput, before: Concept | null, approver: Approver): Concept {
  const seen = new Set<string>();
  const terms = input.terms.map((t): Term => {
    const key = `${t.locale}\u0000${t.text}`;
    if (seen.has(key)) throw new AppError('terms.duplicateTerm', { term: t.text, language: t.locale, concept: input.id });
    seen.add(key);
    if (t.approval === 'draft') return { ...t, approvedBy: null, approvedAt: null };
    const kept = before?.terms.find((b) => b.locale === t.locale && b.text === t.text && b.status === t.status && b.approval === 'approved');
    return { ...t, approvedBy: kept?.approvedBy ?? approver.by, approvedAt: kept?.approvedAt ?? approver.at };
  });
  return { id: input.id, subject: input.subject, note: input.note, source: input.source, terms };
}

/** Adds or replaces one concept and its terms, in one write. */
export function saveConcept(store: LibraryStore, input: ConceptInput, approver: Approver): Concept {
  return store.write(() => {
    const concept = stampConcept(input, store.terms.read(input.id), approver);
    store.terms.replace(concept, approver.at);
    return store.terms.read(concept.id)!;
  });
}
