import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityFindings } from '../../main/pdf/accessibilityFindings';
import { buildEdition, prepareEdition, type Edition } from '../../main/pdf/buildEdition';
import { FONT_FAMILY } from '../../main/pdf/fonts';
import { configurePdfmake } from '../../main/pdf/pdfmakeEngine';
import { TAG_KEY, tagDocument, type Group, type Tag } from '../../main/pdf/tagging/tagDocument';
import { parseLibraryDocument } from '../../main/services/parseLibraryDocument';
import { readLibraryFile } from '../../main/services/readLibraryFile';
import { STARTER_LIBRARY_PATH } from '../../main/services/loadStarterLibrary';
import { EMPTY_LOOKUP } from '../../shared/schemas/checkLibraryDocument';
import type { LibraryDocument } from '../../shared/schemas/libraryDocument';
import { hostileDocument, note } from '../helpers/hostileDocument';
import { descendants, languageOf, readStructTree, type StructElem } from '../helpers/structTree';

/*
 * The structure tree of tagged editions (main/pdf/tagging), read back with qpdf (tests/helpers/
 * structTree.ts): sections, contents, sources and their marks, tables with empty cells and
 * repeated header rows, nesting 10,000 deep, and a language on every passage side by side.
 */

const OPTIONS = { paper: 'a4' as const, watermark: 'DRAFT', builtAt: new Date('2025-11-20T12:00:00Z') };
const STARTER = parseLibraryDocument(readLibraryFile(STARTER_LIBRARY_PATH), STARTER_LIBRARY_PATH, EMPTY_LOOKUP);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'structure-'));
const files: Partial<Record<Edition, string>> = {};

async function build(name: string, edition: Edition, doc: LibraryDocument = STARTER, pack = 'panama-2025'): Promise<string> {
  const built = await buildEdition(doc, pack, edition, OPTIONS);
  const file = path.join(dir, `${name}.pdf`);
  fs.writeFileSync(file, built.bytes);
  return file;
}

const qpdfCheck = (file: string) => spawnSync('qpdf', ['--check', file], { encoding: 'utf8' }).status;
const blocksOf = (edition: Edition) => prepareEdition(STARTER, 'panama-2025', edition, OPTIONS).layout.blocks;
const roles = (elements: StructElem[]) => elements.map((e) => e.role);
const ancestors = (e: StructElem) => {
  const out: string[] = [];
  for (let p = e.parent; p; p = p.parent) out.push(p.role);
  return out;
};

beforeAll(async () => {
  for (const edition of ['en', 'parallel'] as const) files[edition] = await build(edition, edition);
}, 180_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('pack sections', () => {
  it('en: one Sect per section under Document, its H1 first, every H2 and source entry inside one', () => {
    const { root, elements } = readStructTree(files.en!);
    const sections = blocksOf('en').filter((b) => b.kind === 'sectionHeading');
    const sects = root!.kids.filter((k) => k.role === 'Sect');
    expect(sects).toHaveLength(sections.length);
    for (const sect of sects) expect(sect.kids[0]!.role).toBe('H1');
    expect(elements.filter((e) => e.role === 'H1').every((h) => h.parent!.role === 'Sect')).toBe(true);
    for (const role of ['H2', 'Note']) expect(elements.filter((e) => e.role === role).every((e) => ancestors(e).includes('Sect')), role).toBe(true);
    // Sections follow each other; none inside another.
    expect(elements.filter((e) => e.role === 'Sect').every((s) => s.parent === root)).toBe(true);
  });

  it('side by side: a Sect per section holds its table, with the section’s three H1s', () => {
    const { root, elements } = readStructTree(files.parallel!);
    const sections = blocksOf('parallel').filter((b) => b.kind === 'sectionHeading');
    const sects = root!.kids.filter((k) => k.role === 'Sect');
    expect(sects).toHaveLength(sections.length);
    for (const sect of sects) {
      expect(roles(sect.kids)).toEqual(['Table']);
      const h1 = descendants(sect).filter((e) => e.role === 'H1');
      expect(h1.map(languageOf)).toEqual(['en-US', 'fr-CA', 'es-419']);
    }
    expect(elements.filter((e) => e.role === 'H1').every((h) => ancestors(h).includes('Sect'))).toBe(true);
  });
});

describe('the contents', () => {
  it.each(['en', 'parallel'] as const)('%s: TOC › TOCI › Reference › Link, one entry per heading, each link annotation inside its Link', (edition) => {
    const { root, elements, objects } = readStructTree(files[edition]!);
    const tocs = elements.filter((e) => e.role === 'TOC');
    expect(tocs).toHaveLength(1);
    expect(tocs[0]!.parent).toBe(root);
    const headings = blocksOf(edition).filter((b) => b.kind === 'sectionHeading' || b.kind === 'itemHeading');
    expect(roles(tocs[0]!.kids)).toEqual(headings.map(() => 'TOCI'));
    for (const entry of tocs[0]!.kids) {
      expect(roles(entry.kids)).toEqual(['Reference']);
      const [link] = entry.kids[0]!.kids;
      expect(link!.role).toBe('Link');
      // The entry's words and its page number: marked content and their annotations (GoTo).
      expect(link!.mcids + descendants(link!).reduce((n, e) => n + e.mcids, 0)).toBeGreaterThanOrEqual(2);
      expect(link!.objrs.length).toBeGreaterThanOrEqual(2);
      for (const ref of link!.objrs) {
        const annotation = objects[ref]!;
        expect(annotation['/Subtype']).toBe('/Link');
        expect(objects[annotation['/A'] as string]!['/S']).toBe('/GoTo');
        expect(typeof annotation['/StructParent']).toBe('number');
        expect(String(annotation['/Contents'] ?? '').length).toBeGreaterThan(2);
      }
    }
  });

  it('side by side: each entry reads in English, its French and Spanish words in Spans of their language', () => {
    const { elements } = readStructTree(files.parallel!);
    for (const entry of elements.filter((e) => e.role === 'TOCI')) {
      const reference = entry.kids[0]!;
      expect(reference.lang).toBe('en-US');
      const spans = descendants(reference).filter((e) => e.role === 'Span');
      // A heading the same in two languages is written (and read) once.
      expect(spans.map((s) => s.lang).every((l) => l === 'fr-CA' || l === 'es-419')).toBe(true);
      expect(spans.length).toBeGreaterThanOrEqual(1);
    }
  });
});

describe('sources', () => {
  it('each entry of a section’s sources is a Note with its own ID; each source mark a Reference › Link to it', () => {
    const { elements, objects } = readStructTree(files.en!);
    const blocks = blocksOf('en');
    const notes = elements.filter((e) => e.role === 'Note');
    expect(notes).toHaveLength(blocks.filter((b) => b.kind === 'sourceNote').length);
    expect(new Set(notes.map((n) => n.id)).size).toBe(notes.length);
    expect(notes.every((n) => typeof n.id === 'string' && n.id.length > 0)).toBe(true);
    const marks = blocks.reduce((n, b) => n + ('sourceMarks' in b ? b.sourceMarks.length : 0), 0);
    expect(marks).toBeGreaterThan(0);
    const references = elements.filter((e) => e.role === 'Reference' && !ancestors(e).includes('TOCI'));
    expect(references).toHaveLength(marks);
    for (const reference of references) {
      expect(['H2', 'TH']).toContain(ancestors(reference).find((r) => r === 'H2' || r === 'TH'));
      expect(roles(reference.kids)).toEqual(['Link']);
      const [annotation] = reference.kids[0]!.objrs.map((ref) => objects[ref]!);
      expect(objects[annotation!['/A'] as string]!['/S']).toBe('/GoTo');
    }
  });
});

describe('the side-by-side edition built in parts', () => {
  it('has one tree merged from its parts: a Sect per section, every passage in its language, every check passed', async () => {
    const limits = { singlePassMax: 0, partMax: 12_000 };
    const built = await buildEdition(STARTER, 'panama-2025', 'parallel', OPTIONS, limits);
    const file = path.join(dir, 'parallel-parts.pdf');
    fs.writeFileSync(file, built.bytes);
    expect(qpdfCheck(file)).toBe(0);
    const { root, elements } = readStructTree(file);
    expect(root!.role).toBe('Document');
    expect(root!.kids.filter((k) => k.role === 'Sect')).toHaveLength(blocksOf('parallel').filter((b) => b.kind === 'sectionHeading').length);
    expect(elements.filter((e) => e.role === 'TOC')).toHaveLength(1);
    expect(elements.filter((e) => e.mcids > 0 && !['en-US', 'fr-CA', 'es-419'].includes(languageOf(e) ?? 'mul'))).toEqual([]);
    const found = accessibilityFindings(await PDFDocument.load(built.bytes, { updateMetadata: false }));
    // The PDF/UA identifier is the manifest step's (embedManifest.ts), not the build's.
    expect(found.filter((f) => f.status === 'fail').map((f) => f.check)).toEqual(['pdfua']);
    const items = await markedText(file);
    expect(items.filter((i) => !i.marked)).toEqual([]);
  }, 180_000);
});

describe('every link annotation', () => {
  it.each(['en', 'parallel'] as const)('%s: is an OBJR of exactly one Link element (the checker agrees)', async (edition) => {
    const { elements, objects } = readStructTree(files[edition]!);
    const tagged = elements.filter((e) => e.role === 'Link').flatMap((e) => e.objrs);
    const annotations = Object.entries(objects).filter(([, o]) => o['/Subtype'] === '/Link').map(([ref]) => ref);
    expect(annotations.length).toBeGreaterThan(20);
    expect([...tagged].sort()).toEqual([...annotations].sort());
    const found = accessibilityFindings(await PDFDocument.load(fs.readFileSync(files[edition]!), { updateMetadata: false }));
    expect(found.find((f) => f.check === 'links')).toMatchObject({ status: 'pass', detail: { failing: 0, total: annotations.length } });
  });
});

describe('the side-by-side edition’s languages', () => {
  it('every passage reads in English, French or Spanish, never in the document’s “mul”; each column its own', async () => {
    const { elements } = readStructTree(files.parallel!);
    const passages = elements.filter((e) => e.mcids > 0);
    expect(passages.length).toBeGreaterThan(500);
    expect(passages.filter((p) => !['en-US', 'fr-CA', 'es-419'].includes(languageOf(p) ?? 'mul')).map((p) => p.role)).toEqual([]);
    // Each row of a section's table (not of a table inside a column): its cells in the columns' languages, left to right.
    for (const row of elements.filter((e) => e.role === 'TR' && e.parent!.parent!.role === 'Sect')) {
      expect(row.kids.map((cell) => descendants(cell).filter((e) => e.mcids > 0).map(languageOf)[0] ?? null).filter(Boolean)).toEqual(
        ['en-US', 'fr-CA', 'es-419'].filter((_, c) => descendants(row.kids[c]!).some((e) => e.mcids > 0)),
      );
    }
    const found = accessibilityFindings(await PDFDocument.load(fs.readFileSync(files.parallel!), { updateMetadata: false }));
    expect(found.find((f) => f.check === 'passageLanguage')).toMatchObject({ status: 'pass', detail: { failing: 0 } });
  });

  it('the checker fails a passage left in “mul”, naming its role and page', async () => {
    const pdf = await PDFDocument.load(fs.readFileSync(files.parallel!), { updateMetadata: false });
    // The Spanish column loses its language: its passages fall back to the document's "mul".
    const { PDFName, PDFDict } = await import('pdf-lib');
    let removed = 0;
    for (const [, object] of pdf.context.enumerateIndirectObjects()) {
      if (object instanceof PDFDict && object.get(PDFName.of('Lang')) && object.lookup(PDFName.of('Lang'))!.toString().includes('es-419')) {
        object.delete(PDFName.of('Lang'));
        removed++;
      }
    }
    expect(removed).toBeGreaterThan(10);
    const found = accessibilityFindings(pdf).find((f) => f.check === 'passageLanguage')!;
    expect(found.status).toBe('fail');
    expect(Number(found.detail.failing)).toBeGreaterThan(10);
    expect(String(found.detail.roles)).toContain('P');
  });
});

/** What pdf.js reads on each page: the text of each item, and whether it is inside an Artifact. */
async function markedText(file: string): Promise<{ page: number; text: string; artifact: boolean; marked: boolean }[]> {
  const pdf = await getDocument({ data: new Uint8Array(fs.readFileSync(file)) }).promise;
  const out: { page: number; text: string; artifact: boolean; marked: boolean }[] = [];
  for (let p = 1; p <= pdf.numPages; p++) {
    const open: string[] = [];
    const content = await (await pdf.getPage(p)).getTextContent({ includeMarkedContent: true });
    for (const item of content.items as { type?: string; id?: string; tag?: string; str?: string }[]) {
      if (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent') open.push(item.tag === 'Artifact' ? 'artifact' : (item.id ?? ''));
      else if (item.type === 'endMarkedContent') open.pop();
      else if (typeof item.str === 'string' && item.str.trim()) out.push({ page: p, text: item.str, artifact: open.includes('artifact'), marked: open.some(Boolean) });
    }
  }
  await pdf.destroy();
  return out;
}

describe('a table over several pages, with empty cells', () => {
  const rows = Array.from({ length: 140 }, (_, i) => `| ROW${i + 1} | ${i % 2 ? '' : `MID${i + 1}`} |  |`);
  const body = ['| HEADONE | HEADTWO | HEADTHREE |', '|---|---|---|', ...rows].join('\n');

  it('keeps a TD for every empty cell, and its header cells once: the rows pdfmake repeats are artifacts', async () => {
    const file = await build('long-table', 'en', hostileDocument([note('note-long', 'Long table', body)]), 'hostile');
    expect(qpdfCheck(file)).toBe(0);
    const { elements } = readStructTree(file);
    const table = elements.find((e) => e.role === 'Table')!;
    expect(roles(table.kids)).toEqual(Array(141).fill('TR'));
    expect(table.kids.map((tr) => roles(tr.kids).join(' '))).toEqual(['TH TH TH', ...Array(140).fill('TD TD TD')]);
    // Empty cells are empty TDs, in their column: the middle one every other row, the last always.
    table.kids.slice(1).forEach((tr, i) => {
      expect(tr.kids.map((cell) => cell.kids.length)).toEqual([1, i % 2 ? 0 : 1, 0]);
    });
    // Each header cell holds its own words once, from the first page.
    for (const th of table.kids[0]!.kids) expect(descendants(th).reduce((n, e) => n + e.mcids, 0)).toBe(1);
    const items = await markedText(file);
    const headers = items.filter((i) => i.text.includes('HEADONE'));
    expect(new Set(headers.map((h) => h.page)).size).toBeGreaterThan(2);
    expect(headers.filter((h) => !h.artifact)).toHaveLength(1);
    expect(headers.slice(1).every((h) => h.artifact)).toBe(true);
    expect(items.filter((i) => !i.marked)).toEqual([]);
    const found = accessibilityFindings(await PDFDocument.load(fs.readFileSync(file), { updateMetadata: false }));
    expect(found.filter((f) => f.status === 'fail').map((f) => f.check)).toEqual(['pdfua']);
  }, 120_000);
});

describe('nesting 10,000 deep', () => {
  it('Markdown quotes, lists and emphasis 10,000 deep: a valid tagged PDF, every word tagged', async () => {
    const nested = ['>'.repeat(10_000) + ' deepest quoted words', '- '.repeat(10_000) + 'deepest listed words', '**a '.repeat(10_000) + 'x'].join('\n\n');
    const file = await build('nested', 'en', hostileDocument([note('note-nest', 'Nesting', nested)]), 'hostile');
    expect(qpdfCheck(file)).toBe(0);
    const { elements } = readStructTree(file);
    expect(elements.filter((e) => e.role === 'L').length).toBeGreaterThan(0);
    const items = await markedText(file);
    expect(items.filter((i) => !i.marked)).toEqual([]);
    expect(items.filter((i) => !i.artifact).map((i) => i.text).join(' ')).toContain('deepest listed words');
  }, 120_000);

  it('tagDocument walks a definition nested 10,000 deep (lists, stacks, text arrays) without recursion', () => {
    const depth = 10_000;
    let list: unknown = { text: 'deepest item' };
    for (let i = 0; i < depth; i++) list = { ul: [list] };
    let stack: unknown = { text: 'deepest stacked' };
    for (let i = 0; i < depth; i++) stack = { stack: [stack] };
    let text: unknown = { text: 'deepest run' };
    for (let i = 0; i < depth; i++) text = { text: [text] };
    const definition = { content: [list, stack, text], language: 'en-US' } as unknown as TDocumentDefinitions;
    tagDocument(definition);
    // The innermost leaves, found with a loop.
    const leafOf = (node: unknown, key: 'ul' | 'stack' | 'text') => {
      let n = node as Record<string, unknown>;
      while (Array.isArray(n[key])) n = (n[key] as Record<string, unknown>[])[0]!;
      return key === 'text' ? n : ((n.text as Record<string, unknown>[])[0] ?? n);
    };
    const chain = (tag: Tag) => {
      const out: string[] = [];
      for (let g: Group | undefined = tag.parent; g; g = g.parent) out.push(g.role);
      return out;
    };
    const item = leafOf(list, 'ul')[TAG_KEY] as Tag;
    expect(item.role).toBe('P');
    expect(chain(item)).toHaveLength(3 * depth);
    expect(chain(item).slice(0, 3)).toEqual(['LBody', 'LI', 'L']);
    expect((leafOf(stack, 'stack')[TAG_KEY] as Tag).role).toBe('P');
    expect((leafOf(text, 'text')[TAG_KEY] as Tag).role).toBe('P');
  });

  it('a paragraph 10,000 groups deep renders: the tree is that deep, written without recursion, and valid', async () => {
    const depth = 10_000;
    let parent: Group | undefined;
    for (let i = 0; i < depth; i++) parent = { role: i % 2 ? 'LI' : 'L', ...(parent ? { parent } : {}) } as Group;
    const tag: Tag = { role: 'P', parent: parent! };
    const definition = {
      tagged: true,
      version: '1.7',
      language: 'en-US',
      defaultStyle: { font: FONT_FAMILY },
      content: [{ text: [{ text: 'MARKERDEEP words at the bottom', [TAG_KEY]: tag }] }],
    } as unknown as TDocumentDefinitions;
    const bytes = (await configurePdfmake().createPdf(definition).getBuffer()) as Buffer;
    const file = path.join(dir, 'deep-groups.pdf');
    fs.writeFileSync(file, bytes);
    expect(qpdfCheck(file)).toBe(0);
    const { elements } = readStructTree(file);
    const p = elements.find((e) => e.role === 'P')!;
    expect(p.mcids).toBe(1);
    expect(ancestors(p)).toHaveLength(depth + 2);
    expect(ancestors(p).slice(-2)).toEqual(['Document', 'StructTreeRoot']);
    const found = accessibilityFindings(await PDFDocument.load(bytes, { updateMetadata: false }));
    expect(found.find((f) => f.check === 'tagged')!.status).toBe('pass');
  }, 60_000);
});
