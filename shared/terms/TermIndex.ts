import type { Locale } from '../domain/locales';
import type { Concept, TermStatus } from './termTypes';
import { termTokens } from './termTokens';

export interface IndexedTerm {
  conceptId: string;
  text: string;
  status: TermStatus;
  tokens: readonly string[];
}

export interface TermHit {
  term: IndexedTerm;
  /** Where in the text's words it starts. */
  at: number;
}

/**
 * The termbase arranged for finding its terms in texts: per language, the terms by their first
 * word, so a text is read once whatever the size of the termbase.
 */
export class TermIndex {
  private readonly byFirst = new Map<Locale, Map<string, IndexedTerm[]>>();
  private readonly concepts = new Map<string, Concept>();

  constructor(concepts: readonly Concept[]) {
    for (const concept of concepts) {
      this.concepts.set(concept.id, concept);
      for (const term of concept.terms) {
        const tokens = termTokens(term.text, term.locale);
        if (tokens.length === 0) continue;
        let first = this.byFirst.get(term.locale);
        if (!first) this.byFirst.set(term.locale, (first = new Map()));
        const list = first.get(tokens[0]!) ?? [];
        list.push({ conceptId: concept.id, text: term.text, status: term.status, tokens });
        first.set(tokens[0]!, list);
      }
    }
  }

  concept(id: string): Concept | undefined {
    return this.concepts.get(id);
  }

  /** The terms of the termbase in `locale` that `text` contains, in the order they occur. */
  find(text: string, locale: Locale): TermHit[] {
    const first = this.byFirst.get(locale);
    if (!first || text === '') return [];
    const words = termTokens(text, locale);
    const hits: TermHit[] = [];
    for (let at = 0; at < words.length; at++) {
      for (const term of first.get(words[at]!) ?? []) {
        if (term.tokens.every((token, k) => words[at + k] === token)) hits.push({ term, at });
      }
    }
    return hits;
  }

  /** The terms a translation into `locale` may use for a concept: preferred first, then admitted. */
  expected(conceptId: string, locale: Locale): string[] {
    const terms = this.concepts.get(conceptId)?.terms.filter((t) => t.locale === locale && t.status !== 'forbidden') ?? [];
    return [...terms.filter((t) => t.status === 'preferred'), ...terms.filter((t) => t.status === 'admitted')].map((t) => t.text);
  }
}
