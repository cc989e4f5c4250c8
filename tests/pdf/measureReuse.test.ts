import { afterEach, describe, expect, it } from 'vitest';
import { buildEdition } from '../../main/pdf/buildEdition';
import { reuseMeasuresBetweenPasses } from '../../main/pdf/pdfmakeLayout';
import type { Edition } from '../../shared/api/buildTypes';
import type { LibraryDocument } from '../../shared/schemas/libraryDocument';
import { paginationDocument } from '../helpers/paginationDocument';
import { loadPdf } from '../helpers/pdf';
import { useStarterStores } from '../helpers/starterStores';

/**
 * Later layout passes (one per page break pagination asks for) reuse the first pass's measures:
 * the pages must hold exactly what measuring every pass anew gives, word for word and point for
 * point, on packs that need many passes.
 */

const OPTIONS = { paper: 'a4' as const, watermark: null, builtAt: new Date('2025-11-20T12:00:00Z') };
const starter = useStarterStores('briefing-measure-');

async function pagesOf(doc: LibraryDocument, pack: string, edition: Edition, reuse: boolean) {
  reuseMeasuresBetweenPasses(reuse);
  const pdf = await loadPdf(new Uint8Array((await buildEdition(doc, pack, edition, OPTIONS)).bytes));
  return pdf.pages.map((p) => p.items.map((i) => `${i.str}@${i.x.toFixed(2)},${i.y.toFixed(2)},${i.size}`));
}

afterEach(() => reuseMeasuresBetweenPasses(true));

describe('measures reused between layout passes', () => {
  it.each([
    ['many headings, one edition', 'en'],
    ['many headings, side by side', 'parallel'],
  ] as const)('lay out %s exactly as measuring each pass does', async (_name, edition) => {
    const doc = paginationDocument();
    const reused = await pagesOf(doc, 'hostile', edition, true);
    const fresh = await pagesOf(doc, 'hostile', edition, false);
    expect(reused.length).toBeGreaterThan(8);
    expect(reused).toEqual(fresh);
  }, 240_000);

  it('lay out the Panama pack side by side exactly as measuring each pass does', async () => {
    const doc = (await starter('panama')).readDocument();
    const reused = await pagesOf(doc, 'panama-2025', 'parallel', true);
    const fresh = await pagesOf(doc, 'panama-2025', 'parallel', false);
    expect(reused.length).toBeGreaterThan(20);
    expect(reused).toEqual(fresh);
  }, 240_000);
});
