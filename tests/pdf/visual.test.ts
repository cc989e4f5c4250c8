import { beforeAll, describe, expect, it } from 'vitest';
import { buildEdition } from '../../main/pdf/buildEdition';
import { hostileDocument } from '../helpers/hostileDocument';
import { parseLibraryDocument } from '../../main/services/parseLibraryDocument';
import { readLibraryFile } from '../../main/services/readLibraryFile';
import { STARTER_LIBRARY_PATH } from '../../main/services/loadStarterLibrary';
import { EMPTY_LOOKUP } from '../../shared/schemas/checkLibraryDocument';
import { checkAgainstReference, compareImages, decodePng, encodePng, renderPage, type GrayImage } from '../helpers/visual';

/*
 * Layout regressions seen on the page, not only in the text: chosen pages rendered by pdftoppm
 * at 45 dpi and compared with tests/fixtures/visual/*.png within a tolerance (tests/helpers/visual.ts).
 *
 * After an intended change of the layout, regenerate every reference and commit them:
 *   UPDATE_VISUAL=1 npx vitest run tests/pdf/visual.test.ts
 * A failure names the actual page and a diff image, written to test-artifacts/visual/.
 */

const OPTIONS = { paper: 'a4' as const, watermark: null, builtAt: new Date('2025-11-20T12:00:00Z') };

const pdfs: Record<string, Uint8Array> = {};

beforeAll(async () => {
  for (const edition of ['en', 'parallel'] as const) {
    pdfs[edition] = new Uint8Array((await buildEdition(hostileDocument(), 'hostile', edition, OPTIONS)).bytes);
  }
  // The starter pack: a draft translation's cover and status note, the French country table.
  const starter = parseLibraryDocument(readLibraryFile(STARTER_LIBRARY_PATH), STARTER_LIBRARY_PATH, EMPTY_LOOKUP);
  for (const edition of ['en', 'fr'] as const) {
    pdfs[`starter-${edition}`] = new Uint8Array((await buildEdition(starter, 'panama-2025', edition, OPTIONS)).bytes);
  }
}, 120_000);

describe('pages compared with their reference images', () => {
  it.each([
    ['long tokens and a four-column table', 'en', 3, 'tokens-table-en-p3'],
    ['a 300-character title', 'en', 4, 'long-title-en-p4'],
    ['the side-by-side edition, long tokens', 'parallel', 3, 'tokens-parallel-p3'],
    ['the side-by-side edition, the table across a page break', 'parallel', 4, 'table-parallel-p4'],
    ['the starter pack’s cover, a draft translation', 'starter-en', 1, 'starter-cover-en-p1'],
    ['the starter pack’s status note above the first section', 'starter-en', 3, 'starter-status-en-p3'],
    ['the starter pack’s country table, in French order', 'starter-fr', 13, 'starter-countries-fr-p13'],
  ] as const)('%s (%s, page %i)', (_, edition, page, name) => {
    const { failure } = checkAgainstReference(name, renderPage(pdfs[edition]!, page));
    expect(failure).toBeNull();
  });
});

describe('the comparison itself', () => {
  const page = (): GrayImage => renderPage(pdfs.en!, 3);

  it('round-trips an image through PNG', () => {
    const image = page();
    expect(decodePng(encodePng(image))).toEqual(image);
  });

  it('sees a line of text moved, and tolerates anti-aliasing noise', () => {
    const image = page();
    const noisy = { ...image, pixels: image.pixels.map((v, i) => Math.max(0, Math.min(255, v + ((i % 7) - 3) * 5))) };
    expect(compareImages(noisy, image).changed).toBe(0);
    // Shift the whole page down by 3 pixels: every edge of every line changes.
    const shifted = { ...image, pixels: new Uint8Array(image.pixels.length).fill(255) };
    shifted.pixels.set(image.pixels.subarray(0, image.pixels.length - 3 * image.width), 3 * image.width);
    expect(compareImages(shifted, image).share).toBeGreaterThan(0.01);
  });
});
