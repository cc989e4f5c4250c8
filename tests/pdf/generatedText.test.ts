import { beforeAll, describe, expect, it } from 'vitest';
import { buildEdition, editionDefinition } from '../../main/pdf/buildEdition';
import { prepareDocument } from '../../main/pdf/textRuns';
import type { Edition } from '../../shared/api/buildTypes';
import type { LibraryDocument } from '../../shared/schemas/libraryDocument';
import { NBSP, NNBSP } from '../../shared/text/frenchTypography';
import { smallDocument } from '../helpers/documents';
import { loadPdf, type LoadedPdf } from '../helpers/pdf';

/**
 * Generated text read back from the PDFs: labels that agree with the kind of instrument, dates
 * known to the month written out, French non-breaking spaces that no line break separates from
 * their mark, and a watermark in each edition's language.
 */

const BUILT_AT = new Date('2025-11-20T12:00:00Z');

/** French punctuation in a sentence that recurs, so that lines break at many places in it. */
const FRENCH_SENTENCE = 'Objet : la «\u00a0coopération\u00a0» régionale ; un rappel ! Pourquoi ? Note: voir « ici ». ';
const FRENCH_BODY = `${FRENCH_SENTENCE.repeat(40)}\n\nLe code \`a ; b\` reste tel quel.`;

function paperDocument(): LibraryDocument {
  const doc = structuredClone(smallDocument());
  const pack = doc.packs[0]!;
  pack.sections[0]!.items.splice(2, 0, { kind: 'instrument', ref: 't-inst-prot' });
  pack.watermark = {
    en: { text: 'DRAFT', status: 'approved' },
    fr: { text: 'PROJET', status: 'approved' },
    es: { text: 'BORRADOR', status: 'approved' },
  };
  const note = doc.notes[0]!;
  note.body = {
    fr: { text: FRENCH_BODY, status: 'approved' },
    en: { text: FRENCH_BODY, status: 'approved' },
    es: { text: FRENCH_BODY, status: 'approved' },
  };
  doc.networks[0]!.ofName = {
    en: { text: 'of the Test Network', status: 'approved' },
    fr: { text: 'du Réseau test', status: 'approved' },
    es: { text: 'de la Red de prueba', status: 'approved' },
  };
  return doc;
}

const pdfs = {} as Record<Edition, LoadedPdf>;
const DOC = paperDocument();

beforeAll(async () => {
  for (const edition of ['en', 'fr', 'es', 'parallel'] as const) {
    // The pack's own watermark: no --watermark given (undefined).
    const built = await buildEdition(DOC, 't-pack-slug', edition, { paper: 'a4', builtAt: BUILT_AT });
    pdfs[edition] = await loadPdf(new Uint8Array(built.bytes));
  }
}, 120_000);

/** Text of the body pages, lines joined by spaces, whitespace normalised. */
const text = (edition: Edition) => pdfs[edition].text.replace(/\s+/g, ' ');

describe('generated labels in the PDF', () => {
  it('agree with the kind of instrument and count their lists', () => {
    expect(text('en')).toContain('Convention · adopted in 2000');
    expect(text('fr')).toContain('Convention · adoptée en 2000');
    expect(text('es')).toContain('Convención · adoptada en 2000');
    expect(text('fr')).toContain('Protocole · adopté · Assemblée générale');
    expect(text('es')).toContain('Protocolo · adoptado · Assemblée générale (es)');
    expect(text('en')).toContain('Roadmap priorities 1, 2');
    expect(text('fr')).toContain('Priorités 1, 2 de la feuille de route');
    expect(text('es')).toContain('Instrumentos relacionados:');
  });

  it('write a source date known to the month in words, never 2025-11', () => {
    expect(text('en')).toContain('November 2025');
    expect(text('fr')).toContain('novembre 2025');
    expect(text('es')).toContain('noviembre de 2025');
    for (const edition of ['en', 'fr', 'es', 'parallel'] as const) expect(text(edition)).not.toContain('2025-11');
  });
});

describe('French typography', () => {
  it('puts U+00A0 before colons and U+202F before ; ! ? and inside « » in the French edition only, code excepted', () => {
    const strings = (edition: Edition) => {
      const { definition } = editionDefinition(DOC, 't-pack-slug', edition, { paper: 'a4', builtAt: BUILT_AT });
      return JSON.stringify(prepareDocument(definition).content);
    };
    const fr = strings('fr');
    expect(fr).toContain(`Objet${NBSP}: la «${NNBSP}coopération${NNBSP}» régionale${NNBSP}; un rappel${NNBSP}! Pourquoi${NNBSP}? Note${NBSP}: voir «${NNBSP}ici${NNBSP}»`);
    expect(fr).toContain('a ; b');
    // Generated labels too ("Priorités de la feuille de route" has none; "Instruments liés :" has).
    expect(fr).toContain(`Instruments liés${NBSP}:`);
    const en = strings('en');
    expect(en).toContain('Objet : la «');
    expect(en).not.toContain(NNBSP);
    // Side by side: the French column only.
    const parallel = strings('parallel');
    const count = (s: string, part: string) => s.split(part).length - 1;
    expect(count(parallel, `Objet${NBSP}: la «${NNBSP}coopération`)).toBe(80); // the note, and again under its country
    expect(count(parallel, 'Objet : la «')).toBe(160);
  });

  it('leaves a text shown in another language (a fallback) as it was typed', () => {
    const doc = structuredClone(DOC);
    delete doc.notes[0]!.body.fr;
    doc.notes[0]!.body.en = { text: 'Agenda: item one; item two! Why? Done.', status: 'approved' };
    const { definition } = editionDefinition(doc, 't-pack-slug', 'fr', { paper: 'a4', builtAt: BUILT_AT });
    const fr = JSON.stringify(prepareDocument(definition).content);
    expect(fr).toContain('Agenda: item one; item two! Why? Done.');
    // The French around it still has its spaces.
    expect(fr).toContain(`Instruments liés${NBSP}:`);
  });

  it('never starts a French line with : ; ! ? » or ends one with «, where the English one does', () => {
    const offending = (pdf: LoadedPdf) =>
      pdf.pages.flatMap((p) => p.lines.map((l) => l.text.trim())).filter((l) => /^[:;!?»]/.test(l) || /«$/.test(l));
    const fr = offending(pdfs.fr);
    expect(fr).toEqual([]);
    // The same text laid out with ordinary spaces (English edition) does break there: the check sees it.
    expect(offending(pdfs.en).length).toBeGreaterThan(0);
  });
});

describe('watermark', () => {
  /** The watermark is the only text drawn this large. */
  const marks = (pdf: LoadedPdf) => [...new Set(pdf.pages.flatMap((p) => p.items.filter((i) => i.size > 30 && i.str.trim()).map((i) => i.str.trim())))];

  it('is the pack’s own text in each edition’s language', () => {
    expect(marks(pdfs.en)).toEqual(['DRAFT']);
    expect(marks(pdfs.fr)).toEqual(['PROJET']);
    expect(marks(pdfs.es)).toEqual(['BORRADOR']);
    expect(marks(pdfs.parallel).join(' ')).toBe('DRAFT · PROJET · BORRADOR');
  });

  it('is replaced by --watermark for every edition, or left out with null', async () => {
    const one = await buildEdition(DOC, 't-pack-slug', 'fr', { paper: 'a4', builtAt: BUILT_AT, watermark: 'RÉSERVÉ' });
    expect(marks(await loadPdf(new Uint8Array(one.bytes)))).toEqual(['RÉSERVÉ']);
    const none = await buildEdition(DOC, 't-pack-slug', 'fr', { paper: 'a4', builtAt: BUILT_AT, watermark: null });
    expect(marks(await loadPdf(new Uint8Array(none.bytes)))).toEqual([]);
  }, 60_000);
});
