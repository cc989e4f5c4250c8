import { describe, expect, it } from 'vitest';
import {
  findInText,
  findOnPage,
  foldQuery,
  foldWithMap,
  highlightSegments,
  joinPageText,
  MAX_MATCHES_PER_PAGE,
  toItemRanges,
  type PageText,
} from '../../../renderer/src/features/viewer/textMatches';

describe('search in a PDF page', () => {
  it('folds case, accents and ligatures, and maps back to the original', () => {
    const folded = foldWithMap('Sécurité  Œuvre');
    expect(folded.text).toBe('securite oeuvre');
    // "oe" both come from "Œ" at 10.
    expect([folded.from[9], folded.to[9], folded.from[10], folded.to[10]]).toEqual([10, 11, 10, 11]);
    // The two spaces are one, covering both.
    expect([folded.from[8], folded.to[8]]).toEqual([8, 10]);
    expect(foldQuery('  SÉCURITÉ\n citoyenne ')).toBe('securite citoyenne');
  });

  it('reads a decomposed accent (e + combining acute) like a composed one', () => {
    expect(findInText('se\u0301curite\u0301', foldQuery('sécurité'))).toEqual([{ start: 0, end: 10 }]);
  });

  it('finds accent-insensitive matches and returns their place in the original text', () => {
    const text = 'La sécurité citoyenne et la Securite numérique';
    expect(findInText(text, foldQuery('securite'))).toEqual([
      { start: 3, end: 11 },
      { start: 28, end: 36 },
    ]);
    expect(text.slice(3, 11)).toBe('sécurité');
    expect(findInText(text, '')).toEqual([]);
    expect(findInText(text, foldQuery('absent'))).toEqual([]);
  });

  it('does not overlap matches and caps their number', () => {
    expect(findInText('aaaa', 'aa')).toEqual([
      { start: 0, end: 2 },
      { start: 2, end: 4 },
    ]);
    expect(findInText('a'.repeat(5000), 'a')).toHaveLength(MAX_MATCHES_PER_PAGE);
  });

  it('keeps astral characters whole', () => {
    expect(findInText('𝒜 niño', foldQuery('nino'))).toEqual([{ start: 3, end: 7 }]);
  });

  const page: PageText = {
    items: ['Convention of Palermo', 'against transnational', '', 'organized crime'],
    eol: [true, false, false, false],
  };

  it('joins items as the text layer lays them out, a line end as a break', () => {
    const { text, starts } = joinPageText(page);
    expect(text).toBe('Convention of Palermo\nagainst transnationalorganized crime');
    expect(starts).toEqual([0, 22, 43, 43]);
  });

  it('maps a match across a line end to a piece in each item', () => {
    const { text, starts } = joinPageText(page);
    const [range] = findInText(text, foldQuery('palermo against'));
    expect(toItemRanges(range!, page, starts)).toEqual([
      { item: 0, start: 14, end: 21 },
      { item: 1, start: 0, end: 7 },
    ]);
    expect(findOnPage(page, foldQuery('PALERMO'))).toEqual([[{ item: 0, start: 14, end: 21 }]]);
    // Across items with no break between them; the empty item gets no piece.
    expect(findOnPage(page, foldQuery('transnationalorganized'))).toEqual([
      [
        { item: 1, start: 8, end: 21 },
        { item: 3, start: 0, end: 9 },
      ],
    ]);
  });

  it('cuts each item holding a match into plain and highlighted segments', () => {
    const items = ['the crime and the crime', 'crime scene'];
    const matches = [
      [{ item: 0, start: 4, end: 9 }],
      [{ item: 0, start: 18, end: 23 }],
      [{ item: 1, start: 0, end: 5 }],
    ];
    const segments = highlightSegments(items, matches);
    expect(segments.get(0)).toEqual([
      { text: 'the ', match: null },
      { text: 'crime', match: 0 },
      { text: ' and the ', match: null },
      { text: 'crime', match: 1 },
    ]);
    expect(segments.get(1)).toEqual([
      { text: 'crime', match: 2 },
      { text: ' scene', match: null },
    ]);
    for (const [item, list] of segments) expect(list.map((s) => s.text).join('')).toBe(items[item]);
  });
});
