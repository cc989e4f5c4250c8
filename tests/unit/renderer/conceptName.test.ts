import { describe, expect, it } from 'vitest';
import { conceptName } from '../../../renderer/src/features/terms/conceptName';
import type { Concept, Term } from '../../../shared/terms/termTypes';

const term = (locale: Term['locale'], text: string, status: Term['status']): Term => ({ locale, text, status, note: null, approval: 'draft', approvedBy: null, approvedAt: null });
const concept = (terms: Term[]): Concept => ({ id: 'c-1', subject: null, note: null, source: null, terms });

describe('conceptName', () => {
  it('is the preferred term in the reader’s language, else another preferred one, else an allowed one, else the id', () => {
    const c = concept([term('en', 'trafficking in human beings', 'forbidden'), term('en', 'trafficking in persons', 'preferred'), term('es', 'trata de personas', 'preferred')]);
    expect(conceptName(c, 'es')).toBe('trata de personas');
    expect(conceptName(c, 'en')).toBe('trafficking in persons');
    expect(conceptName(c, 'fr')).toBe('trafficking in persons');
    expect(conceptName(concept([term('fr', 'traite des êtres humains', 'forbidden'), term('fr', 'traite', 'admitted')]), 'en')).toBe('traite');
    expect(conceptName(concept([term('fr', 'traite des êtres humains', 'forbidden')]), 'en')).toBe('c-1');
  });
});
