import { beforeAll, describe, expect, it } from 'vitest';
import { buildEdition } from '../../main/pdf/buildEdition';
import { parseLibraryDocument } from '../../main/services/parseLibraryDocument';
import { readLibraryFile } from '../../main/services/readLibraryFile';
import { STARTER_LIBRARY_PATH } from '../../main/services/loadStarterLibrary';
import { EMPTY_LOOKUP } from '../../shared/schemas/checkLibraryDocument';
import { loadPdf, type LoadedPdf } from '../helpers/pdf';

/**
 * An item's closing line — its cross-reference to the priorities it serves, or to related
 * instruments — never opens a page alone, away from the item it belongs to (the starter pack's
 * Trafficking in Persons Protocol left "Roadmap priorities 2, 3" at the top of the next page in
 * English on letter paper, and in French and Spanish on A4). Read back with pdf.js.
 */

const CLOSING = /^(Roadmap priorit|Priorités? [\d, ]+ de la feuille|Prioridad(es)? [\d, ]+ de la hoja|Related instrument|Instruments? liés?|Instrumentos? relacionados?)/;
const pdfs: Record<string, LoadedPdf> = {};

beforeAll(async () => {
  const doc = parseLibraryDocument(readLibraryFile(STARTER_LIBRARY_PATH), STARTER_LIBRARY_PATH, EMPTY_LOOKUP);
  for (const paper of ['letter', 'a4'] as const) {
    for (const lang of ['en', 'fr', 'es'] as const) {
      const built = await buildEdition(doc, 'panama-2025', lang, { paper, watermark: null, builtAt: new Date('2025-11-20T12:00:00Z') });
      pdfs[`${lang} ${paper}`] = await loadPdf(new Uint8Array(built.bytes));
    }
  }
}, 240_000);

describe('an item’s closing line', () => {
  it.each(['en letter', 'fr letter', 'es letter', 'en a4', 'fr a4', 'es a4'])('starter pack, %s: never the first line of a page', (name) => {
    const pdf = pdfs[name]!;
    const opening = pdf.pages
      .filter((p) => p.number >= 3)
      .map((p) => ({ page: p.number, first: p.lines.find((l) => l.y > 50 && l.y < p.height - 50 && Math.max(...l.items.map((i) => i.size)) >= 8)?.text.trim() ?? '' }))
      .filter(({ first }) => CLOSING.test(first));
    expect(opening).toEqual([]);
    // The pattern does see such lines: every instrument ends with one.
    expect(pdf.pages.flatMap((p) => p.lines).filter((l) => CLOSING.test(l.text.trim())).length).toBeGreaterThan(10);
  });
});
