import { beforeAll, describe, expect, it } from 'vitest';
import { buildEdition } from '../../main/pdf/buildEdition';
import { countParagraphs } from '../../main/pdf/paragraphNumbers';
import type { Edition } from '../../shared/api/buildTypes';
import type { LibraryDocument } from '../../shared/schemas/libraryDocument';
import { smallDocument } from '../helpers/documents';
import { loadPdf, type LoadedPdf } from '../helpers/pdf';

/**
 * Numbered paragraphs: "paragraph 12" is the same paragraph in the English, French and Spanish
 * editions and side by side, even where a translation has split a paragraph in two.
 */

const BUILT_AT = new Date('2025-11-20T12:00:00Z');
const WORDS = { en: 'the network agreed on this point', fr: 'le réseau s’est accordé sur ce point', es: 'la red acordó este punto' };

/** A body of `n` paragraphs, each opening with its marker (`Q3B`), then a heading and a list. */
function body(marker: string, n: number, lang: keyof typeof WORDS): string {
  const paragraphs = Array.from({ length: n }, (_, j) => `${marker}${String.fromCharCode(65 + j)} ${WORDS[lang]}. `.repeat(4));
  return [...paragraphs, `## ${marker} heading`, `- ${marker}L item one\n- item two`].join('\n\n');
}

function numberedDocument(): LibraryDocument {
  const doc = structuredClone(smallDocument());
  doc.packs[0]!.options.numberedParagraphs = true;
  const set = (value: { [k: string]: unknown }, marker: string, counts: [number, number, number]) => {
    (['en', 'fr', 'es'] as const).forEach((l, i) => (value[l] = { text: body(marker, counts[i]!, l), status: 'approved' }));
  };
  set(doc.priorities[0]!.body, 'Q1', [2, 2, 2]);
  // The Spanish translator split the second paragraph in two: the body gets one number.
  set(doc.instruments[0]!.summary, 'Q2', [2, 2, 3]);
  set(doc.notes[0]!.body, 'Q3', [3, 3, 3]);
  return doc;
}

const DOC = numberedDocument();
const pdfs = {} as Record<Edition, LoadedPdf>;

beforeAll(async () => {
  for (const edition of ['en', 'fr', 'es', 'parallel'] as const) {
    pdfs[edition] = await loadPdf(new Uint8Array((await buildEdition(DOC, 't-pack-slug', edition, { paper: 'a4', builtAt: BUILT_AT })).bytes));
  }
  const plain = structuredClone(DOC);
  plain.packs[0]!.options.numberedParagraphs = false;
  unnumbered = await loadPdf(new Uint8Array((await buildEdition(plain, 't-pack-slug', 'en', { paper: 'a4', builtAt: BUILT_AT })).bytes));
}, 120_000);
let unnumbered: LoadedPdf;

/** "12." followed on its line by a marker (pdf.js may join them in one item): marker → numbers, in order. */
function numbering(pdf: LoadedPdf): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const page of pdf.pages) {
    for (const line of page.lines) {
      for (const m of line.text.matchAll(/(?<!\d)(\d+)\.\s+(Q\d[A-Z]?L?)\b/g)) (out[m[2]!] ??= []).push(Number(m[1]));
    }
  }
  return out;
}

describe('numbered paragraphs', () => {
  it('count paragraphs, lists and tables, not headings or rules', () => {
    expect(countParagraphs('One.\n\nTwo.\n\n## Head\n\n- a\n- b\n\n---\n\n| a |\n|---|\n| b |')).toBe(4);
  });

  it('number each paragraph the same in en, fr and es', () => {
    // The note is printed twice (as an item, then under its country): numbering goes on through the document.
    const expected = { Q1A: [1], Q1B: [2], Q1L: [3], Q2A: [4], Q3A: [5, 9], Q3B: [6, 10], Q3C: [7, 11], Q3L: [8, 12] };
    for (const edition of ['en', 'fr', 'es'] as const) expect(numbering(pdfs[edition]), edition).toEqual(expected);
  });

  it('side by side, a paragraph has the same number in its three columns', () => {
    const found = numbering(pdfs.parallel);
    // pdf.js reads a row of three columns as one line: each marker three times, with the same number.
    expect(found).toEqual({ Q1A: [1, 1, 1], Q1B: [2, 2, 2], Q1L: [3, 3, 3], Q2A: [4, 4, 4], Q3A: [5, 5, 5, 9, 9, 9], Q3B: [6, 6, 6, 10, 10, 10], Q3C: [7, 7, 7, 11, 11, 11], Q3L: [8, 8, 8, 12, 12, 12] });
  });

  it('are off unless the pack asks for them', () => {
    expect(numbering(unnumbered)).toEqual({});
  });
});
