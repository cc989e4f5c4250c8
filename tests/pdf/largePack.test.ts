import { markedText } from '../../main/pdf/statusMarks';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { buildEdition, editionModels, editionPlan, type Edition } from '../../main/pdf/buildEdition';
import { PackBuildService } from '../../main/pdf/PackBuildService';
import { PLAN_LIMITS, planEdition } from '../../main/pdf/editionPlan';
import type { Block } from '../../main/pdf/packBlocks';
import type { Locale } from '../../shared/domain/locales';
import type { LibraryDocument } from '../../shared/schemas/libraryDocument';
import { scaleLibrary } from '../bench/scaleLibrary';
import { parseLibraryDocument } from '../../main/services/parseLibraryDocument';
import { readLibraryFile } from '../../main/services/readLibraryFile';
import { STARTER_LIBRARY_PATH } from '../../main/services/loadStarterLibrary';
import { EMPTY_LOOKUP } from '../../shared/schemas/checkLibraryDocument';
import { loadPdf, norm, scratch, type LoadedPdf, type PdfOutlineNode, type PdfPage } from '../helpers/pdf';

/**
 * Large editions are laid out in parts and merged (main/pdf/editionPlan.ts, buildInParts.ts).
 * The benchmark's library scaled ×4 (113 pages in English) crosses the threshold, and its
 * country profiles are cut into chunks; it is built by the service (worker) and compared with
 * the same edition laid out in one pass. Smaller editions are forced into parts with low limits
 * to check French and the parallel edition too.
 */

const tmp = scratch('briefing-pdf-large-');
afterAll(() => tmp.cleanup());

// Loaded as the app loads it (source hashes computed): the raw file's translations would read as out of date.
const SEED = parseLibraryDocument(readLibraryFile(STARTER_LIBRARY_PATH), STARTER_LIBRARY_PATH, EMPTY_LOOKUP);
const FACTOR = 4;
const LARGE = scaleLibrary(SEED, FACTOR);
const LARGE_PACK = LARGE.packs.find((p) => p.slug === `large-${FACTOR}x`)!;
const BUILT_AT = new Date('2025-11-20T12:00:00Z');
const WATERMARK = 'DRAFT COPY';
const HEADER_FOOTER_SIZE = 7.5;
/** Limits that cut even the starter pack into parts (sections together, long sections in chunks). */
const TINY_PARTS = { singlePassMax: 0, partMax: 12_000 };

const PAGE_OF: Record<Edition, (page: number, pages: number) => string> = {
  en: (p, n) => `Page ${p} of ${n}`,
  fr: (p, n) => `Page ${p} sur ${n}`,
  es: (p, n) => `Página ${p} de ${n}`,
  parallel: (p, n) => `Page ${p} of ${n} · Page ${p} sur ${n} · Página ${p} de ${n}`,
};

function blocksOf(doc: LibraryDocument, pack: string, locale: Locale = 'en'): Block[] {
  return editionModels(doc, pack, [locale]).models[locale]!.blocks;
}

/** Headings in document order (with their fallback and out-of-date marks), with the ids pdfkit names their destinations by. */
function headings(doc: LibraryDocument, pack: string, locale: Locale): { id: string; level: 1 | 2; text: string }[] {
  return blocksOf(doc, pack, locale).flatMap((b): { id: string; level: 1 | 2; text: string }[] =>
    b.kind === 'sectionHeading'
      ? [{ id: b.id, level: 1, text: markedText(b.text) }]
      : b.kind === 'itemHeading'
        ? [{ id: b.id, level: 2, text: markedText(b.text) }]
        : [],
  );
}

function flatOutline(outline: PdfOutlineNode[]): { title: string; page: number | null; level: 1 | 2 }[] {
  return outline.flatMap((s) => [
    { title: s.title, page: s.page, level: 1 as const },
    ...s.children.map((c) => ({ title: c.title, page: c.page, level: 2 as const })),
  ]);
}

/** Lines of the running header (top margin) and footer (bottom margin): small text at the page's edges. */
const isMarginLine = (page: PdfPage, y: number) => y > page.height - 56 || y < 48;

function footers(page: PdfPage): string[] {
  return page.lines.filter((l) => l.y < 48 && l.items.every((i) => Math.abs(i.size - HEADER_FOOTER_SIZE) < 0.1)).map((l) => l.text);
}

function headerLine(page: PdfPage): string | undefined {
  return page.lines.find((l) => l.y > page.height - 56 && l.items.every((i) => Math.abs(i.size - HEADER_FOOTER_SIZE) < 0.1))?.text;
}

/** Contents entries: a number right-aligned in the last column starts an entry on its line. */
function readToc(pdf: LoadedPdf, frontPages: number): { text: string; page: number; tocPage: number }[] {
  const pages = pdf.pages.slice(1, frontPages);
  const numbers = pages.flatMap((p) => p.items.filter((i) => /^\d+$/.test(i.str) && !isMarginLine(p, i.y)));
  const rightEdge = Math.max(...numbers.map((i) => i.x + i.width));
  return pages.flatMap((page) =>
    page.lines.flatMap((line) => {
      const number = line.items.find((i) => /^\d+$/.test(i.str) && Math.abs(i.x + i.width - rightEdge) < 1);
      if (!number || isMarginLine(page, line.y)) return [];
      return [{ text: norm(line.items.filter((i) => i !== number).map((i) => i.str).join('')), page: Number(number.str), tocPage: page.number }];
    }),
  );
}

/** The body's text, line by line, without running headers, footers or the watermark. */
function bodyLines(pdf: LoadedPdf, fromPage: number): string[] {
  return pdf.pages.slice(fromPage - 1).flatMap((page) =>
    page.lines.filter((l) => !isMarginLine(page, l.y) && l.items.every((i) => i.size < 30 && i.str !== WATERMARK)).map((l) => l.text),
  );
}

/** Where each named destination used by the contents' links points (pdf.js resolves the names). */
async function linkTargets(bytes: Uint8Array, pdf: LoadedPdf, frontPages: number): Promise<Map<string, number>> {
  const links = pdf.pages.slice(1, frontPages).flatMap((p) => p.links.filter((l) => l.startsWith('dest:')));
  const names = new Set(links.map((l) => JSON.parse(l.slice(5)) as string));
  const doc = await getDocument({ data: bytes.slice(), disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  try {
    const targets = new Map<string, number>();
    for (const name of names) {
      const dest = await doc.getDestination(name);
      if (dest) targets.set(name, (await doc.getPageIndex(dest[0] as { num: number; gen: number })) + 1);
    }
    return targets;
  } finally {
    await doc.destroy();
  }
}

/**
 * Everything a built edition must have, whether laid out in one pass or in parts: numbered
 * footers on every page but the cover, the running header, contents whose numbers and links
 * lead to the headings, bookmarks (sections, their items below) on the headings' pages.
 */
async function expectCompleteEdition(source: Uint8Array, edition: Edition, doc: LibraryDocument, pack: string): Promise<LoadedPdf> {
  // pdf.js takes plain Uint8Arrays, not Buffers.
  const bytes = new Uint8Array(source);
  const pdf = await loadPdf(bytes);
  const pageOf = PAGE_OF[edition];

  expect(footers(pdf.pages[0]!)).toEqual([]);
  expect(headerLine(pdf.pages[0]!)).toBeUndefined();
  for (const page of pdf.pages.slice(1)) {
    expect(footers(page), `page ${page.number}`).toEqual([pageOf(page.number, pdf.pageCount)]);
    expect(headerLine(page), `page ${page.number}`).toBeTruthy();
  }

  const expected = headings(doc, pack, edition === 'parallel' ? 'en' : edition);
  const outline = flatOutline(pdf.outline);
  expect(pdf.outline.map((s) => s.children.length)).toEqual(
    expected.filter((h) => h.level === 1).map((s) => expected.filter((h) => h.level === 2 && h.id.startsWith(`${s.id}-`)).length),
  );
  expect(outline.map((o) => o.level)).toEqual(expected.map((h) => h.level));
  const frontPages = outline[0]!.page! - 1;
  outline.forEach((entry, i) => {
    expect(entry.page, entry.title).not.toBeNull();
    if (i > 0) expect(entry.page!).toBeGreaterThanOrEqual(outline[i - 1]!.page!);
    // The heading is on the bookmark's page (the first 20 characters, which never wrap; the
    // parallel edition's bookmarks join the three languages' headings).
    expect(pdf.pages[entry.page! - 1]!.text, entry.title).toContain(norm(entry.title.split(' / ')[0]!).slice(0, 20));
    if (edition !== 'parallel') expect(entry.title).toBe(expected[i]!.text);
  });

  const toc = readToc(pdf, frontPages);
  expect(toc).toHaveLength(outline.length);
  toc.forEach((entry, i) => {
    expect(entry.page, entry.text).toBe(outline[i]!.page);
    expect(entry.text.startsWith(norm(outline[i]!.title).slice(0, 20)), `${entry.text} / ${outline[i]!.title}`).toBe(true);
  });
  const targets = await linkTargets(bytes, pdf, frontPages);
  expect([...targets.keys()].sort()).toEqual(expected.map((h) => h.id).sort());
  expected.forEach((heading, i) => expect(targets.get(heading.id), heading.id).toBe(outline[i]!.page));

  // Noto Sans, embedded and subset; every subset with its own tag.
  expect(pdf.raw).toContain('/FontFile2');
  expect(pdf.raw).not.toMatch(/\/BaseFont \/(Helvetica|Times|Courier|Symbol|ZapfDingbats)/);
  const tags = [...pdf.raw.matchAll(/\/FontName \/([A-Z]{6})\+NotoSans/g)].map((m) => m[1]);
  expect(tags.length).toBeGreaterThan(0);
  expect(new Set(tags).size).toBe(tags.length);
  return pdf;
}

describe('the build plan', () => {
  it('builds the starter pack in one pass, every edition', () => {
    for (const edition of ['en', 'fr', 'es', 'parallel'] as const) {
      const plan = editionPlan(SEED, 'panama-2025', edition);
      expect(plan.kind, edition).toBe('single');
      expect(plan.weight).toBeLessThan(PLAN_LIMITS.singlePassMax / 2);
    }
  });

  it('builds a large pack in parts: whole sections, a long section cut before item headings', () => {
    const plan = editionPlan(LARGE, LARGE_PACK.slug, 'en');
    const blocks = blocksOf(LARGE, LARGE_PACK.slug);
    if (plan.kind !== 'parts') throw new Error('expected parts');
    expect(plan.weight).toBeGreaterThan(PLAN_LIMITS.singlePassMax);
    expect(plan.parts[0]!.from).toBe(0);
    expect(plan.parts[plan.parts.length - 1]!.to).toBe(blocks.length);
    plan.parts.forEach((part, i) => {
      if (i > 0) expect(part.from).toBe(plan.parts[i - 1]!.to);
      expect(['sectionHeading', 'itemHeading']).toContain(blocks[part.from]!.kind);
    });
    expect(plan.parts.some((p) => blocks[p.from]!.kind === 'itemHeading')).toBe(true);
  });

  it('keeps a section that fits whole, packs small ones together, cuts a long one where items start', () => {
    const s = (n: number): Block => ({ kind: 'sectionHeading', id: `section-${n}`, text: { text: `${n}.`, fallback: null } });
    const item = (n: number, i: number): Block => ({
      kind: 'itemHeading',
      id: `section-${n}-item-${i}`,
      parentId: `section-${n}`,
      text: { text: 'x', fallback: null },
      sourceMarks: [],
    });
    const body: Block = { kind: 'meta', text: '' };
    const blocks = [s(1), item(1, 1), s(2), item(2, 1), body, item(2, 2), item(2, 3), s(3), item(3, 1), s(4), item(4, 1)];
    const weights = [5, 10, 5, 40, 10, 50, 50, 5, 10, 5, 120];
    expect(planEdition(blocks, weights, { singlePassMax: 400, partMax: 100 }).kind).toBe('single');
    const plan = planEdition(blocks, weights, { singlePassMax: 100, partMax: 100 });
    // Section 1 alone; section 2 (155) cut before its items; section 3 does not fit after them;
    // section 4's item is heavier than a part: a part of its own, uncut.
    expect(plan).toMatchObject({
      kind: 'parts',
      parts: [
        { from: 0, to: 2 },
        { from: 2, to: 5 },
        { from: 5, to: 7 },
        { from: 7, to: 9 },
        { from: 9, to: 11 },
      ],
    });
  });
});

describe(`a large pack (×${FACTOR}) built in parts`, () => {
  const out = tmp.dir('large-');
  const progress: number[] = [];
  let bytes: Uint8Array;
  let pdf: LoadedPdf;
  let reported: { pages: number; bytes: number };
  let single: LoadedPdf;

  beforeAll(async () => {
    const service = new PackBuildService(1);
    try {
      const report = await service.build(
        LARGE,
        { pack: LARGE_PACK.slug, mode: 'en', out, watermark: WATERMARK, builtAt: BUILT_AT },
        { onProgress: (p) => progress.push(p.fraction) },
      );
      reported = report.files[0]!;
      bytes = new Uint8Array(fs.readFileSync(report.files[0]!.file));
    } finally {
      await service.close();
    }
    pdf = await expectCompleteEdition(bytes, 'en', LARGE, LARGE_PACK.slug);
    // The same edition laid out in one pass, as before parts existed; tagged like the parts, since
    // pdf.js reads a list counter in its own marked content as a word of its own ("1.Faster").
    const whole = await buildEdition(
      LARGE,
      LARGE_PACK.slug,
      'en',
      { paper: LARGE_PACK.paper, watermark: WATERMARK, builtAt: BUILT_AT },
      { singlePassMax: Infinity, partMax: Infinity },
    );
    single = await loadPdf(new Uint8Array(whole.bytes));
  }, 120_000);

  it('is a complete edition: footers, header, contents, links and bookmarks all agree', () => {
    expect(pdf.pageCount).toBe(reported.pages);
    expect(bytes.byteLength).toBe(reported.bytes);
    expect(pdf.pageCount).toBeGreaterThan(100);
  });

  it('says what one pass says, line for line, from the first section to the last source', () => {
    const body = bodyLines(pdf, pdf.outline[0]!.page!);
    expect(body).toEqual(bodyLines(single, single.outline[0]!.page!));
    // A chunk starts a page: a few more pages than one pass, never fewer.
    expect(pdf.pageCount).toBeGreaterThanOrEqual(single.pageCount);
    expect(pdf.pageCount).toBeLessThan(single.pageCount + 10);
    const blocks = blocksOf(LARGE, LARGE_PACK.slug);
    const items = blocks.filter((b) => b.kind === 'itemHeading');
    expect(body).toContain(markedText(items[0]!.text));
    expect(body.join(' ')).toContain(norm(markedText(items[items.length - 1]!.text)));
    const last = blocks[blocks.length - 1]!;
    if (last.kind !== 'sourceNote') throw new Error('the pack should end with its sources');
    // The last source entry ends the body (its date may wrap onto a line of its own).
    expect(norm(body.slice(-4).join(' '))).toContain(norm(`${last.number}. ${markedText(last.title)}`));
  });

  it('has the cover, metadata and language of one pass, the same page size, and the watermark on every page', () => {
    expect(pdf.info.Title).toBe(single.info.Title);
    expect(pdf.info.Title).toBe(editionModels(LARGE, LARGE_PACK.slug, ['en']).models.en!.title);
    expect(pdf.info.Language).toBe('en-US');
    for (const key of ['Author', 'Subject', 'Keywords', 'Creator', 'Producer'] as const) expect(pdf.info[key], key).toBe(single.info[key]);
    expect(pdf.info.Keywords).toContain(LARGE_PACK.slug);
    expect(pdf.pages[0]!.text).toBe(single.pages[0]!.text);
    for (const page of pdf.pages) {
      expect([page.width, page.height]).toEqual([single.pages[0]!.width, single.pages[0]!.height]);
      expect(page.items.some((i) => i.str === WATERMARK), `page ${page.number}`).toBe(true);
    }
  });

  it('reports progress from the worker rising to 1', () => {
    expect(progress.length).toBeGreaterThan(10);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.every((f) => f >= 0 && f <= 1)).toBe(true);
    expect(progress[progress.length - 1]).toBe(1);
  });
});

describe('other editions in parts', () => {
  it('French: footers, contents and bookmarks in French', async () => {
    expect(editionPlan(SEED, 'panama-2025', 'fr', TINY_PARTS).kind).toBe('parts');
    const built = await buildEdition(SEED, 'panama-2025', 'fr', { paper: 'a4', watermark: null, builtAt: BUILT_AT }, TINY_PARTS);
    const pdf = await expectCompleteEdition(built.bytes, 'fr', SEED, 'panama-2025');
    expect(pdf.pageCount).toBe(built.pages);
    expect(pdf.info.Language).toBe('fr-CA');
    expect(pdf.pages[1]!.text).toContain('Table des matières');
  });

  it('parallel: three languages side by side, footers in the three', async () => {
    const limits = { singlePassMax: 0, partMax: 40_000 };
    expect(editionPlan(SEED, 'panama-2025', 'parallel', limits)).toMatchObject({ kind: 'parts' });
    const built = await buildEdition(SEED, 'panama-2025', 'parallel', { paper: 'letter', watermark: null, builtAt: BUILT_AT }, limits);
    const pdf = await expectCompleteEdition(built.bytes, 'parallel', SEED, 'panama-2025');
    expect(pdf.info.Language).toBe('mul');
    expect(pdf.pages[0]!.width).toBeGreaterThan(pdf.pages[0]!.height);
  });
});
