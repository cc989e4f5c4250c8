import { CSS_PER_POINT } from './pageLayout';

/** The steps the zoom buttons go through, as fractions of the printed size. */
export const ZOOM_LEVELS = [0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3, 4] as const;
export const MIN_ZOOM = ZOOM_LEVELS[0];
export const MAX_ZOOM = ZOOM_LEVELS[ZOOM_LEVELS.length - 1]!;

/** Fit to width follows the window; a percentage stays as chosen. */
export type ZoomChoice = { mode: 'fit-width' } | { mode: 'fixed'; zoom: number };

export function clampZoom(zoom: number): number {
  if (!Number.isFinite(zoom)) return 1;
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));
}

/** The next level up or down from `zoom`, which may sit between levels (after fit to width). */
export function stepZoom(zoom: number, direction: 1 | -1): number {
  const epsilon = 1e-3;
  if (direction > 0) return ZOOM_LEVELS.find((level) => level > zoom * (1 + epsilon)) ?? MAX_ZOOM;
  return [...ZOOM_LEVELS].reverse().find((level) => level < zoom * (1 - epsilon)) ?? MIN_ZOOM;
}

/**
 * The zoom at which the widest page fills `available` CSS pixels, less `padding` on each side.
 * Points are converted with the same 96/72 the layout uses, so fit and layout agree to the pixel.
 */
export function fitWidthZoom(available: number, widestPagePoints: number, padding: number): number {
  if (available <= 0 || widestPagePoints <= 0) return 1;
  const room = Math.max(1, available - 2 * padding);
  // Layout floors each page's width: a hair less than the exact ratio never overflows by a pixel.
  return clampZoom(room / (widestPagePoints * CSS_PER_POINT) - 1e-6);
}

export function resolveZoom(choice: ZoomChoice, available: number, widestPagePoints: number, padding: number): number {
  return choice.mode === 'fit-width' ? fitWidthZoom(available, widestPagePoints, padding) : clampZoom(choice.zoom);
}

/**
 * How many device pixels per CSS pixel a page's canvas gets: the screen's ratio (at most 2), less
 * if the canvas would pass `maxPixels` (a page at 400 % on a sharp screen would take ~128 MB).
 */
export function outputScale(cssWidth: number, cssHeight: number, devicePixelRatio: number, maxPixels = 16_777_216): number {
  const ratio = Math.min(2, Math.max(1, devicePixelRatio || 1));
  const area = cssWidth * cssHeight;
  if (area <= 0) return ratio;
  return Math.min(ratio, Math.sqrt(maxPixels / area));
}
