import { beforeAll, describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { buildEdition } from '../../main/pdf/buildEdition';
import type { Edition } from '../../shared/api/buildTypes';
import type { LibraryDocument } from '../../shared/schemas/libraryDocument';
import { smallDocument } from '../helpers/documents';
import { normalizeLibraryDocument } from '../../shared/schemas/normalizeLibraryDocument';
import { hashSourceText } from '../../main/db/textHash';
import { loadPdf, type LoadedPdf } from '../helpers/pdf';

/**
 * Cross-references and source marks as links, read back with pdf.js: each link annotation's
 * target, and the words drawn inside its rectangle.
 */

const BUILT_AT = new Date('2025-11-20T12:00:00Z');

/** The words under a link, as far as pdf.js's item widths tell: the name, give or take a letter at each end. */
function isAbout(text: string, name: string): boolean {
  return name.includes(text) && text.length >= name.length - 2;
}

interface Link {
  page: number;
  dest: string;
  text: string;
}

/** Every link to a place in the document, with the text under it (pdfmake makes one annotation per word: joined). */
async function internalLinks(bytes: Uint8Array, pdf: LoadedPdf): Promise<Link[]> {
  const doc = await getDocument({ data: bytes.slice(), verbosity: 0 }).promise;
  const out: Link[] = [];
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const annotations = (await (await doc.getPage(n)).getAnnotations()) as { subtype: string; dest?: unknown; rect: number[] }[];
      const rects: { dest: string; rect: [number, number, number, number] }[] = [];
      for (const a of annotations) {
        if (a.subtype !== 'Link' || typeof a.dest !== 'string') continue;
        const rect = a.rect as [number, number, number, number];
        const last = rects[rects.length - 1];
        // The next word of the same link on the same line.
        if (last && last.dest === a.dest && Math.abs(last.rect[1] - rect[1]) < 1 && rect[0] - last.rect[2] < 8) last.rect[2] = rect[2];
        else rects.push({ dest: a.dest, rect: [...rect] });
      }
      for (const { dest, rect } of rects) {
        const [x0, y0, x1, y1] = rect;
        const text = pdf.pages[n - 1]!.items
          .filter((i) => i.y >= y0 - 2 && i.y <= y1 && i.x + i.width > x0 && i.x < x1)
          .map((i) => {
            const per = i.width / Math.max(1, i.str.length);
            return i.str.slice(Math.max(0, Math.floor((x0 - i.x) / per + 0.3)), Math.ceil((x1 - i.x) / per - 0.3));
          })
          .join('')
          .replace(/^[\s,:;]+|[\s,:;]+$/g, '');
        out.push({ page: n, dest, text });
      }
    }
  } finally {
    await doc.destroy();
  }
  return out;
}

function crossDocument(): LibraryDocument {
  const doc = structuredClone(smallDocument());
  const items = doc.packs[0]!.sections[0]!.items;
  // The protocol too, after the convention it supplements; priority 2 stays out of the pack.
  items.splice(2, 0, { kind: 'instrument', ref: 't-inst-prot' });
  // Two sources on the protocol, cited in the opposite order of their numbers.
  doc.instruments[1]!.sources = ['t-src-b', 't-src-a'];
  // Source hashes filled in, as an import does: the translations are current, not out of date.
  return normalizeLibraryDocument(doc, hashSourceText);
}

const DOC = crossDocument();
const links = {} as Record<Edition, Link[]>;
const pdfs = {} as Record<Edition, LoadedPdf>;

beforeAll(async () => {
  for (const edition of ['en', 'fr', 'parallel'] as const) {
    const bytes = new Uint8Array((await buildEdition(DOC, 't-pack-slug', edition, { paper: 'a4', builtAt: BUILT_AT })).bytes);
    pdfs[edition] = await loadPdf(bytes);
    links[edition] = await internalLinks(bytes, pdfs[edition]);
  }
}, 120_000);

/** Links of the body (after the contents), without the contents' own. */
const bodyLinks = (edition: Edition) => links[edition].filter((l) => l.page > 2);

describe('cross-references', () => {
  it('"Roadmap priorities 1, 2" links 1 to priority 1 in the pack; 2 (not in the pack) is plain text', () => {
    const toPriority = bodyLinks('en').filter((l) => l.dest === 'section-1-item-1');
    expect(toPriority.map((l) => l.text)).toContain('1');
    expect(pdfs.en.text).toContain('Roadmap priorities 1, 2');
    expect(bodyLinks('en').some((l) => l.text === '2' && !l.dest.includes('source'))).toBe(false);
  });

  it('"Supplements" and "Related instruments" link to the instruments’ headings', () => {
    const toConvention = bodyLinks('en').filter((l) => l.dest === 'section-1-item-2');
    const toProtocol = bodyLinks('en').filter((l) => l.dest === 'section-1-item-3');
    // Supplements: Convention test; Related instruments: Protocole test, Convention test.
    expect(toConvention.length).toBe(2);
    for (const l of toConvention) expect(isAbout(l.text, 'Convention test (en)'), l.text).toBe(true);
    expect(toProtocol.length).toBe(1);
    expect(isAbout(toProtocol[0]!.text, 'Protocole test (en)'), toProtocol[0]!.text).toBe(true);
    // In French too, and side by side in every column (the anchors are the first column's).
    const fr = bodyLinks('fr').filter((l) => l.dest === 'section-1-item-2');
    expect(fr.length).toBe(2);
    for (const l of fr) expect(isAbout(l.text, 'Convention test'), l.text).toBe(true);
    // Two per column (a name that wraps in a narrow column makes two pieces).
    expect(bodyLinks('parallel').filter((l) => l.dest === 'section-1-item-2').length).toBeGreaterThanOrEqual(6);
  });
});

describe('source marks', () => {
  it('are sorted and each links to its entry in the section’s sources', () => {
    const marks = bodyLinks('en').filter((l) => l.dest.startsWith('section-1-source-'));
    expect(marks.length).toBeGreaterThan(0);
    for (const mark of marks) expect(mark.dest).toBe(`section-1-source-${mark.text}`);
    // The protocol cites B then A: its marks read "1, 2" all the same.
    const page = pdfs.en.pages.find((p) => p.number > 2 && p.lines.some((l) => l.text === 'Protocole test (en)'))!;
    const lines = page.lines;
    const heading = lines.find((l) => l.text === 'Protocole test (en)')!;
    // Superscripts sit a few points above the heading's baseline.
    const marksLine = lines.find((l) => l.y > heading.y && l.y < heading.y + 8)!;
    expect(marksLine.text.replace(/\s/g, '')).toBe('1,2');
  });

  it('are readable: drawn at 7 points or more', () => {
    const sizes = pdfs.en.pages.flatMap((p) => p.items).filter((i) => /^\d$/.test(i.str.trim()) && i.y > 100 && i.size < 10).map((i) => i.size);
    expect(sizes.length).toBeGreaterThan(0);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(7);
  });

  it('land on the source entry', () => {
    const entry = links.en.find((l) => l.dest === 'section-1-source-2');
    expect(entry).toBeDefined();
    // The entry exists as a destination: the list of sources has a line starting "2. ".
    expect(pdfs.en.pages.flatMap((p) => p.lines).some((l) => l.text.startsWith('2. Source'))).toBe(true);
  });
});
