import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuildReport } from '../../main/pdf/PackBuildService';
import type { LibraryDocument } from '../../shared/schemas/libraryDocument';
import { cli } from '../helpers/cli';
import { readJson } from '../helpers/library';
import { filesIn, loadPdf, norm, type LoadedPdf, type PdfPage, type PdfTextItem, scratch } from '../helpers/pdf';

const tmp = scratch('briefing-pdf-parallel-');
afterAll(() => tmp.cleanup());

/** `briefing build --lang parallel`: one landscape PDF, EN | FR | ES side by side, row by row. */

const SEED = readJson<LibraryDocument>(path.join(import.meta.dirname, '../../seeds/starter-library.json'));
const PACK = SEED.packs.find((p) => p.slug === 'panama-2025')!;
type Lang = 'en' | 'fr' | 'es';
const LANGS: Lang[] = ['en', 'fr', 'es'];
const tr = (value: { [k in Lang]?: { text: string } } | null | undefined, lang: Lang): string => value![lang]!.text;

const dir = tmp.dir('parallel-');
const db = path.join(dir, 'lib.sqlite');
const outDir = path.join(dir, 'out');
let report: BuildReport;
let pdf: LoadedPdf;

beforeAll(async () => {
  expect((await cli(['init', '--db', db])).code).toBe(0);
  // A folder: the file is named after the pack and the mode.
  const built = await cli(['build', '--db', db, '--pack', 'panama-2025', '--lang', 'parallel', '--out', outDir, '--json']);
  expect(built.stderr).toBe('');
  expect(built.code).toBe(0);
  report = JSON.parse(built.stdout) as BuildReport;
  pdf = await loadPdf(path.join(outDir, 'panama-2025-parallel.pdf'));
}, 120_000);

/**
 * The first text item at a given size (within 0.1 pt), from `fromPage` on, whose text starts with
 * `text` ('prefix'), or is the first line of `text` ('lineOf': at least two words of it).
 */
function find(text: string, size: number | null, fromPage = 1, match: 'prefix' | 'lineOf' = 'prefix'): { page: PdfPage; item: PdfTextItem } {
  const matches = (s: string) =>
    match === 'prefix' ? s.startsWith(text) : s.includes(' ') && (text === s || text.startsWith(`${s} `));
  for (const page of pdf.pages.slice(fromPage - 1)) {
    const item = page.items.find((i) => matches(norm(i.str)) && (size === null || Math.abs(i.size - size) < 0.1));
    if (item) return { page, item };
  }
  throw new Error(`"${text}" not found`);
}

/** The page the body starts on: the first page with a section heading (17 pt). */
function bodyStart(): number {
  return find(`1. ${tr(PACK.sections[0]!.title, 'en')}`, 17, 1, 'lineOf').page.number;
}

/** EN, FR and ES versions of one row start on the same line, left to right. */
function expectSideBySide(prefixes: Record<Lang, string>, size: number | null, match: 'prefix' | 'lineOf' = 'prefix'): void {
  const from = bodyStart();
  const found = LANGS.map((l) => find(prefixes[l], size, from, match));
  const [en, fr, es] = found as [(typeof found)[0], (typeof found)[0], (typeof found)[0]];
  expect(fr.page.number, `${prefixes.fr} on the page of ${prefixes.en}`).toBe(en.page.number);
  expect(es.page.number, `${prefixes.es} on the page of ${prefixes.en}`).toBe(en.page.number);
  expect(Math.abs(fr.item.y - en.item.y), `${prefixes.en} / ${prefixes.fr}: y ${en.item.y} vs ${fr.item.y}`).toBeLessThanOrEqual(1);
  expect(Math.abs(es.item.y - en.item.y), `${prefixes.en} / ${prefixes.es}: y ${en.item.y} vs ${es.item.y}`).toBeLessThanOrEqual(1);
  expect(en.item.x).toBeLessThan(fr.item.x);
  expect(fr.item.x).toBeLessThan(es.item.x);
  // Each language in its own third of the page.
  const third = en.page.width / 3;
  expect(en.item.x).toBeLessThan(third);
  expect(fr.item.x).toBeGreaterThan(third - 10);
  expect(fr.item.x).toBeLessThan(2 * third);
  expect(es.item.x).toBeGreaterThan(2 * third - 10);
}

describe('briefing build --lang parallel', () => {
  it('writes one file, <slug>-parallel.pdf, and reports it', () => {
    expect(filesIn(outDir)).toEqual(['panama-2025-parallel.pdf']);
    expect(report.files).toHaveLength(1);
    expect(report.files[0]!.edition).toBe('parallel');
    expect(report.files[0]!.pages).toBe(pdf.pageCount);
    expect(report.files[0]!.bytes).toBe(fs.statSync(path.join(outDir, 'panama-2025-parallel.pdf')).size);
    // All three languages were picked.
    expect(report.editions.map((e) => e.locale)).toEqual(['en', 'fr', 'es']);
  });

  it('is landscape on every page (the pack is on letter paper: 792 × 612)', () => {
    for (const page of pdf.pages) {
      expect(Math.round(page.width)).toBe(792);
      expect(Math.round(page.height)).toBe(612);
    }
  });

  it('declares /Lang "mul" and the three titles as Title', () => {
    expect(pdf.info.Language).toBe('mul');
    expect(pdf.info.Title).toBe(LANGS.map((l) => tr(PACK.title, l)).join(' / '));
  });

  it('puts "Priority 3", "Priorité 3" and "Prioridad 3" headings on the same line, EN < FR < ES', () => {
    expectSideBySide({ en: 'Priority 3 — ', fr: 'Priorité 3 — ', es: 'Prioridad 3 — ' }, 12.5);
  });

  it('puts the section headings on the same line', () => {
    for (const [s, section] of PACK.sections.entries()) {
      // A long heading wraps in its column: its first line is the first words of the heading.
      const headings = Object.fromEntries(LANGS.map((l) => [l, `${s + 1}. ${tr(section.title, l)}`])) as Record<Lang, string>;
      expectSideBySide(headings, 17, 'lineOf');
    }
  });

  it('starts each paragraph of a text on the same line in EN, FR and ES', () => {
    // The section text: two paragraphs.
    expectSideBySide({ en: 'The first meeting of the ParlAmericas', fr: 'La première réunion du', es: 'La primera reunión de la' }, null);
    expectSideBySide({ en: 'Parliamentarians from', fr: 'Des parlementaires de', es: 'Participaron parlamentarias' }, null);
    // A priority body.
    expectSideBySide({ en: 'Identify opportunities', fr: 'Rechercher les occasions', es: 'Detectar oportunidades' }, null);
    // The OMSAC note: second paragraph and the heading inside its Markdown.
    expectSideBySide({ en: 'According to OMSAC', fr: 'Selon l’OMSAC', es: 'Según la OMSAC' }, null);
    expectSideBySide({ en: 'Five recommended lines of action', fr: 'Cinq axes recommandés', es: 'Cinco líneas de acción' }, null);
  });

  it('shows the three language names at the head of each column', () => {
    const body = pdf.pages.slice(bodyStart() - 1);
    for (const page of body) {
      const en = page.items.find((i) => i.str === 'English');
      const fr = page.items.find((i) => i.str === 'Français');
      const es = page.items.find((i) => i.str === 'Español');
      expect(en && fr && es, `language names on page ${page.number}`).toBeTruthy();
      expect(fr!.y).toBeCloseTo(en!.y, 0);
      expect(es!.y).toBeCloseTo(en!.y, 0);
      expect(en!.x < fr!.x && fr!.x < es!.x).toBe(true);
    }
  });

  it('has a footer in the three languages on every page but the cover', () => {
    const n = pdf.pageCount;
    expect(pdf.pages[0]!.text).not.toMatch(/Page 1 of/);
    for (const page of pdf.pages.slice(1)) {
      const p = page.number;
      expect(page.lines[page.lines.length - 1]!.text, `page ${p}`).toBe(norm(`Page ${p} of ${n} · Page ${p} sur ${n} · Página ${p} de ${n}`));
    }
  });

  it('has the contents in three languages, with bookmarks joining the three titles', () => {
    expect(pdf.text).toContain('Contents / Table des matières / Índice');
    expect(pdf.outline.map((o) => o.title)).toEqual(
      PACK.sections.map((section, s) => LANGS.map((l) => `${s + 1}. ${tr(section.title, l)}`).join(' / ')),
    );
    // Countries without notes are rows of the country table, not bookmarks.
    const headed = (s: (typeof PACK.sections)[number]) =>
      s.items.filter((i) => i.kind !== 'country' || SEED.notes.some((n) => n.countryCode === i.ref)).length;
    expect(pdf.outline.map((o) => o.children.length)).toEqual(PACK.sections.map(headed));
    expect(pdf.outline[1]!.children[2]!.title).toBe(
      'Priority 3 — Transnational organized crime / Priorité 3 — Criminalité transnationale organisée / Prioridad 3 — Delincuencia organizada transnacional',
    );
    // Bookmarks go to the page where the EN heading is.
    const target = find('Priority 3 — ', 12.5, bodyStart());
    expect(pdf.outline[1]!.children[2]!.page).toBe(target.page.number);
  });

  it('fits the cover on the first page: the contents start on page 2', () => {
    const cover = pdf.pages[0]!;
    for (const l of LANGS) {
      expect(cover.text, `${l} cover`).toContain(norm(tr(PACK.title, l)));
      expect(cover.text, `${l} cover`).toContain(norm(tr(PACK.classification, l)));
    }
    expect(cover.text).toContain('Prepared on');
    expect(cover.text).toContain('Préparé le');
    expect(cover.text).toContain('Preparado el');
    expect(pdf.pages[1]!.text).toContain('Contents / Table des matières / Índice');
  });
});
