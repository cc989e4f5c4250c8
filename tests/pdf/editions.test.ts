import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuildReport } from '../../main/pdf/PackBuildService';
import type { LibraryDocument } from '../../shared/schemas/libraryDocument';
import { cli } from '../helpers/cli';
import { readJson } from '../helpers/library';
import { filesIn, loadPdf, norm, textAtSize, type LoadedPdf, type PdfOutlineNode, type PdfPage, scratch } from '../helpers/pdf';

const tmp = scratch('briefing-pdf-editions-');
afterAll(() => tmp.cleanup());

/**
 * The three editions of the starter pack, built once with `briefing build --lang all`, read back
 * with pdf.js: languages, generated labels, dates, contents, bookmarks, metadata, footers, accents.
 */

type Lang = 'en' | 'fr' | 'es';
const LANGS: Lang[] = ['en', 'fr', 'es'];
const SEED = readJson<LibraryDocument>(path.join(import.meta.dirname, '../../seeds/starter-library.json'));
const PACK = SEED.packs.find((p) => p.slug === 'panama-2025')!;

/** What each edition must say, typed here from the brief rather than read from the product. */
const LABELS: Record<
  Lang,
  {
    tag: string;
    contents: string;
    priority: (n: number) => string;
    pageOf: (page: number, pages: number) => string;
    pageWord: RegExp;
    preparedOn: string;
    /** The meeting's dates as Intl writes them (thin spaces around the en dash in English). */
    meetingDates: string;
    sources: string;
    convention: string;
    /** Other languages' labels that must not leak into this edition. */
    foreign: string[];
  }
> = {
  en: {
    tag: 'en-US',
    contents: 'Contents',
    priority: (n) => `Priority ${n}`,
    pageOf: (p, n) => `Page ${p} of ${n}`,
    pageWord: /\bPage \d+ of \d+\b/,
    preparedOn: 'Prepared on',
    meetingDates: 'November 27\u2009\u2013\u200928, 2025',
    sources: 'Sources',
    convention: 'Convention',
    foreign: ['Table des matières', 'Índice', 'Priorité', 'Prioridad', ' sur ', 'Página'],
  },
  fr: {
    tag: 'fr-CA',
    contents: 'Table des matières',
    priority: (n) => `Priorité ${n}`,
    pageOf: (p, n) => `Page ${p} sur ${n}`,
    pageWord: /\bPage \d+ sur \d+\b/,
    preparedOn: 'Préparé le',
    meetingDates: '27\u201328 novembre 2025',
    sources: 'Sources',
    convention: 'Convention',
    foreign: ['Contents', 'Índice', 'Priority ', 'Prioridad', 'Página'],
  },
  es: {
    tag: 'es-419',
    contents: 'Índice',
    priority: (n) => `Prioridad ${n}`,
    pageOf: (p, n) => `Página ${p} de ${n}`,
    pageWord: /\bPágina \d+ de \d+\b/,
    preparedOn: 'Preparado el',
    meetingDates: '27\u201328 de noviembre de 2025',
    sources: 'Fuentes',
    convention: 'Convención',
    foreign: ['Contents', 'Table des matières', 'Priority ', 'Priorité'],
  },
};

function text(value: { [k in Lang]?: { text: string } } | null | undefined, lang: Lang): string {
  const entry = value?.[lang];
  if (!entry) throw new Error(`seed has no ${lang} text`);
  return entry.text;
}

/** The bookmarks an edition should have, computed from the seed file and Intl. */
function expectedOutline(lang: Lang): { title: string; children: string[] }[] {
  const regions = new Intl.DisplayNames([lang], { type: 'region' });
  return PACK.sections.map((section, s) => ({
    title: `${s + 1}. ${text(section.title, lang)}`,
    // Countries without notes are rows of the section's country table, not headings.
    children: section.items.filter((item) => item.kind !== 'country' || SEED.notes.some((n) => n.countryCode === item.ref)).map((item) => {
      switch (item.kind) {
        case 'priority': {
          const p = SEED.priorities.find((x) => x.id === item.ref)!;
          return `${LABELS[lang].priority(p.number)} — ${text(p.title, lang)}`;
        }
        case 'instrument':
          return text(SEED.instruments.find((x) => x.id === item.ref)!.shortName, lang);
        case 'note':
          return text(SEED.notes.find((x) => x.id === item.ref)!.title, lang);
        case 'country': {
          const c = SEED.countries.find((x) => x.code === item.ref)!;
          return c.formalName?.[lang]?.text ?? regions.of(item.ref)!;
        }
      }
    }),
  }));
}

interface TocEntry {
  text: string;
  page: number;
  tocPage: number;
}

const HEADER_FOOTER_SIZE = 7.5;
/** The status note's lines (the brief's words): English and Spanish are drafts of the French. */
const STATUS_NOTE: Record<Lang, string[]> = {
  en: ['Unedited draft translation; original: French.'],
  fr: [],
  es: ['Traducción provisional sin revisar; original: francés.'],
};

/**
 * Reads the contents pages: every line that ends with a page number at the right margin starts
 * an entry; a line without one continues the entry above (a long title wraps).
 */
function readToc(pdf: LoadedPdf, contentsTitle: string, count: number): TocEntry[] {
  const start = pdf.pages.find((p) => p.lines.some((l) => l.text === contentsTitle));
  if (!start) throw new Error(`no page titled ${contentsTitle}`);
  const entries: TocEntry[] = [];
  for (const page of pdf.pages.slice(start.number - 1)) {
    for (const line of page.lines) {
      if (entries.length >= count) return entries;
      if (line.items.every((i) => Math.abs(i.size - HEADER_FOOTER_SIZE) < 0.1)) continue;
      if (line.text === contentsTitle) continue;
      const last = line.items[line.items.length - 1]!;
      const number = /^\d+$/.test(last.str.trim()) && last.x > page.width * 0.75 ? Number(last.str.trim()) : null;
      const words = norm(line.items.filter((i) => i !== last || number === null).map((i) => i.str).join(''));
      if (number !== null) entries.push({ text: words, page: number, tocPage: page.number });
      else if (entries.length > 0) entries[entries.length - 1]!.text = norm(`${entries[entries.length - 1]!.text} ${words}`);
    }
  }
  return entries;
}

function flatten(outline: PdfOutlineNode[]): { title: string; page: number | null; level: 1 | 2 }[] {
  return outline.flatMap((node) => [
    { title: node.title, page: node.page, level: 1 as const },
    ...node.children.map((c) => ({ title: c.title, page: c.page, level: 2 as const })),
  ]);
}

const SECTION_SIZE = 17;
const ITEM_SIZE = 12.5;

/**
 * True when a heading begins on the page: whole, or (when a long heading wraps over a page
 * break) its first words end that page's headings and the rest opens the next page's.
 */
function startsOn(pdf: LoadedPdf, heading: string, pageNumber: number, level: 1 | 2): boolean {
  const size = level === 1 ? SECTION_SIZE : ITEM_SIZE;
  const here = pdf.pages[pageNumber - 1];
  if (!here) return false;
  const onPage = textAtSize(here, size);
  if (onPage.includes(heading)) return true;
  const next = pdf.pages[pageNumber];
  if (!next) return false;
  const following = textAtSize(next, size);
  const words = heading.split(' ');
  for (let k = 1; k < words.length; k++) {
    const head = words.slice(0, k).join(' ');
    const tail = words.slice(k).join(' ');
    if (onPage.endsWith(head) && following.startsWith(tail)) return true;
  }
  return false;
}

function footerLine(page: PdfPage): string {
  return page.lines[page.lines.length - 1]?.text ?? '';
}

const dir = tmp.dir('editions-');
const db = path.join(dir, 'lib.sqlite');
const outDir = path.join(dir, 'out');
let report: BuildReport;
let buildDay: { before: string; after: string };
const pdfs = {} as Record<Lang, LoadedPdf>;

beforeAll(async () => {
  const init = await cli(['init', '--db', db]);
  expect(init.code, init.stderr).toBe(0);
  const before = new Date().toISOString().slice(0, 10);
  const built = await cli(['build', '--db', db, '--pack', 'panama-2025', '--lang', 'all', '--out', outDir, '--json']);
  buildDay = { before, after: new Date().toISOString().slice(0, 10) };
  expect(built.stderr).toBe('');
  expect(built.code).toBe(0);
  report = JSON.parse(built.stdout) as BuildReport;
  for (const lang of LANGS) pdfs[lang] = await loadPdf(path.join(outDir, `panama-2025-${lang}.pdf`));
}, 120_000);

describe('briefing build --lang all (starter pack)', () => {
  it('writes exactly <slug>-en.pdf, <slug>-fr.pdf and <slug>-es.pdf, and no temporary file', () => {
    expect(filesIn(outDir)).toEqual(['panama-2025-en.pdf', 'panama-2025-es.pdf', 'panama-2025-fr.pdf']);
    expect(report.pack).toEqual({ id: 'pack-panama-2025', slug: 'panama-2025' });
    expect(report.files.map((f) => [f.edition, path.basename(f.file)])).toEqual([
      ['en', 'panama-2025-en.pdf'],
      ['fr', 'panama-2025-fr.pdf'],
      ['es', 'panama-2025-es.pdf'],
    ]);
    for (const f of report.files) {
      expect(path.resolve(f.file)).toBe(path.join(outDir, `panama-2025-${f.edition}.pdf`));
      expect(f.bytes).toBe(fs.statSync(f.file).size);
      expect(fs.readFileSync(f.file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    }
  });

  it('reports every text of the starter pack as present (French originals, en/es drafts)', () => {
    expect(report.editions.map((e) => e.locale)).toEqual(['en', 'fr', 'es']);
    for (const e of report.editions) {
      expect(e.missing).toEqual([]);
      expect(e.stale).toEqual([]);
    }
    const byLocale = Object.fromEntries(report.editions.map((e) => [e.locale, e]));
    expect(byLocale.fr!.draft).toEqual([]);
    expect(byLocale.en!.draft.length).toBeGreaterThan(0);
    expect(byLocale.es!.draft.length).toBeGreaterThan(0);
    expect(byLocale.en!.draft).toContainEqual({ pieceId: 'prio-rps-3', field: 'body' });
  });
});

describe.each(LANGS)('%s edition of the starter pack', (lang) => {
  const L = LABELS[lang];
  const outline = expectedOutline(lang);
  const headingCount = outline.reduce((n, s) => n + 1 + s.children.length, 0);

  it('reports the page count it wrote', () => {
    const file = report.files.find((f) => f.edition === lang)!;
    expect(file.pages).toBe(pdfs[lang].pageCount);
    expect(pdfs[lang].pageCount).toBeGreaterThan(5);
  });

  it(`has the pack title in ${lang} as Title and ${L.tag} as Language`, () => {
    const { info } = pdfs[lang];
    expect(info.Title).toBe(text(PACK.title, lang));
    expect(info.Language).toBe(L.tag);
    const meeting = SEED.meetings.find((m) => m.id === PACK.meetingId)!;
    expect(info.Subject).toBe(text(meeting.title, lang));
  });

  it('shows the cover in the edition language, with the meeting dates as Intl writes them', () => {
    const cover = pdfs[lang].pages[0]!;
    const meeting = SEED.meetings.find((m) => m.id === PACK.meetingId)!;
    // pdf.js reports U+2009 (thin space) as a plain space: compare with whitespace normalised.
    expect(cover.text).toContain(norm(`${L.meetingDates} · ${text(meeting.place, lang)}`));
    // The characters themselves come from Intl on this machine.
    const tag = L.tag;
    const intl = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).formatRange(
      new Date('2025-11-27T00:00:00Z'),
      new Date('2025-11-28T00:00:00Z'),
    );
    expect(intl).toBe(L.meetingDates);
    expect(cover.text).toContain('\u2013');
    for (const field of [PACK.title, PACK.subtitle, PACK.audience, PACK.classification, meeting.title]) {
      expect(cover.text).toContain(norm(text(field, lang)));
    }
    const prepared = [buildDay.before, buildDay.after].map(
      (day) =>
        // French writes the first of the month "1er".
        `${L.preparedOn} ${new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`)).replace(/^1 /, lang === 'fr' ? '1er ' : '1 ')}`,
    );
    expect(prepared.some((p) => cover.text.includes(p)), `cover: ${cover.text}`).toBe(true);
  });

  it('has no header or footer on the cover, and "page X of Y" on every other page', () => {
    const pdf = pdfs[lang];
    expect(pdf.pages[0]!.text).not.toMatch(L.pageWord);
    for (const page of pdf.pages.slice(1)) {
      expect(footerLine(page), `page ${page.number}`).toBe(L.pageOf(page.number, pdf.pageCount));
      expect(page.text.match(new RegExp(L.pageWord.source, 'g'))).toHaveLength(1);
      // The running header carries the pack title on every page but the cover.
      expect(page.lines[0]!.text.startsWith(norm(text(PACK.title, lang)))).toBe(true);
    }
    expect(pdf.pages[1]!.text).toContain(L.pageOf(2, pdf.pageCount));
  });

  it('uses the edition language for every generated label', () => {
    const pdf = pdfs[lang];
    expect(pdf.pages[1]!.lines.some((l) => l.text === L.contents)).toBe(true);
    for (let n = 1; n <= 7; n++) expect(pdf.text).toContain(`${L.priority(n)} — `);
    expect(pdf.text).toContain(L.sources);
    expect(pdf.text).toContain(`${L.convention} · `);
    for (const word of L.foreign) expect(pdf.text, `"${word}" in the ${lang} edition`).not.toContain(word);
    // No text came from another language.
    expect(pdf.text).not.toMatch(/\[(EN|FR|ES)\]/);
  });

  it('has bookmarks mirroring the sections (top level) and their items (children)', () => {
    const actual = pdfs[lang].outline.map((n) => ({ title: n.title, children: n.children.map((c) => c.title) }));
    expect(actual).toEqual(outline);
    expect(pdfs[lang].outline.every((n) => n.children.every((c) => c.children.length === 0))).toBe(true);
  });

  it('lists every heading in the contents, with the page the heading is really on', () => {
    const pdf = pdfs[lang];
    const toc = readToc(pdf, L.contents, headingCount);
    const flat = flatten(pdf.outline);
    expect(toc.map((e) => e.text)).toEqual(flat.map((f) => f.title));
    const tocPages = new Set(toc.map((e) => e.tocPage));
    for (const [i, entry] of toc.entries()) {
      const level = flat[i]!.level;
      expect(tocPages.has(entry.page), `${entry.text} points into the contents`).toBe(false);
      const page = pdf.pages[entry.page - 1];
      expect(page, `${entry.text}: page ${entry.page} of ${pdf.pageCount}`).toBeDefined();
      expect(startsOn(pdf, entry.text, entry.page, level), `"${entry.text}" should start on page ${entry.page}`).toBe(true);
      // The bookmark goes to the same page.
      expect(flat[i]!.page, `bookmark ${entry.text}`).toBe(entry.page);
    }
    // Sections start on a new page, in order.
    const sectionPages = toc.filter((_, i) => flat[i]!.level === 1).map((e) => e.page);
    expect([...sectionPages].sort((a, b) => a - b)).toEqual(sectionPages);
    expect(new Set(sectionPages).size).toBe(sectionPages.length);
    for (const p of sectionPages) {
      // The first section's page opens with the edition's status note (drafts), then the heading.
      const firstBody = pdf.pages[p - 1]!.lines.find(
        (l) => l.items.every((it) => Math.abs(it.size - HEADER_FOOTER_SIZE) >= 0.1) && !STATUS_NOTE[lang].includes(norm(l.text)),
      );
      expect(firstBody?.items[0]?.size).toBe(SECTION_SIZE);
    }
  });

  it('keeps every heading whole on one page, never as the last line of a page', () => {
    const pdf = pdfs[lang];
    const flat = flatten(pdf.outline);
    for (const heading of flat) {
      const page = pdf.pages[heading.page! - 1]!;
      const size = heading.level === 1 ? SECTION_SIZE : ITEM_SIZE;
      expect(textAtSize(page, size), `heading "${heading.title}" split across pages ${page.number} and ${page.number + 1}`).toContain(
        heading.title,
      );
    }
    for (const page of pdf.pages.slice(1)) {
      const body = page.lines.filter((l) => l.items.some((i) => Math.abs(i.size - HEADER_FOOTER_SIZE) >= 0.1 && i.size > 5));
      const last = body[body.length - 1];
      if (!last) continue;
      const isHeading = last.items.every((i) => [SECTION_SIZE, ITEM_SIZE].some((s) => Math.abs(i.size - s) < 0.1) || i.size < 5);
      expect(isHeading, `page ${page.number} ends with the heading line "${last.text}"`).toBe(false);
    }
  });

  it('keeps accents and other characters intact', () => {
    const all = pdfs[lang].text;
    // The note about the UN General Assembly, in every language.
    expect(all).toContain('Nguyên Hoàng Nguyên');
    expect(all.normalize('NFC')).toBe(all);
    if (lang === 'fr') {
      for (const s of ['é', '«', '»', 'œuvre', 'Sécurité', '25ᵉ anniversaire', 'Curaçao', 'Équateur', 'l’OMSAC']) expect(all).toContain(s);
      expect(all).toContain('« Sécurité humaine et stabilité régionale');
    }
    if (lang === 'es') {
      for (const s of ['ñ', 'diseñar', '«', '»', 'Índice', 'Panamá', '25.º aniversario', 'Delincuencia organizada transnacional']) {
        expect(all).toContain(s);
      }
    }
    if (lang === 'en') {
      for (const s of ['Curaçao', 'chargé d’affaires', '“solidarity synergy”']) expect(all).toContain(s);
    }
    // No replacement characters or lost glyphs.
    expect(all).not.toMatch(/[\uFFFD\u0000]/);
  });
});
