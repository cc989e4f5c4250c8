import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEdition } from '../../main/pdf/buildEdition';
import { parseLibraryDocument } from '../../main/services/parseLibraryDocument';
import { readLibraryFile } from '../../main/services/readLibraryFile';
import { hashSourceText } from '../../main/db/textHash';
import { STARTER_LIBRARY_PATH } from '../../main/services/loadStarterLibrary';
import { API_INPUTS } from '../../shared/api/apiContract';
import type { Edition } from '../../shared/api/buildTypes';
import { EMPTY_LOOKUP } from '../../shared/schemas/checkLibraryDocument';
import type { LibraryDocument } from '../../shared/schemas/libraryDocument';
import { cli } from '../helpers/cli';
import { filesIn, loadPdf, norm, scratch, type LoadedPdf, type PdfOutlineNode } from '../helpers/pdf';

/**
 * Each edition states its original language; one with drafts, out-of-date translations or texts
 * shown in another language says so on its cover and in a short note with a legend for the marks
 * it carries, and carries those marks in its contents, bookmarks, running header and title too.
 * The expected sentences are typed here from the brief.
 */

const tmp = scratch('briefing-pdf-status-');
afterAll(() => tmp.cleanup());
const BUILT_AT = new Date('2025-11-20T12:00:00Z');
const starter = (): LibraryDocument => parseLibraryDocument(readLibraryFile(STARTER_LIBRARY_PATH), STARTER_LIBRARY_PATH, EMPTY_LOOKUP);

async function build(doc: LibraryDocument, edition: Edition): Promise<LoadedPdf> {
  const built = await buildEdition(doc, 'panama-2025', edition, { paper: 'letter', watermark: null, builtAt: BUILT_AT });
  return loadPdf(new Uint8Array(built.bytes));
}

const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;
const titles = (outline: PdfOutlineNode[]): string[] => outline.flatMap((n) => [n.title, ...titles(n.children)]);

const EN_DRAFT = 'Unedited draft translation; original: French.';
const ES_DRAFT = 'Traducción provisional sin revisar; original: francés.';
const FR_DRAFT = 'Traduction provisoire non révisée';

describe('the starter pack: French original, English and Spanish drafts', () => {
  let en: LoadedPdf;
  let fr: LoadedPdf;
  let parallel: LoadedPdf;
  beforeAll(async () => {
    const doc = starter();
    [en, fr, parallel] = [await build(doc, 'en'), await build(doc, 'fr'), await build(doc, 'parallel')];
  }, 180_000);

  it('states the original language on the cover of every edition', () => {
    expect(en.pages[0]!.text).toContain('Original language: French');
    expect(fr.pages[0]!.text).toContain('Langue originale : français');
  });

  it('says on the English cover and in a note on the first page of the body that it is a draft translation of the French', () => {
    expect(en.pages[0]!.text).toContain(EN_DRAFT);
    // Cover, then the note above the first section's heading: twice in all.
    expect(count(en.text, EN_DRAFT)).toBe(2);
    const body = en.pages.find((p) => p.text.includes('1. The meeting') && !p.text.includes('Contents'))!;
    const lines = body.lines.map((l) => norm(l.text));
    expect(lines.indexOf(EN_DRAFT)).toBeGreaterThanOrEqual(0);
    expect(lines.indexOf(EN_DRAFT)).toBeLessThan(lines.indexOf('1. The meeting'));
  });

  it('has no legend when no text carries a mark', () => {
    expect(en.text).not.toMatch(/\[FR\]|not yet translated|out of date/);
  });

  it('says nothing of the kind in the French original, whose texts are all approved', () => {
    expect(fr.text).not.toContain(FR_DRAFT);
    expect(fr.text).not.toMatch(/Traduction incomplète|Version provisoire|pas encore traduit|à mettre à jour\]/);
  });

  it('puts each language’s status in its own column of the side-by-side edition', () => {
    expect(count(parallel.text, EN_DRAFT)).toBe(2);
    expect(count(parallel.text, ES_DRAFT)).toBe(2);
    expect(parallel.text).not.toContain(FR_DRAFT);
    expect(parallel.pages[0]!.text).toContain('Langue originale : français');
  });
});

describe('texts shown in French and out-of-date translations, in the Spanish edition', () => {
  let es: LoadedPdf;
  let fr: LoadedPdf;
  beforeAll(async () => {
    const doc = starter();
    const pack = doc.packs.find((p) => p.slug === 'panama-2025')!;
    delete pack.title.es; // the title falls back to French: header, document title
    const prio = (n: number) => doc.priorities.find((p) => p.number === n)!;
    delete prio(5).title.es; // a heading in French: contents, bookmarks
    // Translated from an earlier French title: out of date.
    prio(4).title.es = { ...prio(4).title.es!, sourceHash: hashSourceText('Un titre plus ancien') };
    [es, fr] = [await build(doc, 'es'), await build(doc, 'fr')];
  }, 180_000);

  it('explains both marks in its note, with the original language', () => {
    expect(es.text).toContain(ES_DRAFT);
    expect(es.text).toContain('[FR]: texto en francés, aún no traducido a este idioma.');
    expect(es.text).toContain('[desactualizado]: traducido de una versión anterior del original, que ha cambiado desde entonces.');
  });

  it('marks the fallback and the out-of-date text in the contents and the bookmarks', () => {
    const contents = es.pages.find((p) => p.text.includes('Índice'))!.text;
    expect(contents).toContain('[FR] Prioridad 5 — Protection des défenseurs et des journalistes');
    expect(contents).toContain('[desactualizado] Prioridad 4 — Problema mundial de las drogas');
    expect(titles(es.outline)).toEqual(
      expect.arrayContaining(['[FR] Prioridad 5 — Protection des défenseurs et des journalistes', '[desactualizado] Prioridad 4 — Problema mundial de las drogas']),
    );
  });

  it('marks the French title in the running header and the document title', () => {
    const frTitle = 'Dossier d’information — Première réunion du Réseau parlementaire sur la sécurité';
    expect(es.info.Title).toBe(`[FR] ${frTitle}`);
    expect(es.pages[2]!.lines[0]!.text).toContain(`[FR] ${frTitle}`);
  });

  it('leaves the French edition without marks or note', () => {
    expect(fr.text).not.toMatch(/\[(FR|EN|ES)\]|\[à mettre à jour\]|Traduction (provisoire|incomplète)/);
  });
});

describe('an edition without a cover', () => {
  let fr: LoadedPdf;
  let en: LoadedPdf;
  beforeAll(async () => {
    const doc = starter();
    const pack = doc.packs.find((p) => p.slug === 'panama-2025')!;
    pack.options = { ...pack.options, cover: false, toc: false };
    pack.sections = pack.sections.slice(0, 1);
    [fr, en] = [await build(doc, 'fr'), await build(doc, 'en')];
  }, 120_000);

  it('states its original language above the first section, with the note only when there are drafts', () => {
    const first = (pdf: LoadedPdf) => pdf.pages[0]!.lines.slice(1).map((l) => norm(l.text));
    expect(first(fr).slice(0, 2)).toEqual(['Langue originale : français', '1. La réunion']);
    expect(first(en).slice(0, 3)).toEqual(['Original language: French', EN_DRAFT, '1. The meeting']);
  });
});

describe('--strict and --require-approved', () => {
  let db: string;
  beforeAll(async () => {
    db = path.join(tmp.dir('db-'), 'lib.sqlite');
    expect((await cli(['init', '--db', db])).code).toBe(0);
  });

  it('--strict builds the drafts of the English edition (nothing is missing or out of date)', async () => {
    const out = path.join(tmp.dir('strict-'), 'en.pdf');
    const built = await cli(['build', '--db', db, '--pack', 'panama-2025', '--lang', 'en', '--out', out, '--strict']);
    expect(built.stderr).toBe('');
    expect(built.code).toBe(0);
  }, 120_000);

  it('--require-approved refuses the drafts with a translated message naming what blocks, and writes nothing', async () => {
    const dir = tmp.dir('approved-');
    const built = await cli(['build', '--db', db, '--pack', 'panama-2025', '--lang', 'es', '--out', dir, '--require-approved'], {
      BRIEFING_LOCALE: 'es',
    });
    expect(built.code).not.toBe(0);
    expect(built.stderr).toMatch(/La carpeta panama-2025 no se puede generar con --require-approved: 76 textos son provisionales/);
    expect(built.stderr).toContain('es: net-rps name es provisional (aún no aprobado)');
    expect(filesIn(dir)).toEqual([]);
  }, 120_000);

  it('--require-approved builds the French original, all approved', async () => {
    const out = path.join(tmp.dir('approved-fr-'), 'fr.pdf');
    const built = await cli(['build', '--db', db, '--pack', 'panama-2025', '--lang', 'fr', '--out', out, '--require-approved']);
    expect(built.stderr).toBe('');
    expect(built.code).toBe(0);
  }, 120_000);

  it('is part of the API’s packs.build input, validated like every input', () => {
    expect(API_INPUTS['packs.build'].parse({ id: 'panama-2025', mode: 'fr', requireApproved: true })).toMatchObject({ requireApproved: true });
    expect(() => API_INPUTS['packs.build'].parse({ id: 'panama-2025', mode: 'fr', requireApproved: 'yes' })).toThrow();
  });
});
