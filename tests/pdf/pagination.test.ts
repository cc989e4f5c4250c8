import { beforeAll, describe, expect, it } from 'vitest';
import { buildEdition } from '../../main/pdf/buildEdition';
import type { Edition } from '../../shared/api/buildTypes';
import { paginationDocument } from '../helpers/paginationDocument';
import { loadPdf, type LoadedPdf, type PdfLine } from '../helpers/pdf';

/**
 * Pagination read back with pdf.js on hostile packs: many short items, long items, headings at
 * every position of a page, long source lists. Headings are told apart by their type size
 * (styles.ts): sections 17 pt, items 12.5 pt, Markdown headings 11.5 and 10.5 pt, "Sources" 10 pt bold.
 */

const OPTIONS = { paper: 'a4' as const, watermark: null, builtAt: new Date('2025-11-20T12:00:00Z') };
const HEADING_SIZES = [17, 12.5, 11.5, 10.5];
const BODY_SIZES = [10, 9, 8.5];

/** Body lines of each page (running header and footer left out), top to bottom. */
function bodyLines(pdf: LoadedPdf, from = 3): { page: number; lines: PdfLine[] }[] {
  return pdf.pages
    .filter((p) => p.number >= from)
    .map((p) => ({
      page: p.number,
      // Source marks (7 pt superscripts) sit on a baseline of their own: they belong to their heading.
      lines: p.lines.filter((l) => l.y > 50 && l.y < p.height - 50 && Math.max(...l.items.map((i) => i.size)) >= 8),
    }));
}

const sizeOf = (line: PdfLine) => Math.max(...line.items.map((i) => i.size));
const isHeading = (line: PdfLine) => HEADING_SIZES.some((s) => Math.abs(sizeOf(line) - s) < 0.05) || /^Sources$/.test(line.text);
const isBody = (line: PdfLine) => BODY_SIZES.some((s) => Math.abs(sizeOf(line) - s) < 0.05) && !isHeading(line);

let pdfs: Record<'en' | 'parallel', LoadedPdf>;

beforeAll(async () => {
  const doc = paginationDocument();
  const load = async (edition: Edition) => loadPdf(new Uint8Array((await buildEdition(doc, 'hostile', edition, OPTIONS)).bytes));
  pdfs = { en: await load('en'), parallel: await load('parallel') };
}, 240_000);

describe('pagination of one edition', () => {
  it('never ends a page with a heading, and a heading has two lines of text after it on its page', () => {
    const pages = bodyLines(pdfs.en);
    expect(pages.length).toBeGreaterThan(8);
    const problems: string[] = [];
    for (const { page, lines } of pages) {
      lines.forEach((line, i) => {
        if (!isHeading(line)) return;
        const after = lines.slice(i + 1);
        if (after.length === 0) return void problems.push(`page ${page}: "${line.text}" is the last line`);
        // A heading directly followed by another (a section and its first item) goes with it.
        if (isHeading(after[0]!)) return;
        const next = after.findIndex(isHeading);
        if (next >= 0) return; // The heading's text ends on this page, before the next heading.
        // Or with the page: the next page opens with a heading.
        const following = pages.find((p) => p.page === page + 1)?.lines[0];
        if (!following || isHeading(following)) return;
        // Text that runs on to the next page: at least two of its lines here (meta lines aside; for Sources, entries).
        const sources = /^Sources$/.test(line.text);
        const text = after.filter((l) => (sources ? isBody(l) : isBody(l) && sizeOf(l) >= 9));
        if (text.length < 2) problems.push(`page ${page}: "${line.text}" has ${text.length} lines of text after it`);
      });
    }
    expect(problems).toEqual([]);
  });

  it('never splits a source entry', () => {
    const where = new Map<string, number[]>();
    for (const { page, lines } of bodyLines(pdfs.en)) {
      for (const line of lines) for (const m of line.text.matchAll(/SRC(START|END)(\d+)/g)) where.set(`${m[1]}${m[2]}`, [...(where.get(`${m[1]}${m[2]}`) ?? []), page]);
    }
    const split: string[] = [];
    for (let i = 1; i <= 24; i++) {
      const starts = where.get(`START${i}`) ?? [];
      const ends = where.get(`END${i}`) ?? [];
      // Each source title also heads its entry; its pages must be one.
      starts.forEach((page, k) => {
        if (ends[k] !== page) split.push(`source ${i}: starts on page ${page}, ends on ${ends[k]}`);
      });
    }
    expect(where.size).toBeGreaterThan(0);
    expect(split).toEqual([]);
  });

  it('no section ends on a page of fewer than three lines', () => {
    const pages = bodyLines(pdfs.en);
    // A section's last page is the page before the next section heading (17 pt) or the last page.
    const short: string[] = [];
    pages.forEach(({ page, lines }, i) => {
      const next = pages[i + 1];
      const endsSection = !next || next.lines.some((l) => Math.abs(sizeOf(l) - 17) < 0.05 && l === next.lines[0]);
      const startsSection = lines.length > 0 && Math.abs(sizeOf(lines[0]!) - 17) < 0.05;
      if (endsSection && !startsSection && lines.length < 3) short.push(`page ${page}: ${lines.length} lines`);
    });
    expect(short).toEqual([]);
  });
});

describe('pagination of the side-by-side edition', () => {
  /** The three columns' x ranges of a landscape A4 page (margins 40, equal columns). */
  const columnOf = (x: number, width: number) => Math.min(2, Math.max(0, Math.floor(((x - 40) / (width - 80)) * 3)));

  it('starts every page and every row of headings level in the three columns', () => {
    const problems: string[] = [];
    // Pages of the body: from the first section's heading on (the contents are one column).
    const first = pdfs.parallel.pages.findIndex((p) => p.items.some((i) => i.str.includes('Short items') && Math.abs(i.size - 17) < 0.05));
    expect(first).toBeGreaterThan(0);
    for (const page of pdfs.parallel.pages.slice(first)) {
      const body = page.items.filter((i) => i.str.trim() && i.y > 50 && i.y < page.height - 50);
      const tops = [0, 1, 2].map((c) => Math.max(...body.filter((i) => columnOf(i.x, page.width) === c).map((i) => i.y)));
      if (Math.max(...tops) - Math.min(...tops) > 0.5) problems.push(`page ${page.number}: columns start at ${tops.join(', ')}`);
      // Item headings (12.5 pt): one per column, on one baseline.
      const headings = body.filter((i) => Math.abs(i.size - 12.5) < 0.05);
      for (const h of headings.filter((i) => columnOf(i.x, page.width) === 0)) {
        const row = headings.filter((i) => Math.abs(i.y - h.y) < 0.5).map((i) => columnOf(i.x, page.width));
        if (!(row.includes(1) && row.includes(2))) {
          // A heading of two lines in one language and one in another still starts level.
          const starts = [1, 2].map((c) => headings.some((i) => columnOf(i.x, page.width) === c && Math.abs(i.y - h.y) < 0.5));
          if (!starts.every(Boolean) && !headings.some((i) => i.y > h.y && Math.abs(i.y - h.y) < 20)) problems.push(`page ${page.number}: "${h.str}" has no level partner`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('never ends a page with a row of headings, nor with headings and their date lines alone', () => {
    const problems: string[] = [];
    for (const page of pdfs.parallel.pages.slice(2)) {
      const lines = page.lines.filter((l) => l.y > 50 && l.y < page.height - 50);
      const heading = (l: PdfLine | undefined) => l !== undefined && l.items.some((i) => HEADING_SIZES.includes(i.size));
      const last = lines.at(-1);
      // Neither a row of headings nor headings with only their date lines under them.
      if (heading(last) || (last && Math.abs(sizeOf(last) - 8.5) < 0.05 && heading(lines.at(-2)))) problems.push(`page ${page.number}: ends with "${last!.text}"`);
    }
    expect(problems).toEqual([]);
  });
});
