import { beforeAll, describe, expect, it } from 'vitest';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { buildEdition } from '../../main/pdf/buildEdition';
import type { Edition } from '../../shared/api/buildTypes';
import type { LibraryDocument } from '../../shared/schemas/libraryDocument';
import { smallDocument } from '../helpers/documents';
import { normalizeLibraryDocument } from '../../shared/schemas/normalizeLibraryDocument';
import { hashSourceText } from '../../main/db/textHash';
import { pngBytes } from '../helpers/images';
import { loadPdf, norm, type LoadedPdf, type PdfLine, type PdfOutlineNode } from '../helpers/pdf';

/**
 * A secretariat's paper, read back with pdf.js: the document line on the cover and in every
 * running header, the logo on the cover, bookmarks that land on their heading.
 */

const BUILT_AT = new Date('2025-11-20T12:00:00Z');
const LINE: Record<'en' | 'fr' | 'es', string> = {
  en: 'PA/RPS/2025/1 · Version 2 · November 27, 2025',
  fr: 'PA/RPS/2025/1 · Version 2 · 27 novembre 2025',
  es: 'PA/RPS/2025/1 · Versión 2 · 27 de noviembre de 2025',
};
/** Many items, so headings fall at every height of the pages. */
const ITEMS = 14;

export function paperDocument(): LibraryDocument {
  const doc = structuredClone(smallDocument());
  const pack = doc.packs[0]!;
  pack.reference = 'PA/RPS/2025/1';
  pack.version = '2';
  pack.issued = '2025-11-27';
  pack.logo = { type: 'image/png', data: pngBytes(120, 40).toString('base64') };
  const body = (n: number) => `Paragraph ${n} of the note, long enough to take a few lines of the page. `.repeat(6);
  for (let i = 0; i < ITEMS; i++) {
    const id = `t-note-extra-${i}`;
    const text = { text: body(i), status: 'approved' as const };
    doc.notes.push({ ...doc.notes[0]!, id, countryCode: null, title: { en: { text: `Extra note ${i}`, status: 'approved' }, fr: { text: `Note de plus ${i}`, status: 'approved' }, es: { text: `Nota adicional ${i}`, status: 'approved' } }, body: { en: text, fr: text, es: text } });
    pack.sections[0]!.items.push({ kind: 'note', ref: id });
  }
  // Source hashes filled in, as an import does: the translations are current, not out of date.
  return normalizeLibraryDocument(doc, hashSourceText);
}

const DOC = paperDocument();
const pdfs = {} as Record<Edition | 'parts', LoadedPdf>;
const bytes = {} as Record<Edition | 'parts', Uint8Array>;

/** The dotted lines drawn on a page: line-dash settings with a dash of almost nothing (dots). */
async function dottedLines(pdfBytes: Uint8Array, pageNumber: number): Promise<number> {
  const pdf = await getDocument({ data: pdfBytes.slice(), verbosity: 0 }).promise;
  try {
    const ops = await (await pdf.getPage(pageNumber)).getOperatorList();
    return ops.fnArray.filter((fn, i) => fn === OPS.setDash && ((ops.argsArray[i] as [number[]])[0]?.[0] ?? Infinity) < 0.1).length;
  } finally {
    await pdf.destroy();
  }
}

beforeAll(async () => {
  for (const edition of ['en', 'fr', 'es', 'parallel'] as const) {
    bytes[edition] = new Uint8Array((await buildEdition(DOC, 't-pack-slug', edition, { paper: 'a4', builtAt: BUILT_AT })).bytes);
    pdfs[edition] = await loadPdf(bytes[edition]);
  }
  // The same edition laid out in parts and merged (a large pack's path).
  const parts = await buildEdition(DOC, 't-pack-slug', 'fr', { paper: 'a4', builtAt: BUILT_AT }, { singlePassMax: 0, partMax: 2_000 });
  bytes.parts = new Uint8Array(parts.bytes);
  pdfs.parts = await loadPdf(bytes.parts);
}, 180_000);

describe('document line', () => {
  it.each(['en', 'fr', 'es'] as const)('%s: is on the cover and in the header of every other page, with the pack’s date, not the build’s', (lang) => {
    const pdf = pdfs[lang];
    expect(norm(pdf.pages[0]!.text)).toContain(norm(LINE[lang]));
    for (const page of pdf.pages.slice(1)) expect(norm(page.lines[0]!.text), `page ${page.number}`).toContain(norm(LINE[lang]));
    expect(pdf.text).not.toMatch(/Prepared on|Préparé le|Preparado el/);
  });

  it('side by side: one reference, the version and date in each language', () => {
    const pdf = pdfs.parallel;
    for (const lang of ['en', 'fr', 'es'] as const) expect(norm(pdf.pages[0]!.text)).toContain(norm(LINE[lang]));
    expect(norm(pdf.pages[1]!.lines[0]!.text)).toContain(
      norm('PA/RPS/2025/1 · Version 2 / Versión 2 · November 27, 2025 / 27 novembre 2025 / 27 de noviembre de 2025'),
    );
  });
});

describe('logo', () => {
  it('a damaged PNG (from an import) stops the build at once with a named message, not a hang', async () => {
    const doc = structuredClone(DOC);
    const bad = pngBytes(10, 10);
    bad[25] = 6; // RGBA in the header, RGB rows: the PDF writer would fail while decoding it
    doc.packs[0]!.logo = { type: 'image/png', data: bad.toString('base64') };
    await expect(buildEdition(doc, 't-pack-slug', 'en', { paper: 'a4', builtAt: BUILT_AT })).rejects.toMatchObject({
      code: 'build.badLogo',
      params: { pack: 't-pack-slug' },
    });
  });

  it('is drawn on the cover only, in every edition', () => {
    for (const edition of ['en', 'fr', 'es', 'parallel', 'parts'] as const) {
      const pdf = pdfs[edition];
      // Side by side, each language's cover column has it.
      expect(pdf.pages[0]!.images, edition).toBe(edition === 'parallel' ? 3 : 1);
      expect(pdf.pages.slice(1).map((p) => p.images), edition).toEqual(pdf.pages.slice(1).map(() => 0));
    }
  });
});

describe('contents', () => {
  it.each(['en', 'parallel', 'parts'] as const)('%s: every entry has dot leaders to its page number, which still links to the heading', async (edition) => {
    const entries = 1 + 4 + ITEMS;
    // Page 2: the contents, after the cover.
    expect(await dottedLines(bytes[edition], 2)).toBe(entries);
    expect(pdfs[edition].pages[1]!.links.filter((l) => l.startsWith('dest:')).length).toBeGreaterThanOrEqual(entries);
    // The dots are drawn, not typed: the entries read as before.
    expect(pdfs[edition].pages[1]!.text).not.toContain('....');
  });
});

describe('bookmarks', () => {
  const flat = (nodes: PdfOutlineNode[]): PdfOutlineNode[] => nodes.flatMap((n) => [n, ...flat(n.children)]);

  it.each(['fr', 'parts'] as const)('%s: land on their heading, not at the top of its page', (edition) => {
    const pdf = pdfs[edition];
    const marks = flat(pdf.outline);
    expect(marks.length).toBe(1 + 4 + ITEMS);
    let belowTop = 0;
    for (const mark of marks) {
      const page = pdf.pages[mark.page! - 1]!;
      // The heading on its page, and the bookmark's top just above its first line.
      // The heading, not a table row that starts with the same name: the largest such line.
      const size = (l: PdfLine) => Math.max(...l.items.map((i) => i.size));
      const line = page.lines
        .filter((l) => l.text === mark.title || l.text.startsWith(`${mark.title} `))
        .sort((a, b) => size(b) - size(a))[0];
      expect(line, `${mark.title} on page ${mark.page}`).toBeDefined();
      const height = size(line!);
      expect(mark.top, mark.title).not.toBeNull();
      expect(mark.top! - line!.y, mark.title).toBeGreaterThan(height * 0.6);
      expect(mark.top! - line!.y, mark.title).toBeLessThan(height * 1.6 + 8);
      if (mark.top! < page.height - 100) belowTop++;
    }
    // Not a trivial pass: most headings are well down their page.
    expect(belowTop).toBeGreaterThan(marks.length / 2);
  });
});
