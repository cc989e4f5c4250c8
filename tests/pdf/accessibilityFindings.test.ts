import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PDFDict, PDFDocument, PDFName, PDFRawStream, PDFString, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityFindings, claimsPdfUa } from '../../main/pdf/accessibilityFindings';
import { buildEdition } from '../../main/pdf/buildEdition';
import { embedManifest } from '../../main/pdf/embedManifest';
import { PackBuildService } from '../../main/pdf/PackBuildService';
import type { ManifestSeed } from '../../main/pdf/buildManifest';
import { readManifest } from '../../main/pdf/readManifest';
import type { LibraryDocument } from '../../shared/schemas/libraryDocument';
import { cli, tempDir } from '../helpers/cli';
import { useStarterStores } from '../helpers/starterStores';

/*
 * PDF/UA identification (main/pdf/embedManifest.ts) and `briefing inspect --accessibility`
 * (main/pdf/accessibilityFindings.ts): real editions of the Panama pack claim PDF/UA-1 and pass,
 * built in one pass or in parts; a PDF made without tags fails, each missing point named.
 */
const openStarter = useStarterStores('accessibility-');
const BUILT_AT = '2025-11-20T12:00:00.000Z';
const SEED: ManifestSeed = { id: '0c7e8f9a-1b2c-4d3e-8f4a-5b6c7d8e9f00', builtAt: BUILT_AT, appVersion: '0.1.0', fontsHash: 'f'.repeat(64), pieces: [] };
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

const load = async (file: string) => PDFDocument.load(fs.readFileSync(file), { updateMetadata: false });
/** The catalog's /Metadata stream (written uncompressed), and every XMP packet in the file. */
async function xmp(file: string): Promise<{ catalog: string; packets: number }> {
  const pdf = await load(file);
  const stream = pdf.catalog.lookup(PDFName.of('Metadata'));
  if (!(stream instanceof PDFRawStream)) throw new Error('no /Metadata stream');
  return { catalog: new TextDecoder().decode(stream.getContents()), packets: fs.readFileSync(file).toString('latin1').split('<x:xmpmeta').length - 1 };
}

describe('PDF/UA identification of a tagged edition', () => {
  it.each(['en', 'fr', 'es', 'parallel'])('%s: pdfuaid:part 1 in the XMP, /MarkInfo /Marked true, /Tabs /S on every page', async (edition) => {
    const file = files[edition]!;
    expect(spawnSync('qpdf', ['--check', file]).status).toBe(0);
    const { catalog: packet, packets } = await xmp(file);
    // One packet: pdfkit's own is not left behind for a reader to find first.
    expect(packets).toBe(1);
    expect(packet).toContain('xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"');
    expect(packet).toContain('<pdfuaid:part>1</pdfuaid:part>');
    expect(claimsPdfUa(packet)).toBe(true);
    // Read back independently of pdf-lib: qpdf's JSON of the catalog and each page.
    const json = JSON.parse(spawnSync('qpdf', ['--json', '--json-key=pages', '--json-key=qpdf', file], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }).stdout) as {
      pages: { object: string }[];
      qpdf: [unknown, Record<string, { value?: Record<string, unknown> }>];
    };
    const objects = json.qpdf[1];
    const trailer = objects.trailer!.value as { '/Root': string };
    const root = objects[`obj:${trailer['/Root']}`]!.value as Record<string, unknown>;
    const markInfo = typeof root['/MarkInfo'] === 'string' ? objects[`obj:${root['/MarkInfo'] as string}`]!.value : root['/MarkInfo'];
    expect(markInfo).toMatchObject({ '/Marked': true });
    expect(root['/StructTreeRoot']).toBeTruthy();
    expect(json.pages.length).toBeGreaterThan(3);
    for (const page of json.pages) expect(objects[`obj:${page.object}`]!.value!['/Tabs'], page.object).toBe('/S');
  });
});

describe('an edition built in parts', () => {
  it('is tagged (its parts’ trees merged), passes every check and claims PDF/UA', async () => {
    const manifest = await readManifest(files.fr!);
    const parts = await buildEdition(doc, 'panama-2025', 'fr', { paper: 'a4', builtAt: new Date(BUILT_AT) }, { singlePassMax: 0, partMax: 12_000 });
    const bytes = await embedManifest(parts.bytes, manifest, [{ locale: 'fr', title: 'Panamá 2025' }]);
    expect(Buffer.from(bytes).toString('utf8')).toContain('<pdfuaid:part>1</pdfuaid:part>');
    const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(pdf.getPages().every((p) => p.node.get(PDFName.of('Tabs')) === PDFName.of('S'))).toBe(true);
    const findings = accessibilityFindings(pdf);
    expect(findings.filter((f) => f.status === 'fail')).toEqual([]);
    expect(findings.find((f) => f.check === 'links')).toMatchObject({ status: 'pass' });
    const file = path.join(tempDir(), 'parts.pdf');
    fs.writeFileSync(file, bytes);
    expect(spawnSync('qpdf', ['--check', file]).status).toBe(0);
    const r = await cli(['inspect', file, '--accessibility']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('All 13 checks pass.');
  }, 120_000);
});

describe('a tagged edition that fails another check', () => {
  it('makes no PDF/UA claim: a title removed before the manifest is embedded', async () => {
    const manifest = await readManifest(files.en!);
    const built = await buildEdition(doc, 'panama-2025', 'en', { paper: 'a4', builtAt: new Date(BUILT_AT) });
    const untitled = await PDFDocument.load(built.bytes, { updateMetadata: false });
    untitled.setTitle('');
    const bytes = await embedManifest(await untitled.save(), manifest, [{ locale: 'en', title: 'Panama 2025' }]);
    expect(Buffer.from(bytes).toString('latin1')).not.toContain('pdfuaid');
    const file = path.join(tempDir(), 'untitled.pdf');
    fs.writeFileSync(file, bytes);
    const r = await cli(['inspect', file, '--accessibility']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('[ok] Tags: ');
    expect(r.stdout).toContain('[FAILED] Title: /Title missing');
    expect(r.stdout).toContain('Checks that fail: 2 of 13 (Title, PDF/UA identifier).');
  }, 120_000);
});

describe('briefing inspect --accessibility on a built edition', () => {
  it.each(['en', 'parallel'])('%s: every check passes, exit code 0', async (edition) => {
    const r = await cli(['inspect', files[edition]!, '--accessibility']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    // Tables too: the country table's header row is TH, and the status note's box is no Table.
    for (const name of ['Tags', 'Document language', 'Title', 'PDF/UA identifier', 'Tab order', 'Tables', 'Passage languages', 'Links']) expect(r.stdout).toMatch(new RegExp(`\\[ok\\] ${name}: `));
    expect(r.stdout).toContain(edition === 'en' ? '/Lang en-US' : '/Lang mul');
    expect(r.stdout).not.toContain('[FAILED]');
    expect(r.stdout).toContain('All 13 checks pass.');
  });

  it('--json: the findings, each with its status', async () => {
    const r = await cli(['inspect', files.es!, '--accessibility', '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { passed: boolean; findings: { check: string; status: string }[] };
    expect(report.passed).toBe(true);
    expect(report.findings.map((f) => f.check)).toEqual(['tagged', 'language', 'title', 'pdfua', 'tabOrder', 'figures', 'tables', 'passageLanguage', 'links', 'content', 'roles', 'headings', 'fonts']);
    expect(report.findings.filter((f) => f.status === 'fail')).toEqual([]);
  });
});

describe('briefing inspect --accessibility on a side-by-side edition whose Spanish column lost its language', () => {
  it('names the passages with no voice (role and pages), in Spanish, and the untagged link', async () => {
    const pdf = await load(files.parallel!);
    for (const [, object] of pdf.context.enumerateIndirectObjects()) {
      if (object instanceof PDFDict && String(object.lookup(PDFName.of('Lang')) ?? '').includes('es-419')) object.delete(PDFName.of('Lang'));
    }
    // One link annotation taken out of its Link element: the checker finds it.
    const page = pdf.getPages().find((p) => p.node.Annots()?.size())!;
    const annotation = page.node.Annots()!.lookup(0, PDFDict);
    annotation.delete(PDFName.of('Contents'));
    const file = path.join(tempDir(), 'voiceless.pdf');
    fs.writeFileSync(file, await pdf.save());
    const r = await cli(['inspect', file, '--accessibility'], { BRIEFING_LOCALE: 'es' });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/\[FALLA\] Idioma de los pasajes: pasajes sin un idioma que un lector de pantalla pueda leer .*: \d+ de \d+ \([^)]*P[^)]*; páginas \d/);
    expect(r.stdout).toMatch(/\[FALLA\] Enlaces: anotaciones de enlace fuera de todo elemento Link o sin \/Contents: 1 de \d+ \(páginas \d+\)/);
  });
});

/** A PDF made with pdf-lib: text on two pages, no tags, no language, no title, no XMP. */
async function untaggedPdf(): Promise<string> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (const line of ['First page', 'Second page']) pdf.addPage([300, 300]).drawText(line, { x: 20, y: 200, font, size: 14 });
  const file = path.join(tempDir(), 'untagged.pdf');
  fs.writeFileSync(file, await pdf.save());
  return file;
}

describe('briefing inspect --accessibility on a PDF that is not accessible', () => {
  it('English: each failing point named, exit code 1', async () => {
    const r = await cli(['inspect', await untaggedPdf(), '--accessibility']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('[FAILED] Tags: not tagged (/StructTreeRoot, /MarkInfo << /Marked true >> missing)');
    expect(r.stdout).toContain('[FAILED] Document language: no /Lang in the catalog');
    expect(r.stdout).toContain('[FAILED] Title: /Title, /DisplayDocTitle true missing');
    expect(r.stdout).toContain('[FAILED] PDF/UA identifier: ');
    expect(r.stdout).toContain('[FAILED] Tab order: pages without /Tabs /S: 1, 2 (2 of 2)');
    expect(r.stdout).toContain('[n/a] Figures: none in the structure tree');
    expect(r.stdout).toContain('[n/a] Passage languages: no passage in the structure tree');
    expect(r.stdout).toContain('[n/a] Links: no link annotations');
    expect(r.stdout).toContain('Checks that fail: 7 of 13 (Tags, Document language, Title, PDF/UA identifier, Tab order, Tagged content, Fonts).');
  });

  it('French: the same points, in French', async () => {
    const r = await cli(['inspect', await untaggedPdf(), '--accessibility'], { BRIEFING_LOCALE: 'fr' });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('[ÉCHEC] Balisage : non balisé');
    expect(r.stdout).toContain('[ÉCHEC] Langue du document : pas de /Lang dans le catalogue');
    expect(r.stdout).toContain('[ÉCHEC] Titre : /Title, /DisplayDocTitle true absent');
    expect(r.stdout).toContain('[ÉCHEC] Identifiant PDF/UA : ');
    expect(r.stdout).toContain('[ÉCHEC] Ordre de tabulation : pages sans /Tabs /S : 1, 2 (2 sur 2)');
    expect(r.stdout).toContain('Vérifications en échec : 7 sur 13 (Balisage, Langue du document, Titre, Identifiant PDF/UA, Ordre de tabulation, Contenu balisé, Polices).');
  });

  it('a figure without alternate text and a table without header cells (one through the role map)', async () => {
    const pdf = await PDFDocument.create({ updateMetadata: false });
    pdf.addPage([300, 300]);
    const c = pdf.context;
    const el = (s: string, kids: unknown[] = [], extra: Record<string, unknown> = {}) => c.register(c.obj({ Type: 'StructElem', S: s, K: kids, ...extra } as never));
    const table = el('Table', [el('TR', [el('TD'), el('TD')])]);
    const headed = el('Table', [el('TR', [el('TH'), el('TD')])]);
    const document = el('Document', [el('Logo'), el('Figure', [], { Alt: PDFString.of('The network’s logo') }), table, headed]);
    pdf.catalog.set(PDFName.of('StructTreeRoot'), c.register(c.obj({ Type: 'StructTreeRoot', K: [document], RoleMap: { Logo: 'Figure' } } as never)));
    const found = Object.fromEntries(accessibilityFindings(pdf).map((f) => [f.check, f]));
    expect(found.figures).toMatchObject({ status: 'fail', detail: { failing: 1, total: 2 } });
    expect(found.tables).toMatchObject({ status: 'fail', detail: { failing: 1, total: 2 } });
    // A structure tree without /MarkInfo is not tagged.
    expect(found.tagged).toMatchObject({ status: 'fail', detail: { missing: '/MarkInfo << /Marked true >>' } });
  });

  it('a structure tree nested 100,000 deep, with a loop back to its root: checked, not a crash', async () => {
    const pdf = await PDFDocument.create({ updateMetadata: false });
    pdf.addPage([300, 300]);
    const c = pdf.context;
    const root = PDFDict.withContext(c);
    root.set(PDFName.of('Type'), PDFName.of('StructTreeRoot'));
    let inner = c.register(c.obj({ S: 'Figure', K: [c.register(root)] } as never));
    for (let i = 0; i < 100_000; i++) inner = c.register(c.obj({ S: 'Div', K: [inner] } as never));
    root.set(PDFName.of('K'), inner);
    pdf.catalog.set(PDFName.of('StructTreeRoot'), c.getObjectRef(root)!);
    const found = Object.fromEntries(accessibilityFindings(pdf).map((f) => [f.check, f]));
    expect(found.figures).toMatchObject({ status: 'fail', detail: { failing: 1, total: 1 } });
  });

  it('an encrypted PDF: named as encrypted, in French, not as "not a PDF"', async () => {
    const plain = await untaggedPdf();
    const file = plain.replace(/\.pdf$/, '-locked.pdf');
    // Encrypted object streams (pdf-lib cannot parse them), and a plain encrypted file it loads.
    expect(spawnSync('qpdf', ['--encrypt', 'user', 'owner', '256', '--', plain, file]).status).toBe(0);
    const empty = plain.replace(/\.pdf$/, '-empty-locked.pdf');
    expect(spawnSync('qpdf', ['--empty', '--encrypt', 'user', 'owner', '256', '--', empty]).status).toBe(0);
    for (const locked of [file, empty]) {
      const r = await cli(['inspect', locked, '--accessibility'], { BRIEFING_LOCALE: 'fr' });
      expect(r.code, locked).toBe(1);
      expect(r.stderr).toContain(`${locked} est chiffré`);
      expect(r.stdout).toBe('');
    }
  });

  it('plain briefing inspect names an encrypted PDF as encrypted too (its manifest cannot be read), in each language', async () => {
    const plain = await untaggedPdf();
    const file = plain.replace(/\.pdf$/, '-locked.pdf');
    expect(spawnSync('qpdf', ['--encrypt', 'user', 'owner', '256', '--', plain, file]).status).toBe(0);
    const empty = plain.replace(/\.pdf$/, '-empty-locked.pdf');
    expect(spawnSync('qpdf', ['--empty', '--encrypt', 'user', 'owner', '256', '--', empty]).status).toBe(0);
    // A built edition, encrypted: the manifest is there, but its stream cannot be read.
    const built = files.en!.replace(/\.pdf$/, '-locked.pdf');
    expect(spawnSync('qpdf', ['--encrypt', 'user', 'owner', '256', '--', files.en!, built]).status).toBe(0);
    const messages = { en: 'is encrypted: the build manifest', fr: 'est chiffré : le manifeste', es: 'está cifrado: el manifiesto' };
    for (const locked of [file, empty, built]) {
      for (const [locale, message] of Object.entries(messages)) {
        const r = await cli(['inspect', locked], { BRIEFING_LOCALE: locale });
        expect(r.code, locked).toBe(1);
        expect(r.stderr).toContain(`${locked} ${message}`);
        expect(r.stderr).not.toMatch(/not a PDF|n’est pas un fichier PDF|no es un archivo PDF/);
        expect(r.stdout).toBe('');
      }
    }
  });

  it('a file that is not a PDF: the translated message, not a list of findings', async () => {
    const file = path.join(tempDir(), 'notes.pdf');
    fs.writeFileSync(file, 'plain text');
    const r = await cli(['inspect', file, '--accessibility'], { BRIEFING_LOCALE: 'es' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no es un archivo PDF');
    expect(r.stdout).toBe('');
  });
});
