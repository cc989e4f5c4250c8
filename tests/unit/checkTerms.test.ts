import { describe, expect, it } from 'vitest';
import type { Concept, Term } from '../../shared/terms/termTypes';
import { TermIndex } from '../../shared/terms/TermIndex';
import { termTokens } from '../../shared/terms/termTokens';
import { checkTerms } from '../../shared/translation/checkTerms';
import { checkTranslation } from '../../shared/translation/checkTranslation';

const term = (locale: Term['locale'], text: string, status: Term['status'] = 'preferred'): Term => ({
  locale,
  text,
  status,
  note: null,
  approval: 'draft',
  approvedBy: null,
  approvedAt: null,
});

const concepts: Concept[] = [
  {
    id: 'trafficking-in-persons',
    subject: null,
    note: null,
    source: null,
    terms: [
      term('en', 'trafficking in persons'),
      term('en', 'trafficking in human beings', 'forbidden'),
      term('fr', 'traite des personnes'),
      term('fr', 'traite des êtres humains', 'forbidden'),
      term('es', 'trata de personas'),
      term('es', 'trata de seres humanos', 'forbidden'),
    ],
  },
  {
    id: 'smuggling-of-migrants',
    subject: null,
    note: null,
    source: null,
    terms: [term('en', 'smuggling of migrants'), term('fr', 'trafic illicite de migrants'), term('es', 'tráfico ilícito de migrantes')],
  },
  {
    id: 'inst-palermo',
    subject: null,
    note: null,
    source: null,
    terms: [
      term('en', 'United Nations Convention against Transnational Organized Crime'),
      term('en', 'Palermo Convention', 'admitted'),
      term('fr', 'Convention de Palerme', 'admitted'),
      term('es', 'Convención de Palermo', 'admitted'),
    ],
  },
];
const index = new TermIndex(concepts);
const frToEs = { index, source: 'fr', target: 'es' } as const;

describe('term matching', () => {
  it('ignores case and accents and meets singular and plural forms', () => {
    expect(termTokens('Tráfico ILÍCITO de Migrantes', 'es')).toEqual(termTokens('trafico ilicito de migrante', 'es'));
    expect(termTokens('Naciones', 'es')).toEqual(termTokens('nación', 'es'));
    expect(termTokens('personnes', 'fr')).toEqual(termTokens('Personne', 'fr'));
    expect(termTokens('communities', 'en')).toEqual(termTokens('community', 'en'));
    expect(termTokens('boxes', 'en')).toEqual(termTokens('box', 'en'));
    // Apostrophes and hyphens separate words, as they do in the terms.
    expect(termTokens('d’armes', 'fr')).toEqual(['d', 'arme']);
    expect(termTokens("d'armes", 'fr')).toEqual(['d', 'arme']);
  });

  it('finds a term inside a sentence, whatever its case, and not a part of another word sequence', () => {
    const hits = index.find('La lutte contre la Traite des Personnes est une priorité.', 'fr');
    expect(hits.map((h) => h.term.conceptId)).toEqual(['trafficking-in-persons']);
    expect(index.find('La traite des enfants et des personnes', 'fr')).toEqual([]);
  });
});

describe('checkTerms', () => {
  it('passes a translation that uses the preferred term, in another inflection', () => {
    expect(checkTerms('Le Protocole contre le trafic illicite de migrants.', 'El protocolo contra el Tráfico Ilícito de Migrante.', frToEs)).toEqual([]);
  });

  it('asks for the preferred or admitted term when the source names the concept and the target does not', () => {
    expect(checkTerms('La traite des personnes progresse.', 'La explotación progresa.', frToEs)).toEqual([
      { key: 'termMissing', conceptId: 'trafficking-in-persons', term: 'traite des personnes', expected: ['trata de personas'] },
    ]);
    // Preferred first, then admitted; an admitted term satisfies the check.
    const en = { index, source: 'es', target: 'en' } as const;
    expect(checkTerms('La Convención de Palermo', 'The convention', en)[0]!.expected).toEqual([
      'United Nations Convention against Transnational Organized Crime',
      'Palermo Convention',
    ]);
    expect(checkTerms('La Convención de Palermo', 'The Palermo Convention', en)).toEqual([]);
  });

  it('flags a forbidden term in the target and proposes the preferred one', () => {
    const checks = checkTerms('La traite des personnes progresse.', 'La trata de seres humanos progresa.', frToEs);
    expect(checks).toEqual([
      { key: 'termMissing', conceptId: 'trafficking-in-persons', term: 'traite des personnes', expected: ['trata de personas'] },
      { key: 'termForbidden', conceptId: 'trafficking-in-persons', term: 'trata de seres humanos', expected: ['trata de personas'] },
    ]);
    // Forbidden even when the source names no term, and even beside the preferred one.
    expect(checkTerms('Autre chose.', 'La trata de personas, o TRATA DE SERES HUMANOS.', frToEs).map((c) => c.key)).toEqual(['termForbidden']);
  });

  it('finds the concept in the source by a forbidden term too', () => {
    expect(checkTerms('la traite des êtres humains', 'trafficking in persons', { index, source: 'fr', target: 'en' })).toEqual([]);
    expect(checkTerms('la traite des êtres humains', 'human trafficking', { index, source: 'fr', target: 'en' }).map((c) => c.key)).toEqual(['termMissing']);
  });

  it('joins the other checks of checkTranslation, only when given a termbase', () => {
    expect(checkTranslation('La traite des personnes en 2025.', 'La trata de seres humanos en 2025.').map((c) => c.key)).toEqual([]);
    const checks = checkTranslation('La traite des personnes en 2025.', 'La trata de seres humanos en 2024.', frToEs);
    expect(checks.map((c) => c.key)).toEqual(['numbers', 'termMissing', 'termForbidden']);
    expect(checks[2]!.values).toEqual({ term: 'trata de seres humanos', expected: 'trata de personas' });
  });
});
