import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { groupLines, loadPdf, type LoadedPdf, scratch } from '../helpers/pdf';

const tmp = scratch('briefing-pdf-options-');
afterAll(() => tmp.cleanup());

/** --paper and --watermark, on a small pack whose own paper is letter. */

const dir = tmp.dir('options-');
const db = path.join(dir, 'lib.sqlite');
/** A realistic watermark: 22 characters, accented capitals. */
const WATERMARK = 'CONFIDENTIEL — ÉBAUCHE';
/** The watermark is drawn large; no other text is this size. */
/**
 * pdfmake sizes the watermark to fit the page: it is recognised by its words, in a type larger
 * than any body text (section headings are 17 pt).
 */
const isWatermark = (i: { str: string; size: number }) => i.size > 20 && i.str.trim() !== '' && WATERMARK.includes(i.str.trim());

const pdfs: Record<'default' | 'a4' | 'letter' | 'watermark' | 'parallelA4' | 'parallelDefault', LoadedPdf> = {} as never;

async function build(name: keyof typeof pdfs, args: string[]): Promise<void> {
  const out = path.join(dir, `${name}.pdf`);
  const result = await cli(['build', '--db', db, '--pack', 'opt', '--out', out, ...args]);
  expect(result.stderr, name).toBe('');
  expect(result.code, name).toBe(0);
  pdfs[name] = await loadPdf(out);
}

function sizes(pdf: LoadedPdf): string[] {
  return [...new Set(pdf.pages.map((p) => `${Math.round(p.width)}x${Math.round(p.height)}`))];
}

beforeAll(async () => {
  expect((await cli(['init', '--db', db])).code).toBe(0);
  expect((await cli(['packs', 'create', '--db', db, '--slug', 'opt', '--title', 'Options pack', '--paper', 'letter'])).code).toBe(0);
  const s1 = await cli(['packs', 'add-section', 'opt', '--db', db, '--title', 'Priorities', '--items', 'priority:prio-rps-1,priority:prio-rps-2,priority:prio-rps-3']);
  const s2 = await cli(['packs', 'add-section', 'opt', '--db', db, '--title', 'Places', '--items', 'country:PA,note:note-unga-trafficking-2025']);
  expect(s1.code + s2.code).toBe(0);
  // Two builds at a time (one worker each): the machine has two cores.
  await Promise.all([build('default', ['--lang', 'en']), build('a4', ['--lang', 'en', '--paper', 'a4'])]);
  await Promise.all([build('letter', ['--lang', 'fr', '--paper', 'letter']), build('watermark', ['--lang', 'en', '--watermark', WATERMARK])]);
  await Promise.all([
    build('parallelA4', ['--lang', 'parallel', '--paper', 'a4', '--watermark', WATERMARK]),
    build('parallelDefault', ['--lang', 'parallel']),
  ]);
}, 120_000);

describe('--paper', () => {
  it('defaults to the pack’s own paper (letter: 612 × 792, portrait)', () => {
    expect(sizes(pdfs.default)).toEqual(['612x792']);
  });

  it('a4 gives 595 × 842 on every page', () => {
    expect(sizes(pdfs.a4)).toEqual(['595x842']);
    expect(pdfs.a4.pageCount).toBeGreaterThan(2);
  });

  it('letter gives 612 × 792 on every page', () => {
    expect(sizes(pdfs.letter)).toEqual(['612x792']);
  });

  it('the parallel edition is landscape: 842 × 595 on a4, 792 × 612 on letter', () => {
    expect(sizes(pdfs.parallelA4)).toEqual(['842x595']);
    expect(sizes(pdfs.parallelDefault)).toEqual(['792x612']);
  });

  it('reflows the text for the paper, keeping the same content', () => {
    expect(pdfs.a4.outline).toEqual(
      // Pages and the headings' heights on them change with the paper; titles and nesting do not.
      pdfs.default.outline.map((o) => ({
        ...o,
        page: expect.any(Number),
        top: expect.any(Number),
        children: o.children.map((c) => ({ ...c, page: expect.any(Number), top: expect.any(Number) })),
      })),
    );
    // The right margin moves with the page width.
    const right = (pdf: LoadedPdf) => Math.max(...pdf.pages.flatMap((p) => p.items.map((i) => i.x + i.width)));
    expect(right(pdfs.default)).toBeGreaterThan(right(pdfs.a4));
  });
});

describe('--watermark', () => {
  it('puts the whole text on every page, the cover included', () => {
    const pdf = pdfs.watermark;
    expect(pdf.pageCount).toBeGreaterThan(2);
    for (const page of pdf.pages) {
      // pdf.js leaves out glyphs drawn outside the page: a watermark too large for it loses letters.
      expect(page.text, `page ${page.number}`).toContain(WATERMARK);
      const mark = page.items.filter(isWatermark);
      expect(mark.map((i) => i.str).join('')).toBe(WATERMARK);
    }
  });

  it('puts it on every page of the parallel edition too', () => {
    for (const page of pdfs.parallelA4.pages) expect(page.text, `page ${page.number}`).toContain(WATERMARK);
  });

  it('is absent without the option', () => {
    for (const pdf of [pdfs.default, pdfs.a4, pdfs.letter, pdfs.parallelDefault]) expect(pdf.text).not.toContain(WATERMARK);
  });

  it('does not move the text: same pages, same lines as without it', () => {
    const lines = (pdf: LoadedPdf) =>
      pdf.pages.map((p) => groupLines(p.items.filter((i) => !isWatermark(i))).map((l) => `${l.y} ${l.text}`));
    expect(pdfs.watermark.pageCount).toBe(pdfs.default.pageCount);
    expect(lines(pdfs.watermark)).toEqual(lines(pdfs.default));
  });
});
