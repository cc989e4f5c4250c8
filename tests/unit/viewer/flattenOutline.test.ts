import { describe, expect, it } from 'vitest';
import { currentBookmark, flattenOutline, parseDestination, type OutlineNode } from '../../../renderer/src/features/viewer/flattenOutline';

const node = (title: string, items: OutlineNode[] = [], dest: OutlineNode['dest'] = null): OutlineNode => ({ title, dest, url: null, items });

describe('bookmarks', () => {
  it('lists the outline in reading order with each depth and a stable id', () => {
    const outline = [node('Contents'), node('Priorities', [node('1. Human security', [node('Palermo')]), node('2. Violence')]), node('Countries')];
    expect(flattenOutline(outline).map((b) => [b.id, b.level, b.title])).toEqual([
      ['0', 1, 'Contents'],
      ['1', 1, 'Priorities'],
      ['1.0', 2, '1. Human security'],
      ['1.0.0', 3, 'Palermo'],
      ['1.1', 2, '2. Violence'],
      ['2', 1, 'Countries'],
    ]);
  });

  it('reads no outline as no bookmarks, and tidies titles', () => {
    expect(flattenOutline(null)).toEqual([]);
    expect(flattenOutline([])).toEqual([]);
    expect(flattenOutline([node('  Two\n lines  ')])[0]!.title).toBe('Two lines');
  });

  it('walks an outline nested 10,000 levels deep without recursion', () => {
    const root = node('level 1');
    let at = root;
    for (let i = 2; i <= 10_000; i++) {
      const child = node(`level ${i}`);
      at.items.push(child);
      at = child;
    }
    const flat = flattenOutline([root]);
    expect(flat).toHaveLength(5000);
    expect(flat.at(-1)!.level).toBe(5000);
    expect(flattenOutline([root], 20_000)).toHaveLength(10_000);
  });

  it('finds the bookmark the reader is in', () => {
    const pages = [0, 2, 2, null, 7];
    expect(currentBookmark(pages, 0)).toBe(0);
    expect(currentBookmark(pages, 1)).toBe(0);
    expect(currentBookmark(pages, 2)).toBe(2);
    expect(currentBookmark(pages, 6)).toBe(2);
    expect(currentBookmark(pages, 9)).toBe(4);
    expect(currentBookmark([null, 3], 1)).toBeNull();
  });

  it('reads explicit destinations', () => {
    const ref = { num: 12, gen: 0 };
    expect(parseDestination([ref, { name: 'XYZ' }, 72, 700, null])).toEqual({ page: { ref }, left: 72, top: 700 });
    expect(parseDestination([3, { name: 'FitH' }, 500])).toEqual({ page: { index: 3 }, left: null, top: 500 });
    expect(parseDestination([ref, { name: 'Fit' }])).toEqual({ page: { ref }, left: null, top: null });
    expect(parseDestination([ref, { name: 'FitR' }, 10, 20, 300, 400])).toEqual({ page: { ref }, left: 10, top: 400 });
    expect(parseDestination([ref, { name: 'XYZ' }, null, null, 0])).toEqual({ page: { ref }, left: null, top: null });
    expect(parseDestination('named')).toBeNull();
    expect(parseDestination([{ foo: 1 }, { name: 'Fit' }])).toBeNull();
    expect(parseDestination([-1, { name: 'Fit' }])).toBeNull();
    expect(parseDestination([])).toBeNull();
  });
});

describe('links out of a PDF', () => {
  it('opens only the web and e-mail', async () => {
    const { isSafeLink } = await import('../../../renderer/src/features/viewer/resolveDestination');
    expect(isSafeLink('https://www.oas.org/fr/')).toBe(true);
    expect(isSafeLink('mailto:rps@parlamericas.org')).toBe(true);
    for (const bad of ['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,x', 'not a url', '', null, undefined]) expect(isSafeLink(bad)).toBe(false);
  });
});
