import { describe, expect, it } from 'vitest';
import { buildEdition, type BuiltEdition } from '../../main/pdf/buildEdition';
import type { Edition } from '../../shared/api/buildTypes';
import type { LibraryDocument } from '../../shared/schemas/libraryDocument';
import { hostileDocument, MARKERS, note, TITLE_300, TOKEN_63 } from '../helpers/hostileDocument';
import { loadPdf, norm, type LoadedPdf, type PdfPage } from '../helpers/pdf';

/**
 * Nothing lost, nothing clipped: every PDF is read back with pdf.js and each text item's box is
 * compared with the page's printable area (the margins each layout sets).
 */

const BUILT_AT = new Date('2025-11-20T12:00:00Z');
/** Margins of the editions (editionDocument.ts, parallelDocument.ts): left and right. */
const SIDE_MARGIN: Record<'single' | 'parallel', number> = { single: 56, parallel: 40 };

async function build(doc: LibraryDocument, edition: Edition): Promise<{ built: BuiltEdition; pdf: LoadedPdf }> {
  const built = await buildEdition(doc, 'hostile', edition, { paper: 'a4', watermark: null, builtAt: BUILT_AT });
  return { built, pdf: await loadPdf(new Uint8Array(built.bytes)) };
}

/** Items whose box leaves the area between the side margins or the page's height. */
function outside(page: PdfPage, margin: number): string[] {
  return page.items
    .filter((i) => i.str.trim() !== '')
    .filter((i) => i.x < margin - 1 || i.x + i.width > page.width - margin + 1 || i.y < 0 || i.y + i.size > page.height)
    .map((i) => `page ${page.number}: "${i.str}" at x=${i.x}..${Math.round(i.x + i.width)} (page ${page.width} wide)`);
}

function allOutside(pdf: LoadedPdf, margin: number): string[] {
  return pdf.pages.flatMap((p) => outside(p, margin));
}

/** Occurrences of `word` inside one text item: the word was never cut. */
function occurrences(pdf: LoadedPdf, word: string): number {
  return pdf.pages.reduce((n, p) => n + p.items.filter((i) => i.str.includes(word)).length, 0);
}

/**
 * The text of each column of a table, read top to bottom within the column's x range (from its
 * header to the next one's), pieces joined without spaces: what a reader sees in the cells.
 * `within`: the x range the table lies in (one language column of the side-by-side edition).
 * The table must end on its page, above the note's closing MARKERECHO sentence.
 */
function tableColumns(pdf: LoadedPdf, headers: readonly string[], within: [number, number] = [0, Infinity]): string[] {
  const texts = headers.map(() => '');
  for (const page of pdf.pages) {
    for (const line of page.lines) {
      const heads = headers.map((h) => line.items.find((i) => i.str.trim() === h && i.x >= within[0] && i.x < within[1]));
      if (heads.some((h) => !h)) continue;
      const starts = heads.map((h) => h!.x);
      // The table ends where the note's closing sentence starts.
      const end = page.items.find((i) => i.str.includes('MARKERECHO'))?.y ?? -Infinity;
      // Running header and footer excluded: they sit in the top and bottom 50 points.
      const below = page.items.filter(
        (i) => i.y < line.y && i.y > Math.max(end + 1, 50) && i.y < page.height - 50 && i.x >= within[0] && i.x < within[1],
      );
      below.sort((a, b) => b.y - a.y || a.x - b.x);
      for (const item of below) {
        const column = starts.findLastIndex((x) => item.x >= x - 0.5);
        if (column >= 0) texts[column] += item.str.replace(/\s/g, '');
      }
    }
  }
  return texts;
}

const CONTACT_HEADERS = ['Country', 'Contact', 'E-mail', 'Document'] as const;
const CELLS = [
  ['Panama', 'Canada', 'Chile'],
  ['Secretaríatécnica', 'ParliamentaryCentre', 'MARKERDELTA'],
  ['secretaria.tecnica.seguridad@asamblea.gob.pa', 'international.relations.officer@parl.gc.ca', 'comision.seguridad.ciudadana@senado.cl'],
  ['Informe_Nacional_Panama_Seguridad_2025_final.docx', TOKEN_63, 'https://www.senado.cl/comisiones/seguridad-ciudadana/informes/2025'],
];

describe('long tokens and a four-column table', () => {
  it.each([
    ['en', 'single'],
    ['es', 'single'],
    ['parallel', 'parallel'],
  ] as const)('%s edition: every marker word present, whole, and every text item inside the page', async (edition, kind) => {
    const { pdf, built } = await build(hostileDocument(), edition);
    expect(built.warnings).toEqual([]);
    const columns = edition === 'parallel' ? 3 : 1;
    // Words in running text stay whole; in a table cell narrower than a word, it is cut at the line's end.
    for (const marker of MARKERS.filter((m) => m !== 'MARKERDELTA')) expect(occurrences(pdf, marker), marker).toBe(columns);
    if (edition !== 'parallel') expect(occurrences(pdf, 'MARKERDELTA')).toBe(1);
    expect(allOutside(pdf, SIDE_MARGIN[kind])).toEqual([]);
    // Break opportunities are removed after layout: the text a reader copies is as typed.
    expect(pdf.text).not.toMatch(/\u200b/);
    expect(pdf.raw.includes('\u200b')).toBe(false);
  }, 60_000);

  it('prints all four columns of the contact table, each cell whole in its column', async () => {
    const { pdf } = await build(hostileDocument(), 'en');
    const header = pdf.pages.flatMap((p) => p.lines).find((l) => /Country/.test(l.text) && /Document/.test(l.text));
    expect(header?.text).toMatch(/^Country\s*Contact\s*E-mail\s*Document$/);
    // Each column holds its cells, top to bottom: the addresses and file names broken at their punctuation.
    expect(tableColumns(pdf, CONTACT_HEADERS)).toEqual(CELLS.map((cells) => cells.join('')));
  }, 60_000);

  it('side by side: each language column holds the whole four-column table', async () => {
    const { pdf } = await build(hostileDocument(), 'parallel');
    const page = pdf.pages.find((p) => p.items.some((i) => i.str === 'Country'))!;
    const starts = page.items.filter((i) => i.str === 'Country').map((i) => i.x);
    expect(starts).toHaveLength(3);
    const bounds = [...starts, page.width];
    for (let column = 0; column < 3; column++) {
      expect(tableColumns(pdf, CONTACT_HEADERS, [bounds[column]! - 1, bounds[column + 1]! - 1]), `column ${column + 1}`).toEqual(CELLS.map((cells) => cells.join('')));
    }
  }, 60_000);

  it('side by side: the three columns keep equal widths and a 63-character token stays in its column', async () => {
    const { pdf } = await build(hostileDocument(), 'parallel');
    const page = pdf.pages.find((p) => p.items.some((i) => i.str.includes('MARKERALPHA')))!;
    const starts = page.items.filter((i) => i.str.includes('MARKERALPHA')).map((i) => i.x);
    expect(starts).toHaveLength(3);
    const [en, fr, es] = starts as [number, number, number];
    expect(Math.abs(fr - en - (es - fr))).toBeLessThan(1);
    const column = fr - en;
    // No item of the Spanish column reaches past the right margin; none of the English one into French.
    for (const item of page.items.filter((i) => i.x >= en && i.x < fr - 1)) expect(item.x + item.width, item.str).toBeLessThanOrEqual(en + column + 0.5);
    expect(outside(page, SIDE_MARGIN.parallel)).toEqual([]);
  }, 60_000);
});

describe('hostile content builds in bounded time or fails with a named message', () => {
  it('a 300-character title wraps inside the page', async () => {
    const { pdf } = await build(hostileDocument([note('note-title', TITLE_300, 'Body under the title.')]), 'en');
    expect(allOutside(pdf, SIDE_MARGIN.single)).toEqual([]);
    const body = pdf.pages.slice(2).map((p) => p.lines.map((l) => l.text).join(' ')).join(' ');
    expect(norm(body)).toContain(norm(TITLE_300).slice(0, 120));
  }, 60_000);

  it('a word of 100,000 letters is kept whole across its lines, inside the page', async () => {
    const word = 'MARKERWORD' + 'a'.repeat(100_000);
    const { pdf } = await build(hostileDocument([note('note-word', 'Long word', `Before ${word} after.`)]), 'en');
    expect(allOutside(pdf, SIDE_MARGIN.single)).toEqual([]);
    const letters = pdf.pages.reduce((n, p) => n + p.items.reduce((m, i) => m + (i.str.match(/a/g)?.length ?? 0), 0), 0);
    expect(letters).toBeGreaterThanOrEqual(100_000);
    expect(occurrences(pdf, 'MARKERWORD')).toBe(1);
  }, 120_000);

  it('a chain of 6,000 links with no space between them wraps inside the page', async () => {
    const chain = Array.from({ length: 6_000 }, (_, i) => `[l${i}](https://example.org/${i})`).join('');
    const { pdf } = await build(hostileDocument([note('note-links', 'Links', chain)]), 'en');
    expect(allOutside(pdf, SIDE_MARGIN.single)).toEqual([]);
    const text = pdf.pages.map((p) => p.text).join('').replace(/\s/g, '');
    expect(text).toContain('l0l1l2');
    expect(text).toContain('l5998l5999');
  }, 120_000);

  it('200,000 ideographs (no font has them) lay out, inside the page, and are reported by piece and field', async () => {
    const { pdf, built } = await build(hostileDocument([note('note-cjk', 'CJK', '漢'.repeat(200_000))]), 'en');
    expect(allOutside(pdf, SIDE_MARGIN.single)).toEqual([]);
    expect(built.warnings).toEqual([
      { path: [], key: 'layout.glyphs', values: { edition: 'en', piece: 'note-cjk', field: 'body', chars: '漢 (U+6F22)' } },
    ]);
  }, 180_000);

  it('10,000-level nesting builds, keeps its words and is reported as cut', async () => {
    const body = ['>'.repeat(10_000) + ' deepest quoted words', '- '.repeat(10_000) + 'deepest listed words', '**a '.repeat(10_000) + 'x'].join('\n\n');
    const { pdf, built } = await build(hostileDocument([note('note-nest', 'Nesting', body)]), 'en');
    const text = pdf.pages.map((p) => p.text).join(' ');
    expect(text).toContain('deepest quoted words');
    expect(text).toContain('deepest listed words');
    expect(allOutside(pdf, SIDE_MARGIN.single)).toEqual([]);
    expect(built.warnings).toEqual([
      { path: [], key: 'layout.markdownLimited', values: { edition: 'en', piece: 'note-nest', field: 'body', lines: 2, marks: 9_992 } },
    ]);
  }, 120_000);
});
