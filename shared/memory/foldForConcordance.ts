/** Text as concordance compares it: no case, no accents, runs of spaces as one. */
export function foldForConcordance(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(/\s+/g, ' ');
}
