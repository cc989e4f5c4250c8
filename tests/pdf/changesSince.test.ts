import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LibraryDocument } from '../../shared/schemas/libraryDocument';
import { cli } from '../helpers/cli';
import { oneLine, readJson, StarterTemplate, writeJson } from '../helpers/library';
import { loadPdf, norm, scratch, type LoadedPdf } from '../helpers/pdf';
import { encodePng, renderPage } from '../helpers/visual';
import { ARTIFACTS } from '../helpers/browser';

const tmp = scratch('briefing-pdf-changes-');
afterAll(() => tmp.cleanup());
const starter = new StarterTemplate();

const ADDED = 'Les parlements suivront chaque année les progrès de cette priorité.';
/** Typed from the brief: the changes page's title and the edited priority's name in each edition. */
const EXPECTED = {
  en: { title: 'Changes since', piece: 'Violence prevention — changed: text', contents: 'Contents' },
  fr: { title: 'Modifications depuis le', piece: 'Prévention de la violence — modifié : texte', contents: 'Table des matières' },
  es: { title: 'Cambios desde el', piece: 'Prevención de la violencia — modificado: texto', contents: 'Índice' },
} as const;

/** Dark pixels in the left margin strip where change bars go (72 dpi: one pixel a point). */
function barPixels(file: string, page: number): number {
  const image = renderPage(file, page, 72);
  let dark = 0;
  // The body's text starts 56 pt from the left edge; the bar sits 6–7.5 pt before it.
  for (let y = 60; y < image.height - 50; y++) for (let x = 46; x <= 50; x++) if (image.pixels[y * image.width + x]! < 128) dark++;
  return dark;
}

const pageWith = (pdf: LoadedPdf, text: string) => pdf.pages.find((p) => p.text.includes(text))!.number;

describe('"Changes since" the last distributed build: edit a French priority, rebuild the Panama pack', () => {
  let db: string;
  let first: string;
  const out = tmp.dir('out');

  beforeAll(async () => {
    // Screenshots go there whichever test runs first (a fresh clone has no folder yet).
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    db = await starter.copy(tmp.dir('lib'));
    const v1 = await cli(['build', '--db', db, '--pack', 'panama-2025', '--lang', 'fr', '--out', path.join(out, 'v1.pdf')]);
    expect(v1.code, v1.stderr).toBe(0);
    first = (JSON.parse((await cli(['packs', 'builds', 'panama-2025', '--db', db, '--json'])).stdout) as { id: string }[])[0]!.id;
    expect((await cli(['packs', 'distribute', first, '--db', db, '--to', 'Delegation of Panama'])).code).toBe(0);
    // The edit, as a user makes it: the French text (the original) of priority 2 gets a sentence.
    const exported = path.join(tmp.dir('x'), 'e.json');
    await cli(['export', '--db', db, '--out', exported]);
    const doc = readJson<LibraryDocument>(exported);
    const p = doc.priorities.find((x) => x.id === 'prio-rps-2')!;
    p.body.fr!.text = `${p.body.fr!.text}\n\n${ADDED}`;
    const imported = await cli(['import', writeJson(path.join(tmp.dir('x'), 'e2.json'), doc), '--db', db]);
    expect(imported.code, imported.stderr).toBe(0);
    const all = await cli(['build', '--db', db, '--pack', 'panama-2025', '--lang', 'all', '--out', path.join(out, 'all')]);
    expect(all.code, all.stderr).toBe(0);
    const parallel = await cli(['build', '--db', db, '--pack', 'panama-2025', '--lang', 'parallel', '--out', path.join(out, 'parallel')]);
    expect(parallel.code, parallel.stderr).toBe(0);
  }, 240_000);

  it.each(['en', 'fr', 'es'] as const)('the %s edition has a changes page after the contents naming the priority, and a change bar beside it', async (lang) => {
    const file = path.join(out, 'all', `panama-2025-${lang}.pdf`);
    const pdf = await loadPdf(file);
    const changes = pdf.pages.find((p) => p.text.includes(EXPECTED[lang].title))!;
    expect(changes, 'a changes page').toBeDefined();
    const contents = pageWith(pdf, EXPECTED[lang].contents);
    expect(changes.number).toBe(contents + 1);
    expect(norm(changes.text)).toContain(EXPECTED[lang].piece);
    expect(norm(changes.text)).toMatch(/0 \S+ 0 \S+ 1 \S+|0 añadidos, 0 retirados, 1 modificados|0 added, 0 removed, 1 changed/);
    const fs2 = fs.readFileSync(file);
    if (lang === 'fr') {
      // The French text changed: a bar beside it, none on a page that changed nothing.
      const body = pageWith(pdf, ADDED.slice(0, 40));
      expect(barPixels(file, body)).toBeGreaterThan(20);
      expect(barPixels(file, pdf.pageCount)).toBe(0);
      fs.writeFileSync(path.join(ARTIFACTS, 'changes-bar-fr.png'), encodePng(renderPage(fs2, body, 60)));
    } else {
      // The English and Spanish texts are translations that did not change: listed, never barred.
      for (let page = changes.number + 1; page <= pdf.pageCount; page++) expect(barPixels(file, page), `page ${page}`).toBe(0);
    }
    fs.writeFileSync(path.join(ARTIFACTS, `changes-page-${lang}.png`), encodePng(renderPage(fs2, changes.number, 60)));
  });

  it('the side-by-side edition has the changes page in three columns and the bar in the French column', async () => {
    const file = path.join(out, 'parallel', 'panama-2025-parallel.pdf');
    const pdf = await loadPdf(file);
    const changes = pdf.pages.find((p) => p.text.includes('Changes since'))!;
    for (const lang of ['en', 'fr', 'es'] as const) expect(norm(changes.text)).toContain(EXPECTED[lang].title);
    const body = pageWith(pdf, ADDED.slice(0, 30));
    const image = renderPage(file, body, 72);
    // The French column starts a third of the way across: its bar stands just left of it.
    let dark = 0;
    const left = Math.round(40 + (image.width - 80) / 3);
    for (let y = 60; y < image.height - 50; y++) for (let x = left - 2; x <= left + 8; x++) if (image.pixels[y * image.width + x]! < 128) dark++;
    expect(dark).toBeGreaterThan(20);
    fs.writeFileSync(path.join(ARTIFACTS, 'changes-parallel.png'), encodePng(renderPage(file, body, 50)));
  });

  it('rebuilds an edition with a changes page byte for byte: the comparison is recorded with the build', async () => {
    const file = path.join(out, 'all', 'panama-2025-fr.pdf');
    const again = path.join(tmp.dir('again'), 'fr.pdf');
    const result = await cli(['rebuild', file, '--out', again, '--db', db, '--json']);
    expect(result.code, result.stderr).toBe(0);
    expect((JSON.parse(result.stdout) as { same: boolean }).same).toBe(true);
    expect(fs.readFileSync(again).equals(fs.readFileSync(file))).toBe(true);
  }, 120_000);

  it('--changes-since none leaves the page out; an unknown build is refused by name and writes nothing', async () => {
    const none = await cli(['build', '--db', db, '--pack', 'panama-2025', '--lang', 'en', '--changes-since', 'none', '--out', path.join(out, 'none.pdf')]);
    expect(none.code, none.stderr).toBe(0);
    expect((await loadPdf(path.join(out, 'none.pdf'))).text).not.toContain('Changes since');
    const explicit = await cli(['build', '--db', db, '--pack', 'panama-2025', '--lang', 'en', '--changes-since', first, '--out', path.join(out, 'explicit.pdf')]);
    expect(explicit.code, explicit.stderr).toBe(0);
    expect((await loadPdf(path.join(out, 'explicit.pdf'))).text).toContain('Violence prevention');
    const bad = await cli(
      ['build', '--db', db, '--pack', 'panama-2025', '--lang', 'en', '--changes-since', '00000000-0000-4000-8000-000000000000', '--out', path.join(out, 'bad.pdf')],
      { BRIEFING_LOCALE: 'es' },
    );
    expect(bad.code).not.toBe(0);
    expect(oneLine(bad.stderr)).toContain('No hay ninguna generación 00000000-0000-4000-8000-000000000000 con la que comparar');
    expect(fs.existsSync(path.join(out, 'bad.pdf'))).toBe(false);
  });
});
