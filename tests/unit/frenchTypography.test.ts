import { describe, expect, it } from 'vitest';
import { NBSP, NNBSP, frenchTypography } from '../../shared/text/frenchTypography';

/** Visible names for the two spaces, so a failure reads. */
const show = (s: string) => s.replaceAll(NBSP, '⍽').replaceAll(NNBSP, '·');

describe('frenchTypography', () => {
  it('turns a typed space before : ; ! ? » and after « into the non-breaking space French requires', () => {
    expect(show(frenchTypography('Priorités : 3 ; 4 ! Vraiment ? « Oui » dit-il.'))).toBe('Priorités⍽: 3·; 4·! Vraiment·? «·Oui·» dit-il.');
  });

  it('adds the missing space where the mark closes a phrase', () => {
    expect(show(frenchTypography('Note: voir ceci; et cela! Qui? «Nous»'))).toBe('Note⍽: voir ceci·; et cela·! Qui·? «·Nous·»');
    expect(show(frenchTypography('Quoi?!'))).toBe('Quoi·?!');
  });

  it('leaves web addresses, times and ratios alone', () => {
    const text = 'https://example.org/a?b=1;c=2 à 10:30, rapport 1:2, a.php?x';
    expect(frenchTypography(text)).toBe(text);
  });

  it('collapses several typed spaces into one and keeps line breaks', () => {
    expect(show(frenchTypography('Objet  :\nsuite'))).toBe('Objet⍽:\nsuite');
    expect(show(frenchTypography('ligne\n: suite'))).toBe('ligne\n: suite');
  });

  it('is idempotent', () => {
    const once = frenchTypography('Objet : « citation » ; fin !');
    expect(frenchTypography(once)).toBe(once);
  });

  it('pieces of one paragraph (bold, links) read as the whole would, each change made once', () => {
    const pieces = ['Voir la ', 'Convention', ': « ', 'texte', '» ', 'ici', ' ?'];
    const joined = pieces.join('');
    const piecewise = pieces
      .map((piece, i) => frenchTypography(piece, pieces.slice(0, i).join(''), pieces.slice(i + 1).join('')))
      .join('');
    expect(show(piecewise)).toBe(show(frenchTypography(joined)));
    expect(show(piecewise)).toBe('Voir la Convention⍽: «·texte·» ici·?');
  });
});
