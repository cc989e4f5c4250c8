import { describe, expect, it } from 'vitest';
import { fuzzyScore, memoryWords, overlap } from '../../shared/memory/fuzzyScore';

const score = (a: string, b: string) => fuzzyScore(memoryWords(a), memoryWords(b));

describe('translation memory scores', () => {
  it('scores the same words 100 whatever their case, accents and punctuation', () => {
    expect(score('La traite des personnes.', 'la TRAITE des personnes')).toBe(100);
    expect(score('Sécurité humaine', 'securite humaine')).toBe(100);
  });

  it('scores by words changed over the longer segment', () => {
    // One word of five replaced: 80.
    expect(score('la lutte contre la corruption', 'la lutte contre la criminalité')).toBe(80);
    // One word of six added: 83.
    expect(score('la lutte contre la corruption', 'la lutte mondiale contre la corruption')).toBe(83);
    expect(score('un deux trois', 'quatre cinq six')).toBe(0);
    expect(score('', '')).toBe(100);
  });

  it('sifts by shared words before scoring', () => {
    expect(overlap(new Set(['a', 'b']), new Set(['b', 'c']))).toBe(0.5);
    expect(overlap(new Set(['a']), new Set(['z']))).toBe(0);
  });
});
