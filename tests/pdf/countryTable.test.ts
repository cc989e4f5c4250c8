import { beforeAll, describe, expect, it } from 'vitest';
import { buildEdition } from '../../main/pdf/buildEdition';
import { parseLibraryDocument } from '../../main/services/parseLibraryDocument';
import { readLibraryFile } from '../../main/services/readLibraryFile';
import { STARTER_LIBRARY_PATH } from '../../main/services/loadStarterLibrary';
import type { Edition } from '../../shared/api/buildTypes';
import { EMPTY_LOOKUP } from '../../shared/schemas/checkLibraryDocument';
import type { LibraryDocument } from '../../shared/schemas/libraryDocument';
import { loadPdf, norm, type LoadedPdf, type PdfPage } from '../helpers/pdf';

/**
 * Countries without notes: one compact table per edition (name in the edition's language, role at
 * the meeting, linked notes), sorted in the edition's alphabetical order, and no app message.
 * The expected orders are typed here from the languages' rules, not computed by the product.
 */

const BUILT_AT = new Date('2025-11-20T12:00:00Z');
const starter = (): LibraryDocument => parseLibraryDocument(readLibraryFile(STARTER_LIBRARY_PATH), STARTER_LIBRARY_PATH, EMPTY_LOOKUP);

const ORDER = {
  // French: accents do not sort apart (Équateur between El Salvador and Grenade).
  fr: [
    'Antigua-et-Barbuda', 'Argentine', 'Barbade', 'Belize', 'Canada', 'Chili', 'Colombie', 'Costa Rica', 'Cuba', 'Curaçao',
    'El Salvador', 'Équateur', 'Grenade', 'Guatemala', 'Guyana', 'Mexique', 'Panama', 'Paraguay', 'Pérou',
    'République dominicaine', 'Saint-Kitts-et-Nevis',
  ],
  es: [
    'Antigua y Barbuda', 'Argentina', 'Barbados', 'Belice', 'Canadá', 'Chile', 'Colombia', 'Costa Rica', 'Cuba', 'Curazao',
    'Ecuador', 'El Salvador', 'Granada', 'Guatemala', 'Guyana', 'México', 'Panamá', 'Paraguay', 'Perú',
    'República Dominicana', 'Saint Kitts y Nevis',
  ],
  en: [
    'Antigua and Barbuda', 'Argentina', 'Barbados', 'Belize', 'Canada', 'Chile', 'Colombia', 'Costa Rica', 'Cuba', 'Curaçao',
    'Dominican Republic', 'Ecuador', 'El Salvador', 'Grenada', 'Guatemala', 'Guyana', 'Mexico', 'Panama', 'Paraguay', 'Peru',
    'Saint Kitts and Nevis',
  ],
} as const;
const HOST = { en: 'Host country', fr: 'Pays hôte', es: 'País anfitrión' } as const;
const PARTICIPANT = { en: 'Participant', fr: 'Participant', es: 'Participante' } as const;
const HEADER = {
  en: ['Country', 'Role at this meeting', 'Notes'],
  fr: ['Pays', 'Rôle à cette réunion', 'Notes'],
  es: ['País', 'Función en esta reunión', 'Notas'],
} as const;
/** App messages the old profiles printed, in every language: never in a document. */
const APP_MESSAGES = [/No country note/i, /Aucune note sur ce pays/i, /Todavía no hay notas/i, /Not a member of a network/i, /Membre d’aucun/i, /No es miembro/i];

async function build(doc: LibraryDocument, edition: Edition): Promise<LoadedPdf> {
  const built = await buildEdition(doc, 'panama-2025', edition, { paper: 'letter', watermark: null, builtAt: BUILT_AT });
  return loadPdf(new Uint8Array(built.bytes));
}

/** Rows of the country table: lines whose first item is a country name of `names`, in reading order, within an x range. */
function tableRows(pdf: LoadedPdf, names: readonly string[], within: [number, number] = [0, Infinity]): { name: string; line: string; page: number }[] {
  const rows: { name: string; line: string; page: number }[] = [];
  for (const page of pdf.pages) {
    for (const line of page.lines) {
      // The table's text is 9 pt: contents, cover and headings are not.
      const items = line.items.filter((i) => i.x >= within[0] && i.x < within[1] && Math.abs(i.size - TABLE_SIZE) < 0.1);
      const first = items[0] ? norm(items[0].str) : '';
      // A long name may wrap in a narrow column: its first line starts the row.
      const name = names.find((n) => n === first || (first.length >= 5 && n.startsWith(first)));
      // A row has a name and a role; a wrapped line of a long note title has neither.
      if (name && items.length >= 2) rows.push({ name, line: norm(items.map((i) => i.str).join(' ')), page: page.number });
    }
  }
  return rows;
}

const TABLE_SIZE = 9;
const pagesWith = (pdf: LoadedPdf, text: string): PdfPage[] => pdf.pages.filter((p) => p.text.includes(text));

describe('the country table of the starter pack (single editions)', () => {
  const pdfs = {} as Record<'en' | 'fr' | 'es', LoadedPdf>;
  beforeAll(async () => {
    const doc = starter();
    for (const lang of ['en', 'fr', 'es'] as const) pdfs[lang] = await build(doc, lang);
  }, 120_000);

  it.each(['en', 'fr', 'es'] as const)('%s: lists the 21 countries once each, in the edition’s alphabetical order', (lang) => {
    const rows = tableRows(pdfs[lang], ORDER[lang]);
    expect(rows.map((r) => r.name)).toEqual(ORDER[lang]);
  });

  it.each(['en', 'fr', 'es'] as const)('%s: gives each country its role at the meeting (Panama hosts it), and an empty notes cell', (lang) => {
    const rows = tableRows(pdfs[lang], ORDER[lang]);
    const host = ORDER[lang][lang === 'en' ? 17 : 16];
    for (const row of rows) {
      expect(row.line).toBe(`${row.name} ${row.name === host ? HOST[lang] : PARTICIPANT[lang]} –`);
    }
  });

  it.each(['en', 'fr', 'es'] as const)('%s: heads the table in the edition’s language, on one page with the section heading', (lang) => {
    const rows = tableRows(pdfs[lang], ORDER[lang]);
    expect(new Set(rows.map((r) => r.page)).size).toBe(1);
    const page = pdfs[lang].pages[rows[0]!.page - 1]!;
    const header = page.lines.find((l) => l.text.startsWith(HEADER[lang][0]) && l.text.includes(HEADER[lang][2]));
    expect(norm(header!.text).replace(/ \d+$/, '').replace(/(\S)\s*1\s/, '$1 ')).toBe(HEADER[lang].join(' '));
  });

  it.each(['en', 'fr', 'es'] as const)('%s: prints no app message and no “member of the network” claim', (lang) => {
    for (const message of APP_MESSAGES) expect(pdfs[lang].text).not.toMatch(message);
    expect(pdfs[lang].text).not.toMatch(/Member of the|Membre du Réseau|Miembro de la Red/);
  });

  it('adds no bookmark per country without notes', () => {
    const countries = pdfs.fr.outline.find((n) => n.title.startsWith('5.'))!;
    expect(countries.children).toEqual([]);
  });
});

describe('a country with a note, and the side-by-side edition', () => {
  let fr: LoadedPdf;
  let parallel: LoadedPdf;
  const NOTE_FR = 'Réforme du code pénal au Mexique';
  beforeAll(async () => {
    const doc = starter();
    doc.notes.push({
      id: 'note-mx-test',
      countryCode: 'MX',
      date: '2025-10-02',
      tags: [],
      title: { fr: { text: NOTE_FR, status: 'approved' }, en: { text: 'Criminal code reform in Mexico', status: 'draft', from: 'fr' } },
      body: { fr: { text: 'Un paragraphe MARKERMX sur la réforme.', status: 'approved' } },
      instruments: [],
      priorities: [],
      sources: [],
    });
    fr = await build(doc, 'fr');
    parallel = await build(doc, 'parallel');
  }, 120_000);

  it('shows the note’s title in the country’s row, linked to the profile after the table', () => {
    const row = tableRows(fr, ORDER.fr).find((r) => r.name === 'Mexique')!;
    expect(row.line).toBe(`Mexique Participant ${NOTE_FR}`);
    const page = fr.pages[row.page - 1]!;
    expect(page.links.some((l) => l.startsWith('dest:'))).toBe(true);
    // The profile: the country's heading, its role, the note and its body, after the table.
    const profile = pagesWith(fr, 'MARKERMX')[0]!;
    expect(profile.number).toBeGreaterThanOrEqual(row.page);
    const countries = fr.outline.find((n) => n.title.startsWith('5.'))!;
    expect(countries.children.map((c) => c.title)).toEqual(['Mexique']);
  });

  it('sorts each language column of the side-by-side edition in its own language', () => {
    // Three equal columns between the side-by-side edition's 40-point margins.
    const column = (parallel.pages[0]!.width - 80) / 3;
    const thirds: [number, number][] = [0, 1, 2].map((k) => [40 + column * k - 1, 40 + column * (k + 1) - 1]);
    expect(tableRows(parallel, ORDER.en, thirds[0]).map((r) => r.name)).toEqual(ORDER.en);
    expect(tableRows(parallel, ORDER.fr, thirds[1]).map((r) => r.name)).toEqual(ORDER.fr);
    expect(tableRows(parallel, ORDER.es, thirds[2]).map((r) => r.name)).toEqual(ORDER.es);
    for (const message of APP_MESSAGES) expect(parallel.text).not.toMatch(message);
  });
});
