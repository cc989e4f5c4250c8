import { describe, expect, it } from 'vitest';
import { clampZoom, fitWidthZoom, MAX_ZOOM, MIN_ZOOM, outputScale, resolveZoom, stepZoom } from '../../../renderer/src/features/viewer/zoom';
import { CSS_PER_POINT, layoutPages } from '../../../renderer/src/features/viewer/pageLayout';

describe('zoom', () => {
  it('steps through the levels, from a level or from between two', () => {
    expect(stepZoom(1, 1)).toBe(1.1);
    expect(stepZoom(1, -1)).toBe(0.9);
    expect(stepZoom(1.18, 1)).toBe(1.25);
    expect(stepZoom(1.18, -1)).toBe(1.1);
    expect(stepZoom(MAX_ZOOM, 1)).toBe(MAX_ZOOM);
    expect(stepZoom(MIN_ZOOM, -1)).toBe(MIN_ZOOM);
    // A level reached through arithmetic noise still counts as that level.
    expect(stepZoom(1.0000001, 1)).toBe(1.1);
  });

  it('clamps to 25 %–400 % and survives nonsense', () => {
    expect(clampZoom(10)).toBe(MAX_ZOOM);
    expect(clampZoom(0)).toBe(MIN_ZOOM);
    expect(clampZoom(Number.NaN)).toBe(1);
  });

  it('fits the widest page to the width, and the laid-out page is never wider than the room', () => {
    const a4 = 595.28;
    for (const available of [320, 777, 1000, 1366, 2560]) {
      const zoom = fitWidthZoom(available, a4, 16);
      const width = layoutPages([{ width: a4, height: 841.89 }], zoom, 16).widths[0]!;
      if (zoom > MIN_ZOOM && zoom < MAX_ZOOM) {
        expect(width).toBeLessThanOrEqual(available - 32);
        expect(width).toBeGreaterThanOrEqual(available - 32 - 1);
      }
    }
    expect(fitWidthZoom(1000, a4, 0)).toBeCloseTo(1000 / (a4 * CSS_PER_POINT), 4);
    expect(fitWidthZoom(100, a4, 16)).toBe(MIN_ZOOM);
    expect(fitWidthZoom(0, a4, 16)).toBe(1);
    expect(fitWidthZoom(1000, 0, 16)).toBe(1);
  });

  it('resolves a choice: fit to width follows the room, a percentage stays', () => {
    expect(resolveZoom({ mode: 'fixed', zoom: 1.5 }, 500, 595, 16)).toBe(1.5);
    expect(resolveZoom({ mode: 'fit-width' }, 1200, 595, 16)).toBeGreaterThan(resolveZoom({ mode: 'fit-width' }, 800, 595, 16));
  });

  it('gives a canvas the screen ratio, at most 2, and less when it would be huge', () => {
    expect(outputScale(800, 1100, 1)).toBe(1);
    expect(outputScale(800, 1100, 3)).toBe(2);
    expect(outputScale(800, 1100, 0)).toBe(1);
    const big = outputScale(3200, 4500, 2);
    expect(3200 * big * 4500 * big).toBeLessThanOrEqual(16_777_216 + 1);
    expect(big).toBeLessThan(2);
  });
});
