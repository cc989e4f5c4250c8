import type { Concept } from '../../../../shared/terms/termTypes';
import { foldText } from '../../components/foldText';

/** The list's search: every word in one of the concept's terms, its id, subject or note, without case or accents. */
export function conceptMatches(concept: Concept, folded: string): boolean {
  if (folded === '') return true;
  const hay = [concept.id, concept.subject ?? '', concept.note ?? '', ...concept.terms.map((t) => t.text)].map(foldText).join('\n');
  return folded.split(/\s+/).every((word) => hay.includes(word));
}
