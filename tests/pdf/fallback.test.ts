import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuildReport } from '../../main/pdf/PackBuildService';
import type { LibraryDocument } from '../../shared/schemas/libraryDocument';
import { cli } from '../helpers/cli';
import { readJson, writeJson } from '../helpers/library';
import { filesIn, loadPdf, norm, type LoadedPdf, scratch } from '../helpers/pdf';

const tmp = scratch('briefing-pdf-fallback-');
afterAll(() => tmp.cleanup());

/**
 * A library where one text is missing in one language: the Spanish body of priority 3. The
 * Spanish edition shows the French original, marked "[FR]", and the report lists it as missing;
 * --strict refuses to build.
 */

const dir = tmp.dir('fallback-');
const db = path.join(dir, 'lib.sqlite');
let doc: LibraryDocument;
let report: BuildReport;
let es: LoadedPdf;
let frBody: string;
let esBodyStart: string;

beforeAll(async () => {
  const starter = path.join(dir, 'starter.sqlite');
  expect((await cli(['init', '--db', starter])).code).toBe(0);
  const exported = path.join(dir, 'export.json');
  expect((await cli(['export', '--db', starter, '--out', exported])).code).toBe(0);
  doc = readJson<LibraryDocument>(exported);
  const prio = doc.priorities.find((p) => p.id === 'prio-rps-3')!;
  frBody = prio.body.fr!.text;
  esBodyStart = prio.body.es!.text.slice(0, 30);
  delete prio.body.es;
  // Keep the pack small so the builds are quick: the meeting section and the priorities.
  const pack = doc.packs.find((p) => p.slug === 'panama-2025')!;
  pack.sections = pack.sections.slice(0, 2);
  const modified = writeJson(path.join(dir, 'modified.json'), doc);

  expect((await cli(['init', '--empty', '--db', db])).code).toBe(0);
  const imported = await cli(['import', modified, '--db', db]);
  expect(imported.stderr).toBe('');
  expect(imported.code).toBe(0);

  const out = path.join(dir, 'out-es');
  const built = await cli(['build', '--db', db, '--pack', 'panama-2025', '--lang', 'es', '--out', out, '--json']);
  expect(built.stderr).toBe('');
  expect(built.code).toBe(0);
  report = JSON.parse(built.stdout) as BuildReport;
  es = await loadPdf(path.join(out, 'panama-2025-es.pdf'));
}, 120_000);

describe('a text missing in one language', () => {
  it('is listed under missing in the report, and nothing else is', () => {
    expect(report.editions).toHaveLength(1);
    expect(report.editions[0]!.locale).toBe('es');
    expect(report.editions[0]!.missing).toEqual([{ pieceId: 'prio-rps-3', field: 'body' }]);
    expect(report.editions[0]!.stale).toEqual([]);
    // Its title is still there, as a draft.
    expect(report.editions[0]!.draft).toContainEqual({ pieceId: 'prio-rps-3', field: 'title' });
    expect(report.editions[0]!.draft).not.toContainEqual({ pieceId: 'prio-rps-3', field: 'body' });
  });

  it('is shown from the original language, preceded by "[FR]", under its Spanish heading', () => {
    const text = es.text;
    expect(text).toContain(`[FR] ${norm(frBody).slice(0, 60)}`);
    // Once before the body, once in the legend of the edition's status note, which explains it.
    expect(text.match(/\[(EN|FR|ES)\]/g)).toEqual(['[FR]', '[FR]']);
    expect(text).toContain('[FR]: texto en francés, aún no traducido a este idioma.');
    expect(text).not.toContain(esBodyStart);
    // Headings are listed in the contents first: the body's are the last occurrences.
    const heading = text.lastIndexOf('Prioridad 3 — Delincuencia organizada transnacional');
    const marker = text.lastIndexOf('[FR]');
    const next = text.lastIndexOf('Prioridad 4 — ');
    expect(heading).toBeGreaterThan(0);
    expect(marker).toBeGreaterThan(heading);
    expect(marker).toBeLessThan(next);
    // The rest of the edition is in Spanish.
    expect(text).toContain('Prioridad 2 — ');
    expect(text).toContain('Índice');
  });

  it('is reported by the plain-text build summary', async () => {
    const out = path.join(dir, 'out-text');
    const plain = await cli(['build', '--db', db, '--pack', 'panama-2025', '--lang', 'es', '--out', out]);
    expect(plain.stderr).toBe('');
    expect(plain.code).toBe(0);
    expect(plain.stdout).toMatch(/^es: 1 missing/m);
    const listed = plain.stdout.split('\n').filter((l) => l.includes('prio-rps-3'));
    expect(listed).toHaveLength(1);
    expect(listed[0]).toContain('body');
    expect(filesIn(out)).toEqual(['panama-2025-es.pdf']);
  });

  it('makes --strict fail with exit 1, naming the missing text, and write no file', async () => {
    const out = path.join(dir, 'out-strict');
    const result = await cli(['build', '--db', db, '--pack', 'panama-2025', '--lang', 'es', '--out', out, '--strict']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('--strict');
    expect(result.stderr).toContain('panama-2025');
    expect(result.stderr).toMatch(/es: prio-rps-3 body is missing/);
    expect(filesIn(out)).toEqual([]);
  });

  it('makes --strict --lang all fail too, and write none of the three files', async () => {
    const out = path.join(dir, 'out-strict-all');
    const result = await cli(['build', '--db', db, '--pack', 'panama-2025', '--lang', 'all', '--out', out, '--strict']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/es: prio-rps-3 body is missing/);
    expect(result.stderr).not.toMatch(/\b(en|fr): prio-rps-3/);
    expect(filesIn(out)).toEqual([]);
  });

  it('does not stop --strict for a language where every text exists', async () => {
    const out = path.join(dir, 'out-strict-fr');
    const result = await cli(['build', '--db', db, '--pack', 'panama-2025', '--lang', 'fr', '--out', out, '--strict']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(filesIn(out)).toEqual(['panama-2025-fr.pdf']);
    const fr = await loadPdf(path.join(out, 'panama-2025-fr.pdf'));
    expect(fr.text).not.toMatch(/\[(EN|FR|ES)\]/);
    expect(fr.text).toContain(norm(frBody).slice(0, 60));
  });
});
