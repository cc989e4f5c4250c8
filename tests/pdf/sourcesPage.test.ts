import { beforeAll, describe, expect, it } from 'vitest';
import { buildEdition } from '../../main/pdf/buildEdition';
import { parseLibraryDocument } from '../../main/services/parseLibraryDocument';
import { readLibraryFile } from '../../main/services/readLibraryFile';
import { STARTER_LIBRARY_PATH } from '../../main/services/loadStarterLibrary';
import { EMPTY_LOOKUP } from '../../shared/schemas/checkLibraryDocument';
import { paginationDocument } from '../helpers/paginationDocument';
import { loadPdf, type LoadedPdf, type PdfLine, type PdfPage } from '../helpers/pdf';

/**
 * A section's list of sources never stands on a page of its own: the page it is on carries at
 * least three lines of the section's text above it (the starter pack's third section used to end
 * on a page of three source lines in English and French, and the fourth on two lines and its
 * sources in Spanish). Read back with pdf.js, at the sizes of styles.ts.
 */

const OPTIONS = { paper: 'letter' as const, watermark: null, builtAt: new Date('2025-11-20T12:00:00Z') };
const SOURCES_HEADING = /^(Sources|Fuentes)$/;

const pdfs: Record<string, LoadedPdf> = {};

beforeAll(async () => {
  const starter = parseLibraryDocument(readLibraryFile(STARTER_LIBRARY_PATH), STARTER_LIBRARY_PATH, EMPTY_LOOKUP);
  for (const lang of ['en', 'fr', 'es'] as const) {
    pdfs[`starter-${lang}`] = await loadPdf(new Uint8Array((await buildEdition(starter, 'panama-2025', lang, OPTIONS)).bytes));
  }
  pdfs.hostile = await loadPdf(new Uint8Array((await buildEdition(paginationDocument(), 'hostile', 'en', { ...OPTIONS, paper: 'a4' })).bytes));
}, 240_000);

const SOURCE_SIZE = 8.5;
const sizeOf = (line: PdfLine) => Math.max(...line.items.map((i) => i.size));

/** Body lines of a page: running header and footer left out; source marks (7 pt superscripts) belong to their heading's line. */
const bodyLines = (page: PdfPage) => page.lines.filter((l) => l.y > 50 && l.y < page.height - 50 && sizeOf(l) >= 8);

/**
 * Pages (after the contents) where a list of sources that ends on the page has fewer than three
 * lines of text above its heading. A list longer than a page may open one: it fills it.
 */
function listsAlone(pdf: LoadedPdf): string[] {
  const alone: string[] = [];
  const pages = pdf.pages.filter((p) => p.number >= 3);
  pages.forEach((page, k) => {
    const lines = bodyLines(page);
    const next = pages[k + 1] ? bodyLines(pages[k + 1]!)[0] : undefined;
    const continues = lines.length > 0 && Math.abs(sizeOf(lines.at(-1)!) - SOURCE_SIZE) < 0.05 && next !== undefined && Math.abs(sizeOf(next) - SOURCE_SIZE) < 0.05;
    lines.forEach((line, i) => {
      if (SOURCES_HEADING.test(line.text.trim()) && i < 3 && !continues) alone.push(`page ${page.number}: ${i} lines above "${line.text.trim()}"`);
    });
  });
  return alone;
}

describe('a list of sources', () => {
  it.each(['en', 'fr', 'es'])('starter pack, %s: shares its page with three lines of its section or more', (lang) => {
    expect(listsAlone(pdfs[`starter-${lang}`]!)).toEqual([]);
  });

  it('hostile pagination pack: the same, with long lists and items at every position of a page', () => {
    expect(listsAlone(pdfs.hostile!)).toEqual([]);
  });
});
