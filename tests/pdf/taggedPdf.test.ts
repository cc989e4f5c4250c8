import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { buildEdition, editionPlan, type Edition } from '../../main/pdf/buildEdition';
import { WRAPPED_METHODS } from '../../main/pdf/tagging/installTagging';
import { parseLibraryDocument } from '../../main/services/parseLibraryDocument';
import { readLibraryFile } from '../../main/services/readLibraryFile';
import { STARTER_LIBRARY_PATH } from '../../main/services/loadStarterLibrary';
import { EMPTY_LOOKUP } from '../../shared/schemas/checkLibraryDocument';
import { CONTACT_TABLE, hostileDocument, note } from '../helpers/hostileDocument';
import { pngBytes } from '../helpers/images';
import { norm } from '../helpers/pdf';
import { readStructTree } from '../helpers/structTree';

/*
 * Tagged PDFs (main/pdf/tagging): the structure tree read back with pdf.js, the files checked
 * with qpdf and pdfinfo. Editions built in parts are tagged too: their parts' trees merged into one.
 */

const OPTIONS = { paper: 'a4' as const, watermark: 'DRAFT', builtAt: new Date('2025-11-20T12:00:00Z') };
const STARTER = parseLibraryDocument(readLibraryFile(STARTER_LIBRARY_PATH), STARTER_LIBRARY_PATH, EMPTY_LOOKUP);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tagged-'));
const files: Partial<Record<string, string>> = {};

interface StructNode {
  role?: string;
  lang?: string;
  alt?: string;
  type?: string;
  id?: string;
  children?: StructNode[];
}
/** One structure element in reading order, with the text of its own marked content. */
interface Element {
  role: string;
  lang?: string;
  alt?: string;
  /** The role of the element it sits in (none for Document). */
  parent?: string;
  text: string;
  page: number;
}
interface Tree {
  elements: Element[];
  /** Text drawn outside any marked content: must be none. */
  unmarked: string[];
  catalogLang: string | null;
  marked: boolean;
  outline: string[];
}

async function readTree(file: string): Promise<Tree> {
  const pdf = await getDocument({ data: new Uint8Array(fs.readFileSync(file)) }).promise;
  const elements: Element[] = [];
  const unmarked: string[] = [];
  for (let p = 1; p <= pdf.numPages; p++) {
    const page = await pdf.getPage(p);
    // Text of each marked-content id on the page; a text item outside any marking is noted.
    const byId = new Map<string, string>();
    const open: (string | null)[] = [];
    const content = await page.getTextContent({ includeMarkedContent: true });
    for (const item of content.items as { type?: string; id?: string; tag?: string; str?: string }[]) {
      if (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent') open.push(item.id ?? (item.tag === 'Artifact' ? 'artifact' : null));
      else if (item.type === 'endMarkedContent') open.pop();
      else if (typeof item.str === 'string' && item.str.trim()) {
        const id = open.findLast((x) => x !== null);
        if (!id) unmarked.push(item.str);
        else if (id !== 'artifact') byId.set(id, (byId.get(id) ?? '') + item.str);
      }
    }
    const walk = (node: StructNode) => {
      for (const child of node.children ?? []) {
        if (!child.role) continue;
        const text = (child.children ?? []).filter((c) => c.type === 'content').map((c) => byId.get(c.id!) ?? '').join(' ');
        elements.push({ role: child.role, ...(child.lang ? { lang: child.lang } : {}), ...(child.alt ? { alt: child.alt } : {}), ...(node.role ? { parent: node.role } : {}), text, page: p });
        walk(child);
      }
    };
    const tree = (await page.getStructTree()) as StructNode | null;
    if (tree) walk(tree);
  }
  const catalogLang = ((await pdf.getMetadata()).info as { Language?: string }).Language ?? null;
  const marked = Boolean(((await pdf.getMarkInfo()) as { Marked?: boolean } | null)?.Marked);
  const outline = ((await pdf.getOutline()) ?? []).map((o) => o.title);
  await pdf.destroy();
  return { elements, unmarked, catalogLang, marked, outline };
}

const pdfinfo = (file: string) => execFileSync('pdfinfo', [file], { encoding: 'utf8' });
function qpdfCheck(file: string): { status: number | null; output: string } {
  const run = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
  return { status: run.status, output: run.stdout + run.stderr };
}

async function build(name: string, edition: Edition, doc = STARTER, pack = 'panama-2025', limits?: { singlePassMax: number; partMax: number }) {
  const built = await buildEdition(doc, pack, edition, OPTIONS, limits);
  const file = path.join(dir, `${name}.pdf`);
  fs.writeFileSync(file, built.bytes);
  files[name] = file;
  return file;
}

beforeAll(async () => {
  for (const edition of ['en', 'fr', 'es', 'parallel'] as const) await build(edition, edition);
}, 180_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('each single edition of the Panama pack is a tagged PDF', () => {
  it.each([
    ['en', 'en-US'],
    ['fr', 'fr-CA'],
    ['es', 'es-419'],
  ])('%s: Document › headings and paragraphs in order, language %s, header and footer as artifacts', async (edition, lang) => {
    const file = files[edition]!;
    expect(pdfinfo(file)).toMatch(/^Tagged:\s+yes$/m);
    expect(qpdfCheck(file)).toMatchObject({ status: 0 });
    expect(execFileSync('qpdf', ['--show-object=trailer', '--filtered-stream-data', file], { encoding: 'utf8' })).toContain('/Root');
    const tree = await readTree(file);
    expect(tree.catalogLang).toBe(lang);
    expect(tree.marked).toBe(true);
    // Every character drawn is structure content or an artifact.
    expect(tree.unmarked).toEqual([]);
    const roles = new Set(tree.elements.map((e) => e.role));
    expect([...roles].filter((r) => !['Document', 'Sect', 'TOC', 'TOCI', 'Reference', 'Link', 'Note', 'H1', 'H2', 'H3', 'P', 'L', 'LI', 'Lbl', 'LBody', 'Table', 'TR', 'TH', 'TD'].includes(r))).toEqual([]);
    for (const role of ['Document', 'H1', 'H2', 'P']) expect(roles.has(role), role).toBe(true);
    expect(tree.elements[0]!.role).toBe('Document');
    // The section headings, in reading order, are the top-level bookmarks.
    const h1 = tree.elements.filter((e) => e.role === 'H1').map((e) => norm(e.text));
    expect(h1.length).toBeGreaterThan(1);
    expect(h1).toEqual(tree.outline.map(norm));
    // No heading skips a level: an H2 comes after an H1.
    const levels = tree.elements.filter((e) => /^H[1-3]$/.test(e.role)).map((e) => Number(e.role[1]));
    levels.forEach((level, i) => expect(level - (i === 0 ? 0 : levels[i - 1]!)).toBeLessThanOrEqual(1));
    // The running header (the pack's title) and footer (page numbers) are not in the tree.
    const texts = tree.elements.map((e) => e.text);
    expect(texts.some((t) => /\b\d+\s*\/\s*\d+\b|Page \d+ of \d+|Página \d+ de \d+|Page \d+ sur \d+/.test(t))).toBe(false);
    // A passage in the edition's language carries none of its own.
    expect(tree.elements.filter((e) => e.lang && e.lang !== lang).every((e) => ['en-US', 'fr-CA', 'es-419'].includes(e.lang!))).toBe(true);
  }, 60_000);

  it('shows its title in the window title (DisplayDocTitle) and is PDF 1.7', () => {
    const catalog = execFileSync('qpdf', ['--qdf', '--object-streams=disable', files.en!, '-'], { maxBuffer: 64 * 1024 * 1024 }).toString('latin1');
    expect(catalog).toMatch(/\/DisplayDocTitle true/);
    expect(pdfinfo(files.en!)).toMatch(/^PDF version:\s+1\.7$/m);
  });
});

describe('a passage shown in another language than the edition’s', () => {
  it('carries its own /Lang: the French original in the Spanish edition', async () => {
    const doc = structuredClone(STARTER);
    const priority = doc.priorities.find((p) => p.id === 'prio-rps-3')!;
    const french = priority.body.fr!.text;
    delete priority.body.es;
    const tree = await readTree(await build('fallback-es', 'es', doc));
    expect(tree.catalogLang).toBe('es-419');
    const foreign = tree.elements.filter((e) => e.lang === 'fr-CA');
    expect(foreign.length).toBeGreaterThan(0);
    // The French body's first words are in a French passage, and in no other.
    const opening = norm(french).split(' ').slice(0, 4).join(' ');
    expect(foreign.some((e) => norm(e.text).includes(opening))).toBe(true);
    expect(tree.elements.filter((e) => e.lang !== 'fr-CA' && norm(e.text).includes(opening))).toEqual([]);
    expect(tree.elements.filter((e) => e.lang && e.lang !== 'fr-CA')).toEqual([]);
  }, 60_000);
});

describe('the side-by-side edition', () => {
  it('gives each column’s passages their own language, in the order en, fr, es', async () => {
    const file = files.parallel!;
    expect(pdfinfo(file)).toMatch(/^Tagged:\s+yes$/m);
    expect(qpdfCheck(file)).toMatchObject({ status: 0 });
    const tree = await readTree(file);
    expect(tree.catalogLang).toBe('mul');
    expect(tree.unmarked).toEqual([]);
    const headings = tree.elements.filter((e) => e.role === 'H1' || e.role === 'H2');
    expect(headings.length).toBeGreaterThan(6);
    // Each heading row: the three languages, left to right.
    for (let i = 0; i + 2 < headings.length; i += 3) {
      expect(headings.slice(i, i + 3).map((h) => h.lang)).toEqual(['en-US', 'fr-CA', 'es-419']);
    }
    const paragraphs = tree.elements.filter((e) => e.role === 'P' && e.lang);
    for (const lang of ['en-US', 'fr-CA', 'es-419']) expect(paragraphs.filter((p) => p.lang === lang).length).toBeGreaterThan(10);
    // The body's paragraphs (after the contents) all have a language.
    const firstH1 = tree.elements.findIndex((e) => e.role === 'H1');
    const body = tree.elements.slice(firstH1).filter((e) => e.role === 'P' && e.text.trim());
    expect(body.filter((p) => !p.lang).map((p) => p.text)).toEqual([]);
  }, 60_000);
});

describe('hostile content still builds a valid tagged PDF', () => {
  const word = 'MARKERWORD' + 'a'.repeat(100_000);
  // Side by side, three copies of the word make an edition built in parts: the table alone there.
  it.each([
    ['en', [note('note-table', 'Contacts', CONTACT_TABLE), note('note-word', 'Long word', `Before ${word} after.`)]],
    ['parallel', [note('note-table', 'Contacts', CONTACT_TABLE)]],
  ] as const)('%s: a four-column table (and a 100,000-letter word)', async (edition, notes) => {
    const doc = hostileDocument([...notes]);
    expect(editionPlan(doc, 'hostile', edition).kind).toBe('single');
    const file = await build(`hostile-${edition}`, edition, doc, 'hostile');
    expect(pdfinfo(file)).toMatch(/^Tagged:\s+yes$/m);
    expect(qpdfCheck(file)).toMatchObject({ status: 0 });
    const tree = await readTree(file);
    expect(tree.unmarked).toEqual([]);
    // Words broken across lines come back in pieces: compared without spaces.
    const text = tree.elements.map((e) => e.text).join('').replace(/\s+/g, '');
    expect(text.includes('secretaria.tecnica.seguridad@asamblea.gob.pa'), 'the table’s e-mail address').toBe(true);
    if (edition === 'en') expect(text.includes(`Before${word}after.`), 'the long word, whole and in order').toBe(true);
  }, 180_000);
});

describe('the pack’s logo', () => {
  const withLogo = () => {
    const doc = structuredClone(STARTER);
    const pack = doc.packs.find((p) => p.slug === 'panama-2025')!;
    pack.logo = { type: 'image/png', data: pngBytes(120, 40).toString('base64') };
    pack.options.cover = true;
    return doc;
  };

  it('is a Figure with alternate text in the edition’s language, on the cover before the title', async () => {
    const tree = await readTree(await build('logo-fr', 'fr', withLogo()));
    const figures = tree.elements.filter((e) => e.role === 'Figure');
    expect(figures).toHaveLength(1);
    expect(figures[0]!.alt).toMatch(/^Logo du réseau \S/);
    expect(figures[0]!.lang).toBeUndefined();
    expect(figures[0]!.page).toBe(1);
    expect(tree.elements.indexOf(figures[0]!)).toBeLessThan(tree.elements.findIndex((e) => e.role === 'H1'));
    expect(tree.unmarked).toEqual([]);
  }, 60_000);

  it('side by side: one Figure per column, each with its column’s language and alternate text', async () => {
    const file = await build('logo-parallel', 'parallel', withLogo());
    expect(qpdfCheck(file)).toMatchObject({ status: 0 });
    const tree = await readTree(file);
    const figures = tree.elements.filter((e) => e.role === 'Figure');
    expect(figures.map((f) => f.lang ?? tree.catalogLang)).toEqual(['en-US', 'fr-CA', 'es-419']);
    expect(figures[0]!.alt).toMatch(/^Logo of \S/);
    expect(figures[1]!.alt).toMatch(/^Logo du réseau \S/);
    expect(figures[2]!.alt).toMatch(/^Logotipo de \S/);
  }, 90_000);
});

/** The structure elements of a role, as qpdf reads them: their attributes (/A) too. */
function structObjects(file: string, role: string): Record<string, unknown>[] {
  const json = JSON.parse(execFileSync('qpdf', ['--json', '--json-key=qpdf', file], { encoding: 'utf8', maxBuffer: 1 << 28 })) as { qpdf: [unknown, Record<string, { value?: Record<string, unknown> }>] };
  return Object.values(json.qpdf[1]).map((o) => o.value ?? {}).filter((v) => v['/S'] === `/${role}`);
}

describe('a table', () => {
  it('is Table › TR › TH (scoped to its column) | TD › P, one row per row of the Markdown', async () => {
    const file = await build('table-en', 'en', hostileDocument([note('note-table', 'Contacts', CONTACT_TABLE)]), 'hostile');
    expect(qpdfCheck(file)).toMatchObject({ status: 0 });
    const tree = await readTree(file);
    const roles = tree.elements.map((e) => e.role);
    expect(roles.filter((r) => r === 'Table')).toHaveLength(1);
    expect(roles.filter((r) => r === 'TR')).toHaveLength(4);
    expect(tree.elements.filter((e) => e.role === 'TR').every((e) => e.parent === 'Table')).toBe(true);
    expect(tree.elements.filter((e) => e.role === 'TH' || e.role === 'TD').every((e) => e.parent === 'TR')).toBe(true);
    // A cell's text is a P in it: the header cells' in the order of the columns.
    const inCells = (role: string) => tree.elements.filter((e, i) => e.role === 'P' && e.parent === role && tree.elements[i - 1]!.role === role).map((e) => norm(e.text));
    expect(inCells('TH')).toEqual(['Country', 'Contact', 'E-mail', 'Document']);
    // An address in a cell is a link: a Link in the cell's P.
    expect(inCells('TD').join(' ')).toContain('Secretaría técnica');
    const linked = tree.elements.filter((e) => e.role === 'Link').map((e) => e.text.replace(/\s+/g, ''));
    expect(linked).toContain('secretaria.tecnica.seguridad@asamblea.gob.pa');
    expect(roles.filter((r) => r === 'TD')).toHaveLength(12);
    const headers = structObjects(file, 'TH');
    expect(headers).toHaveLength(4);
    for (const th of headers) expect(th['/A']).toMatchObject({ '/O': '/Table', '/Scope': '/Column' });
    expect(tree.unmarked).toEqual([]);
  }, 60_000);
});

describe('a link', () => {
  const url = 'https://www.asamblea.gob.pa/comisiones/seguridad-ciudadana/informes/2025/informe-final-de-la-comision';
  it('is a Link in its paragraph: its text, its annotation (OBJR) and the address as the annotation’s /Contents', async () => {
    const body = `Before the link [MARKERLINK read the final report of the commission on citizen security](${url}) and after it.`;
    const file = await build('link-en', 'en', hostileDocument([note('note-link', 'Link', body)]), 'hostile');
    expect(qpdfCheck(file)).toMatchObject({ status: 0 });
    const tree = await readTree(file);
    // The contents' entries are links too: the one in the body is the one with its words.
    const links = tree.elements.filter((e) => e.role === 'Link' && e.text.includes('MARKERLINK'));
    expect(links).toHaveLength(1);
    expect(links[0]!.parent).toBe('P');
    expect(norm(links[0]!.text)).toBe('MARKERLINK read the final report of the commission on citizen security');
    const paragraph = tree.elements[tree.elements.indexOf(links[0]!) - 1]!;
    expect(norm(paragraph.text)).toMatch(/^Before the link .*and after it\.$/);
    expect(tree.unmarked).toEqual([]);
    // Each annotation of the link (one per line it spans) is in the Link, and says where it goes.
    const json = JSON.parse(execFileSync('qpdf', ['--json', '--json-key=qpdf', file], { encoding: 'utf8', maxBuffer: 1 << 28 })) as { qpdf: [unknown, Record<string, { value?: Record<string, unknown> }>] };
    const annotated = Object.entries(json.qpdf[1]).filter(([, o]) => o.value?.['/Subtype'] === '/Link' && JSON.stringify(o.value).includes('asamblea'));
    const annotations = annotated.map(([, o]) => o.value!);
    expect(annotations.length).toBeGreaterThan(0);
    for (const a of annotations) {
      expect(a['/Contents']).toBe(`u:${url}`);
      expect(typeof a['/StructParent']).toBe('number');
    }
    // The body's Link (the contents' entries have Links too): the one its annotations name.
    const refs = annotated.map(([key]) => key.replace(/^obj:/, ''));
    const [link] = structObjects(file, 'Link').filter((l) => refs.some((ref) => JSON.stringify(l['/K']).includes(`"${ref}"`)));
    expect(JSON.stringify(link!['/K']).match(/\/OBJR/g)).toHaveLength(annotations.length);
  }, 60_000);
});

describe('lists', () => {
  it('are L › LI › LBody › P, a numbered item’s counter its Lbl before its body', async () => {
    const doc = hostileDocument([note('note-list', 'Steps', '1. MARKERONE opens\n2. MARKERTWO follows\n\n- MARKERBULLET item')]);
    const file = await build('list-en', 'en', doc, 'hostile');
    expect(qpdfCheck(file)).toMatchObject({ status: 0 });
    const tree = await readTree(file);
    const at = (text: string) => tree.elements.findIndex((e) => norm(e.text) === text);
    for (const text of ['MARKERONE opens', 'MARKERTWO follows', 'MARKERBULLET item']) {
      expect(tree.elements[at(text)], text).toMatchObject({ role: 'P', parent: 'LBody' });
    }
    // Each counter: a Lbl in the item, just before the item's body.
    for (const [counter, body] of [['1.', 'MARKERONE opens'], ['2.', 'MARKERTWO follows']] as const) {
      const label = at(counter);
      expect(tree.elements[label], counter).toMatchObject({ role: 'Lbl', parent: 'LI' });
      expect(tree.elements.slice(label + 1, at(body)).map((e) => e.role)).toEqual(['LBody']);
    }
    // Two lists (the numbered one, then the bulleted one), three items; a bullet is drawn, an artifact: no Lbl.
    const roles = tree.elements.map((e) => e.role);
    expect(roles.filter((r) => r === 'L')).toHaveLength(2);
    expect(roles.filter((r) => r === 'LI')).toHaveLength(3);
    expect(roles.filter((r) => r === 'Lbl')).toHaveLength(2);
    expect(tree.elements.filter((e) => e.role === 'LI').every((e) => e.parent === 'L')).toBe(true);
    expect(tree.unmarked).toEqual([]);
  }, 60_000);
});

describe('an edition built in parts', () => {
  it('is tagged too: one structure tree, merged from its parts, the same as one pass gives', async () => {
    const file = await build('parts-fr', 'fr', STARTER, 'panama-2025', { singlePassMax: 0, partMax: 12_000 });
    expect(editionPlan(STARTER, 'panama-2025', 'fr', { singlePassMax: 0, partMax: 12_000 }).kind).toBe('parts');
    expect(pdfinfo(file)).toMatch(/^Tagged:\s+yes$/m);
    expect(qpdfCheck(file)).toMatchObject({ status: 0 });
    const tree = await readTree(file);
    expect(tree.marked).toBe(true);
    expect(tree.catalogLang).toBe('fr-CA');
    // Every character: structure content or an artifact (the stamped footers too).
    expect(tree.unmarked).toEqual([]);
    expect(tree.elements.filter((e) => e.role === 'H1').map((e) => norm(e.text))).toEqual(tree.outline.map(norm));
    // The same elements (read from the file's whole tree, not page by page), in the same order, as
    // one pass gives; the same words in them, in order (parts start pages elsewhere: compared joined).
    const shape = (f: string) => readStructTree(f).elements.map((e) => `${e.role}${e.lang ? ` ${e.lang}` : ''} < ${e.parent!.role}`);
    expect(shape(file)).toEqual(shape(files.fr!));
    // From the first section on: the contents' page numbers differ, since each part starts a page.
    const words = (t: Tree) => t.elements.slice(t.elements.findIndex((e) => e.role === 'H1')).map((e) => e.text).join('').replace(/\s+/g, '');
    expect(words(tree)).toEqual(words(await readTree(files.fr!)));
    // One Document; Note IDs still unique after the merge.
    const notes = structObjects(file, 'Note').map((n) => n['/ID']);
    expect(notes.length).toBeGreaterThan(3);
    expect(new Set(notes).size).toBe(notes.length);
    expect(structObjects(file, 'Document')).toHaveLength(1);
  }, 120_000);
});

describe('the pdfmake internals the tagging relies on', () => {
  it('are all there', async () => {
    const { createRequire } = await import('node:module');
    const renderer = (createRequire(import.meta.url)('pdfmake/js/Renderer') as { default: { prototype: Record<string, unknown> } }).default.prototype;
    for (const name of WRAPPED_METHODS) expect(typeof renderer[name], name).toBe('function');
  });

  it('run on the pdfkit the project pins, with the structure methods the layer calls', async () => {
    const { createRequire } = await import('node:module');
    const load = createRequire(import.meta.url);
    const pinned = (JSON.parse(fs.readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> }).dependencies.pdfkit;
    expect((load('pdfkit/package.json') as { version: string }).version).toBe(pinned);
    const proto = (load('pdfkit') as { prototype: Record<string, unknown> }).prototype;
    for (const name of ['struct', 'addStructure', 'markStructureContent', 'markContent', 'endMarkedContent', 'text', 'link']) expect(typeof proto[name], name).toBe('function');
  });
});
