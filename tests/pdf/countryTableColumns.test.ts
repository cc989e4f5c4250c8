import { beforeAll, describe, expect, it } from 'vitest';
import { buildEdition } from '../../main/pdf/buildEdition';
import { parseLibraryDocument } from '../../main/services/parseLibraryDocument';
import { readLibraryFile } from '../../main/services/readLibraryFile';
import { STARTER_LIBRARY_PATH } from '../../main/services/loadStarterLibrary';
import { EMPTY_LOOKUP } from '../../shared/schemas/checkLibraryDocument';
import { loadPdf, norm, type LoadedPdf } from '../helpers/pdf';

/**
 * The starter pack's country table in the side-by-side edition, where each language's table has
 * a third of the page: its headings keep their words whole, and a country's row (a name on two
 * lines) never starts on one page and ends on the next. Read back with pdf.js, per column.
 */

const NAMES = {
  en: ['Antigua and Barbuda', 'Dominican Republic', 'Saint Kitts and Nevis'],
  fr: ['Antigua-et-Barbuda', 'République dominicaine', 'Saint-Kitts-et-Nevis'],
  es: ['Antigua y Barbuda', 'República Dominicana', 'Saint Kitts y Nevis'],
} as const;
const HEADERS = { en: ['Country', 'Notes'], fr: ['Pays', 'Notes'], es: ['País', 'Notas'] } as const;
const LANGS = ['en', 'fr', 'es'] as const;

const OPTIONS = { paper: 'letter' as const, watermark: null, builtAt: new Date('2025-11-20T12:00:00Z') };
const starter = () => parseLibraryDocument(readLibraryFile(STARTER_LIBRARY_PATH), STARTER_LIBRARY_PATH, EMPTY_LOOKUP);
/** Notes of one country: its row in the table is taller than a page. */
const TALL_ROW_NOTES = 90;

let pdf: LoadedPdf;
let tallRow: LoadedPdf;

beforeAll(async () => {
  pdf = await loadPdf(new Uint8Array((await buildEdition(starter(), 'panama-2025', 'parallel', OPTIONS)).bytes));
  const doc = starter();
  for (let i = 0; i < TALL_ROW_NOTES; i++) {
    doc.notes.push({
      id: `note-mx-${i}`,
      countryCode: 'MX',
      date: '2025-10-02',
      tags: [],
      title: { fr: { text: `Note TALLROW${i} sur une réforme au Mexique, au titre assez long`, status: 'approved' } },
      body: { fr: { text: `Corps de la note ${i}.`, status: 'approved' } },
      instruments: [],
      priorities: [],
      sources: [],
    });
  }
  tallRow = await loadPdf(new Uint8Array((await buildEdition(doc, 'panama-2025', 'fr', OPTIONS)).bytes));
}, 180_000);

/** Per page of the country table, each language column's 9-point words (the table's size), in reading order. */
function columnWords(): { page: number; words: Record<(typeof LANGS)[number], string[]> }[] {
  const column = (pdf.pages[0]!.width - 80) / 3;
  return pdf.pages
    .filter((p) => LANGS.some((l) => p.text.includes(NAMES[l][0]) || p.text.includes(NAMES[l][2])))
    .map((p) => {
      const words = { en: [] as string[], fr: [] as string[], es: [] as string[] };
      for (const line of p.lines) {
        for (const item of line.items) {
          if (Math.abs(item.size - 9) > 0.1) continue;
          const k = Math.min(2, Math.max(0, Math.floor((item.x - 39) / column)));
          words[LANGS[k]!].push(...norm(item.str).split(' ').filter(Boolean));
        }
      }
      return { page: p.number, words };
    });
}

describe('the side-by-side edition’s country table', () => {
  it('keeps each column heading’s words whole on every page it is on', () => {
    const pages = columnWords();
    expect(pages.length).toBeGreaterThan(0);
    for (const { page, words } of pages) {
      for (const lang of LANGS) {
        for (const header of HEADERS[lang]) expect(words[lang], `${lang}, page ${page}`).toContain(header);
      }
    }
  });

  it('never splits a country’s row across two pages', () => {
    const pages = columnWords();
    const split: string[] = [];
    for (const lang of LANGS) {
      for (const name of NAMES[lang]) {
        // A row split by a page break has its first word on one page and its last on the next.
        const [first, last] = [name.split(' ')[0]!, name.split(' ').at(-1)!];
        const on = (word: string) => pages.filter(({ words }) => words[lang].includes(word)).map((p) => p.page);
        if (on(first).length !== 1 || on(first).join() !== on(last).join()) split.push(`${lang}: ${name} on pages ${[...on(first), ...on(last)].join(', ')}`);
      }
    }
    expect(split).toEqual([]);
  });

  it('keeps a row taller than a page, split across pages rather than lost', () => {
    // The row: the country's name, its role and its first note's title on one line.
    const row = tallRow.pages.flatMap((p) => p.lines).find((l) => /^Mexique Participant Note TALLROW0 /.test(norm(l.text)));
    expect(row).toBeDefined();
    // Every note's title twice: in the row, and as a heading of the country's profile after the table.
    const text = norm(tallRow.text);
    for (let i = 0; i < TALL_ROW_NOTES; i++) expect(text.split(`TALLROW${i} `).length - 1, `note ${i}`).toBe(2);
  });
});
