import fs from 'node:fs';
import path from 'node:path';
import { PDFDict, PDFDocument, PDFName, StandardFonts } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityFindings, ACCESSIBILITY_CHECKS } from '../../main/pdf/accessibilityFindings';
import { buildEdition } from '../../main/pdf/buildEdition';
import { embedManifest } from '../../main/pdf/embedManifest';
import { PackBuildService } from '../../main/pdf/PackBuildService';
import { readManifest } from '../../main/pdf/readManifest';
import type { ManifestSeed } from '../../main/pdf/buildManifest';
import { cli, tempDir } from '../helpers/cli';
import type { LibraryDocument } from '../../shared/schemas/libraryDocument';
import { useStarterStores } from '../helpers/starterStores';

/*
 * `briefing check-pdf` (main/cli/commands/checkPdfCommand.ts, main/pdf/accessibilityFindings.ts):
 * every edition of the Panama pack passes, its structure tree read by pdf.js says what its pages
 * say in the same order, each column of the side-by-side edition has its language; PDFs made with
 * pdf-lib that break one rule each fail that check, named in en/fr/es.
 */
const openStarter = useStarterStores('check-pdf-');
const BUILT_AT = '2025-11-20T12:00:00.000Z';
const SEED: ManifestSeed = { id: '0c7e8f9a-1b2c-4d3e-8f4a-5b6c7d8e9f01', builtAt: BUILT_AT, appVersion: '0.1.0', fontsHash: 'f'.repeat(64), pieces: [] };
const service = new PackBuildService(2);
const files: Partial<Record<string, string>> = {};
let doc: LibraryDocument;

beforeAll(async () => {
  doc = (await openStarter('lib')).readDocument();
  const out = tempDir();
  for (const mode of ['all', 'parallel'] as const) {
    const report = await service.build(doc, { pack: 'panama-2025', mode, out, builtAt: new Date(BUILT_AT), manifest: SEED });
    for (const f of report.files) files[f.edition] = f.file;
  }
}, 240_000);
afterAll(() => service.close());

interface Node {
  role?: string;
  lang?: string;
  type?: string;
  id?: string;
  children?: Node[];
}
type Item = { str?: string; type?: string; id?: string | null; tag?: string };

/**
 * Per page: the text pdf.js reads from the page (artifacts left out), and the text read by
 * walking the page's structure tree in order, each marked-content id replaced by its text; plus
 * the languages of the side-by-side table's cells.
 */
async function readBack(file: string): Promise<{ pages: { page: string; tree: string; outside: number }[]; cellLangs: Set<string>[] }> {
  const pdf = await getDocument({ data: new Uint8Array(fs.readFileSync(file)), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: { page: string; tree: string; outside: number }[] = [];
  const cellLangs: Set<string>[] = [];
  const squash = (s: string) => s.replace(/\s+/g, '');
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const content = await page.getTextContent({ includeMarkedContent: true });
    const byId = new Map<string, string>();
    const stack: { id: string | null; artifact: boolean }[] = [];
    let pageText = '';
    let outside = 0;
    for (const item of content.items as Item[]) {
      if (item.type === 'beginMarkedContent' || item.type === 'beginMarkedContentProps') {
        stack.push({ id: item.id ?? null, artifact: item.tag === 'Artifact' || stack.some((s) => s.artifact) });
      } else if (item.type === 'endMarkedContent') {
        stack.pop();
      } else if (typeof item.str === 'string') {
        if (stack.length === 0 && item.str.trim()) outside++;
        if (stack.some((s) => s.artifact)) continue;
        pageText += item.str;
        const id = [...stack].reverse().find((s) => s.id)?.id;
        if (id) byId.set(id, (byId.get(id) ?? '') + item.str);
      }
    }
    const tree = (await page.getStructTree()) as Node | null;
    let treeText = '';
    // The language each piece of a cell's text is read in: its nearest element's /Lang (the cell's or inside it).
    const langsOf = (node: Node, inherited: string, out: Set<string>) => {
      const lang = node.lang ?? inherited;
      if (node.type === 'content') out.add(lang);
      for (const child of node.children ?? []) langsOf(child, lang, out);
      return out;
    };
    const walk = (node: Node, inTable: boolean) => {
      if (node.type === 'content' && node.id) treeText += byId.get(node.id) ?? '';
      // Rows of the outermost table only: a table nested in a column belongs to that column.
      if (node.role === 'TR' && !inTable) {
        const cells = (node.children ?? []).filter((c) => c.role === 'TD' || c.role === 'TH');
        cells.forEach((c, i) => langsOf(c, '', (cellLangs[i] ??= new Set())));
      }
      for (const child of node.children ?? []) walk(child, inTable || node.role === 'TR');
    };
    if (tree) walk(tree, false);
    pages.push({ page: squash(pageText), tree: squash(treeText), outside });
  }
  await pdf.destroy();
  return { pages, cellLangs };
}

describe('briefing check-pdf on the Panama pack', () => {
  it.each(['en', 'fr', 'es', 'parallel'])('%s: every check passes, exit code 0; the structure tree reads as the pages do', async (edition) => {
    const file = files[edition]!;
    const r = await cli(['check-pdf', file]);
    expect(r.stderr).toBe('');
    expect(r.stdout).not.toContain('[FAILED]');
    for (const name of ['Tagged content', 'Structure roles', 'Heading levels', 'Fonts']) expect(r.stdout).toMatch(new RegExp(`\\[ok\\] ${name}: `));
    expect(r.stdout).toContain(`All ${ACCESSIBILITY_CHECKS.length} checks pass.`);
    expect(r.code).toBe(0);
    const { pages } = await readBack(file);
    expect(pages.length).toBeGreaterThan(3);
    for (const [i, p] of pages.entries()) {
      expect(p.page.length, `page ${i + 1}`).toBeGreaterThan(0);
      expect(p.tree, `page ${i + 1}`).toBe(p.page);
      // pdf.js agrees with the checker: no text outside marked content.
      expect(p.outside, `page ${i + 1}`).toBe(0);
    }
  }, 120_000);

  it('side by side: each column of the table reports its own language', async () => {
    const { cellLangs } = await readBack(files.parallel!);
    const columns = cellLangs.map((s) => [...s]);
    expect(columns.length).toBeGreaterThanOrEqual(3);
    // Every passage of a column in that column's language, none without one.
    expect(columns).toEqual([['en-US'], ['fr-CA'], ['es-419']]);
  }, 120_000);

  it('--json: the findings, the new checks among them', async () => {
    const r = await cli(['check-pdf', files.fr!, '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { passed: boolean; findings: { check: string; status: string }[] };
    expect(report.passed).toBe(true);
    expect(report.findings.map((f) => f.check)).toEqual([...ACCESSIBILITY_CHECKS]);
    expect(report.findings.filter((f) => ['content', 'roles', 'headings', 'fonts'].includes(f.check)).map((f) => f.status)).toEqual(['pass', 'pass', 'pass', 'pass']);
  });
});

/** A tagged one-page PDF made with pdf-lib: Document › given elements, Helvetica text inside MCID 0 (or not). */
async function fixture(options: { roles?: string[]; unmarked?: boolean; orphan?: boolean; roleMap?: Record<string, string> }): Promise<{ pdf: PDFDocument; file: string }> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  const page = pdf.addPage([300, 300]);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const c = pdf.context;
  const f = page.node.newFontDictionary(font.name, font.ref).asString();
  const text = options.unmarked ? `BT ${f} 12 Tf 20 200 Td (loose) Tj ET` : `/P <</MCID 0>> BDC BT ${f} 12 Tf 20 200 Td (tagged) Tj ET EMC`;
  const orphan = options.orphan ? ' /P <</MCID 7>> BDC BT (unclaimed) Tj ET EMC' : '';
  // A running header as an artifact: never counted as untagged.
  page.node.set(PDFName.of('Contents'), c.register(c.flateStream(`/Artifact BMC BT ${f} 10 Tf 20 280 Td (header) Tj ET EMC ${text}${orphan}`)));
  const roles = options.roles ?? ['P'];
  const elements = roles.map((role, i) => c.register(c.obj({ Type: 'StructElem', S: role, Pg: page.ref, K: i === 0 ? 0 : [] } as never)));
  const root = c.register(c.obj({ Type: 'StructTreeRoot', K: [c.register(c.obj({ Type: 'StructElem', S: 'Document', K: elements } as never))], ...(options.roleMap ? { RoleMap: options.roleMap } : {}) } as never));
  pdf.catalog.set(PDFName.of('StructTreeRoot'), root);
  pdf.catalog.set(PDFName.of('MarkInfo'), c.obj({ Marked: true }));
  const file = path.join(tempDir(), 'fixture.pdf');
  fs.writeFileSync(file, await pdf.save());
  return { pdf, file };
}

const finding = (pdf: PDFDocument, check: string) => accessibilityFindings(pdf).find((f) => f.check === check)!;

describe('PDFs that break one of the new rules (made with pdf-lib)', () => {
  it('text outside marked content, and a marked sequence no element claims: tagged content fails, naming both', async () => {
    expect(finding((await fixture({})).pdf, 'content').status).toBe('pass');
    expect(finding((await fixture({ unmarked: true })).pdf, 'content')).toMatchObject({ status: 'fail', detail: { unmarked: 1, orphans: 0, pages: '1' } });
    const { file } = await fixture({ orphan: true });
    const r = await cli(['check-pdf', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('[FAILED] Tagged content: content outside the structure: 0 shown outside marked content, 1 marked sequences no structure element claims (pages 1)');
  });

  it('a role neither standard nor mapped fails; the same role mapped passes', async () => {
    expect(finding((await fixture({ roles: ['P', 'Sidebar'], roleMap: { Sidebar: 'Div' } })).pdf, 'roles').status).toBe('pass');
    const { file } = await fixture({ roles: ['P', 'Sidebar'] });
    const r = await cli(['check-pdf', file], { BRIEFING_LOCALE: 'fr' });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('[ÉCHEC] Rôles de structure : rôles ni standard ni dans la table des rôles : Sidebar (1)');
  });

  it('a skipped heading level fails, named in Spanish; H1 H2 H3 H2 passes', async () => {
    expect(finding((await fixture({ roles: ['H1', 'H2', 'H3', 'H2'] })).pdf, 'headings').status).toBe('pass');
    expect(finding((await fixture({ roles: ['H2'] })).pdf, 'headings')).toMatchObject({ status: 'fail', detail: { skips: 'H– → H2' } });
    const { file } = await fixture({ roles: ['H1', 'H3'] });
    const r = await cli(['check-pdf', file], { BRIEFING_LOCALE: 'es' });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('[FALLA] Niveles de encabezado: encabezados que saltan un nivel: H1 → H3 (1 de 2)');
  });

  it('a standard font, not embedded and with no /ToUnicode, fails the font check', async () => {
    const { file } = await fixture({});
    const r = await cli(['check-pdf', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('[FAILED] Fonts: fonts not embedded: Helvetica; without a Unicode map (/ToUnicode): Helvetica (1 of 1)');
  });

  it('a font embedded but without /ToUnicode fails; with it, passes', async () => {
    const { pdf } = await fixture({});
    expect(finding(pdf, 'fonts').status).toBe('fail');
    const bytes = fs.readFileSync(files.en!);
    const built = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(finding(built, 'fonts').status).toBe('pass');
    const font = [...built.context.enumerateIndirectObjects()].map(([, o]) => o).find((o) => o instanceof PDFDict && o.get(PDFName.of('Type')) === PDFName.of('Font') && o.has(PDFName.of('ToUnicode'))) as PDFDict;
    font.delete(PDFName.of('ToUnicode'));
    expect(finding(built, 'fonts')).toMatchObject({ status: 'fail', detail: { notEmbedded: '–', failing: 1 } });
  });
});

describe('a built edition that lost part of its structure', () => {
  it('a paragraph element emptied: its marked content is claimed by nothing, tagged content fails on its page', async () => {
    const pdf = await PDFDocument.load(fs.readFileSync(files.es!), { updateMetadata: false });
    const paragraph = [...pdf.context.enumerateIndirectObjects()]
      .map(([, o]) => o)
      .find((o): o is PDFDict => o instanceof PDFDict && o.get(PDFName.of('S')) === PDFName.of('P') && o.get(PDFName.of('K')) !== undefined && o.has(PDFName.of('Pg')));
    expect(paragraph).toBeDefined();
    const page = pdf.getPages().findIndex((p) => p.ref === paragraph!.get(PDFName.of('Pg'))) + 1;
    paragraph!.set(PDFName.of('K'), pdf.context.obj([]));
    const file = path.join(tempDir(), 'emptied.pdf');
    fs.writeFileSync(file, await pdf.save());
    const r = await cli(['check-pdf', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(new RegExp(`\\[FAILED\\] Tagged content: content outside the structure: 0 shown outside marked content, [1-9]\\d* marked sequences no structure element claims \\(pages ${page}\\)`));
    expect(r.stdout).toMatch(/Checks that fail: 1 of \d+ \(Tagged content\)\./);
  });
});

describe('briefing check-pdf, its help and bad input', () => {
  it.each([
    ['en', 'the PDF to check'],
    ['fr', 'le PDF à vérifier'],
    ['es', 'el PDF que se verifica'],
  ])('%s: its help names the file argument; listed in the top help', async (locale, argument) => {
    const help = await cli(['check-pdf', '--help'], { BRIEFING_LOCALE: locale });
    expect(help.stdout).toContain(argument);
    expect(help.stdout).toContain('--json');
    expect((await cli(['--help'], { BRIEFING_LOCALE: locale })).stdout).toContain('check-pdf');
  });

  it('a file that is not a PDF, or missing: named, exit 1, no findings', async () => {
    const file = path.join(tempDir(), 'notes.pdf');
    fs.writeFileSync(file, 'plain text');
    const r = await cli(['check-pdf', file], { BRIEFING_LOCALE: 'fr' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('n’est pas un fichier PDF');
    expect(r.stdout).toBe('');
    const missing = await cli(['check-pdf', path.join(tempDir(), 'absent.pdf')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('absent.pdf');
    expect(missing.stdout).toBe('');
  });
});

describe('no PDF/UA claim when one of the new checks fails', () => {
  it('an edition whose font lost its /ToUnicode map gets no pdfuaid when its manifest is embedded', async () => {
    const manifest = await readManifest(files.en!);
    const built = await buildEdition(doc, 'panama-2025', 'en', { paper: 'a4', builtAt: new Date(BUILT_AT) });
    const claimed = await embedManifest(built.bytes, manifest, [{ locale: 'en', title: 'Panama 2025' }]);
    expect(Buffer.from(claimed).toString('latin1')).toContain('pdfuaid');
    const pdf = await PDFDocument.load(built.bytes, { updateMetadata: false });
    for (const [, o] of pdf.context.enumerateIndirectObjects()) if (o instanceof PDFDict && o.get(PDFName.of('Type')) === PDFName.of('Font')) o.delete(PDFName.of('ToUnicode'));
    const bytes = await embedManifest(await pdf.save(), manifest, [{ locale: 'en', title: 'Panama 2025' }]);
    expect(Buffer.from(bytes).toString('latin1')).not.toContain('pdfuaid');
    const file = path.join(tempDir(), 'no-unicode.pdf');
    fs.writeFileSync(file, bytes);
    const r = await cli(['check-pdf', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/Checks that fail: 2 of \d+ \(PDF\/UA identifier, Fonts\)\./);
  }, 120_000);
});
