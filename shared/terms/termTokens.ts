import type { Locale } from '../domain/locales';

/**
 * The words of a text as term matching compares them: without case or accents, apostrophes and
 * hyphens as word breaks (“d’armes”, “Inter-American”), and each word reduced to a common form
 * of its singular and plural, so “migrants” finds “migrant” and “Naciones” finds “nación”. The
 * same reduction applies to terms and texts, so it only has to be consistent, not a grammar.
 */
export function termTokens(text: string, locale: Locale): string[] {
  const words = text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
  return words.map((w) => singular(w, locale));
}

function singular(word: string, locale: Locale): string {
  // Short words (articles, prepositions: “des”, “las”, “its”) are left as they are.
  if (word.length <= 3) return word;
  switch (locale) {
    case 'en':
      if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
      if (/(?:ss|sh|ch|x|z)es$/.test(word)) return word.slice(0, -2);
      if (word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us')) return word.slice(0, -1);
      return word;
    case 'fr':
      if (word.endsWith('aux')) return `${word.slice(0, -3)}al`;
      if (/[sx]$/.test(word)) return word.slice(0, -1);
      return word;
    case 'es': {
      // “migrantes” and “migrante”, “naciones” and “nación”, “leyes” and “ley” meet at one form.
      const bare = word.endsWith('s') ? word.slice(0, -1) : word;
      return bare.length > 3 && bare.endsWith('e') ? bare.slice(0, -1) : bare;
    }
  }
}
