import { describe, expect, it } from 'vitest';
import { highlightParts, plainExcerptText, searchExcerpt, wordMatches } from '../../../shared/text/searchExcerpt';
import { searchTokens } from '../../../shared/text/foldForSearch';

const marked = (parts: { text: string; hit: boolean }[]) => parts.map((p) => (p.hit ? `[${p.text}]` : p.text)).join('');

describe('searchTokens', () => {
  it('folds case, accents and ligatures as the index does', () => {
    expect(searchTokens("L'ÉCOLE")).toEqual(['l', 'ecole']);
    expect(searchTokens('Œuvre, niños; Straße')).toEqual(['oeuvre', 'ninos', 'strasse']);
    expect(searchTokens('  —  ')).toEqual([]);
  });
});

describe('highlightParts', () => {
  it('marks every word that starts with a query token, whatever its accents and case', () => {
    const tokens = searchTokens('securite hum');
    expect(marked(highlightParts('La Sécurité humaine et la SÉCURITÉ', tokens))).toBe('La [Sécurité] [humaine] et la [SÉCURITÉ]');
  });

  it('keeps the text exactly: the parts joined give it back', () => {
    const text = 'Niños, niñas y adolescentes — l’œuvre de 2025 [sic]';
    const parts = highlightParts(text, searchTokens('ninos oeuvre'));
    expect(parts.map((p) => p.text).join('')).toBe(text);
    expect(parts.filter((p) => p.hit).map((p) => p.text)).toEqual(['Niños', 'œuvre']);
  });

  it('matches prefixes only, never the inside of a word', () => {
    expect(wordMatches('Palermo', ['pal'])).toBe(true);
    expect(wordMatches('Napalm', ['pal'])).toBe(false);
  });

  it('a text without a match is one plain part', () => {
    expect(highlightParts('Nothing here', ['zzz'])).toEqual([{ text: 'Nothing here', hit: false }]);
  });
});

describe('searchExcerpt', () => {
  it('drops Markdown markers and keeps link labels', () => {
    expect(plainExcerptText('## Title\n\n**Bold** and [a link](https://example.org) `code`\n- item')).toBe('Title Bold and a link code item');
  });

  it('shows a window around the first match, cut at words with an ellipsis each side', () => {
    const words = Array.from({ length: 60 }, (_, i) => `word${i}`);
    words[30] = 'Palermo';
    const out = marked(searchExcerpt(words.join(' '), ['palermo'], 10));
    expect(out.startsWith('…word27 word28 word29 [Palermo] word31')).toBe(true);
    expect(out.endsWith('word36…')).toBe(true);
  });

  it('starts at the beginning when the match is near it, with no leading ellipsis', () => {
    expect(marked(searchExcerpt('The Palermo Convention of 2000', ['palermo']))).toBe('The [Palermo] Convention of 2000');
  });

  it('stays short with a huge word, keeping the match in view', () => {
    const huge = 'x'.repeat(5000);
    const parts = searchExcerpt(`${huge} Palermo ${huge}`, ['palermo'], 16, 200);
    const text = parts.map((p) => p.text).join('');
    expect(text.length).toBeLessThanOrEqual(202);
    expect(parts.some((p) => p.hit && p.text === 'Palermo')).toBe(true);
  });
});
