import { describe, expect, it } from 'vitest';
import { mergeLinks, textInRect } from '../../../renderer/src/features/viewer/pageLinks';

describe('links on a page', () => {
  it('makes one link of the word-by-word links of a contents line', () => {
    const words = [
      { key: 'section-1', rect: [56, 662.4, 68.2, 677.4] as [number, number, number, number], target: 'a' },
      { key: 'section-1', rect: [68.2, 662.4, 83.8, 677.4] as [number, number, number, number], target: 'a' },
      { key: 'section-1', rect: [83.8, 662.4, 126.7, 677.4] as [number, number, number, number], target: 'a' },
      // The page number at the end of the dotted line, far right, but still the same line.
      { key: 'section-1', rect: [540, 662.4, 556, 677.4] as [number, number, number, number], target: 'a' },
      { key: 'section-2', rect: [56, 640, 90, 655] as [number, number, number, number], target: 'b' },
    ];
    expect(mergeLinks(words).map((l) => [l.key, l.rect])).toEqual([
      ['section-1', [56, 662.4, 126.7, 677.4]],
      ['section-1', [540, 662.4, 556, 677.4]],
      ['section-2', [56, 640, 90, 655]],
    ]);
  });

  it('keeps apart the same destination on two lines, and normalises corners', () => {
    const merged = mergeLinks([
      { key: 'x', rect: [10, 30, 50, 20], target: 1 },
      { key: 'x', rect: [10, 10, 50, 0], target: 1 },
    ]);
    expect(merged.map((l) => l.rect)).toEqual([
      [10, 20, 50, 30],
      [10, 0, 50, 10],
    ]);
    expect(mergeLinks([])).toEqual([]);
  });
});

describe('a link named by the words it covers', () => {
  const at = (str: string, x: number, y: number) => ({ str, transform: [10, 0, 0, 10, x, y] });
  it('reads the items that start inside the box', () => {
    const items = [at('2. Roadmap ', 56, 665), at('priorities', 110, 665), at('Elsewhere', 56, 600), at(' ', 130, 665)];
    expect(textInRect(items, [56, 662, 200, 677])).toBe('2. Roadmap priorities');
    expect(textInRect(items, [300, 300, 310, 310])).toBe('');
    expect(textInRect([at('x'.repeat(500), 56, 665)], [56, 662, 200, 677])).toHaveLength(160);
  });
});
