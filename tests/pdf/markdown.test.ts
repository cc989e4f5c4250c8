import { emptyLibraryDocument } from '../../shared/schemas/libraryDocument';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildEdition } from '../../main/pdf/buildEdition';
import { FONT_DIRS } from '../../main/pdf/fonts';
import type { LibraryDocument } from '../../shared/schemas/libraryDocument';
import { cli } from '../helpers/cli';
import { writeJson } from '../helpers/library';
import { filesIn, loadPdf, norm, type LoadedPdf, type PdfTextItem, scratch } from '../helpers/pdf';

const tmp = scratch('briefing-pdf-markdown-');
afterAll(() => tmp.cleanup());

/**
 * Note bodies are Markdown written by users: formatting is rendered, everything else (HTML,
 * pdfmake-looking JSON, images, file links) is shown as the characters typed and never read.
 */

const BUILT_AT = new Date('2025-11-20T12:00:00Z');

const BODY = [
  'Intro paragraph with **bold words** and _emphasis here_ and a [link to example](https://example.org/page).',
  '',
  '# Heading one',
  '',
  '## Heading two',
  '',
  'Second paragraph, plain.',
  '',
  '3. third item',
  '4. fourth item',
  '   1. nested ordered',
  '      - nested bullet',
  '',
  '- outer bullet',
  '  - inner bullet',
  '    - innermost bullet',
  '',
  '<script>alert(1)</script>',
  '',
  'Inline <img src="file:///etc/passwd"> tag in a sentence.',
  '',
  '<img src="https://example.org/pixel.png">',
  '',
  '{"image":"/etc/passwd"}',
  '',
  '```',
  '{"image": "/etc/passwd", "width": 100}',
  '```',
  '',
  '![secret picture](file:///etc/passwd)',
  '',
  '[local file](file:///etc/passwd) and [script link](javascript:alert(1))',
  '',
  '¿Qué tal? ¡Sí! Señoría, «guillemets» et cœur.',
].join('\n');

function en(text: string) {
  return { en: { text, status: 'approved' as const } };
}

/** A library document with one note and one pack holding it. */
function noteDocument(body: string, noteId = 'note-md'): LibraryDocument {
  return {
    ...emptyLibraryDocument(),
    notes: [
      {
        id: noteId,
        countryCode: null,
        date: '2025-11-20',
        tags: [],
        title: en('Markdown note'),
        body: en(body),
        instruments: [],
        priorities: [],
        sources: [],
      },
    ],
    packs: [
      {
        id: 'pack-md',
        slug: 'md',
        meetingId: null,
        title: en('Markdown pack'),
        subtitle: null,
        audience: null,
        classification: null,
        paper: 'a4',
        watermark: null,
        reference: null,
        version: null,
        issued: null,
        logo: null,
        options: { cover: true, toc: true, sources: true, numberedParagraphs: false },
        sections: [{ id: 'pack-md-s1', title: en('Notes'), text: null, items: [{ kind: 'note', ref: noteId }] }],
      },
    ],
  };
}

async function build(body: string): Promise<{ pdf: LoadedPdf; ms: number; pages: number }> {
  const started = performance.now();
  const built = await buildEdition(noteDocument(body), 'md', 'en', { paper: 'a4', watermark: null, builtAt: BUILT_AT });
  const ms = performance.now() - started;
  return { pdf: await loadPdf(new Uint8Array(built.bytes)), ms, pages: built.pages };
}

/** The body pages: after the cover and the contents. */
function bodyText(pdf: LoadedPdf): string {
  return pdf.pages
    .slice(2)
    .map((p) => p.text)
    .join(' ');
}

// A line holding a link is marked run by run for its Link tag, so pdf.js gives one item per word there.
/** The body's first text item containing `fragment`. */
function containing(pdf: LoadedPdf, fragment: string): PdfTextItem {
  for (const page of pdf.pages.slice(2)) {
    const found = page.items.find((i) => norm(i.str).includes(fragment));
    if (found) return found;
  }
  throw new Error(`no text item containing "${fragment}"`);
}

describe('Markdown in a note body', () => {
  let pdf: LoadedPdf;
  const opened: string[] = [];
  const fetched: string[] = [];

  beforeAll(async () => {
    const record = (value: unknown) => {
      if (typeof value === 'string' || value instanceof URL) opened.push(String(value));
      else if (Buffer.isBuffer(value)) opened.push(value.toString());
    };
    // Spies call through to the real functions and remember their arguments.
    const spies = [
      vi.spyOn(fs, 'readFileSync'),
      vi.spyOn(fs, 'openSync'),
      vi.spyOn(fs, 'existsSync'),
      vi.spyOn(fs, 'createReadStream'),
      vi.spyOn(fs.promises, 'readFile'),
      vi.spyOn(fs.promises, 'open'),
    ];
    const fetchSpy = vi.spyOn(globalThis, 'fetch').mockImplementation(async (input) => {
      fetched.push(String(input instanceof Request ? input.url : input));
      throw new Error('no network in tests');
    });
    let bytes: Uint8Array;
    try {
      const built = await buildEdition(noteDocument(BODY), 'md', 'en', { paper: 'a4', watermark: null, builtAt: BUILT_AT });
      bytes = new Uint8Array(built.bytes);
      for (const spy of spies) for (const call of spy.mock.calls) record(call[0]);
    } finally {
      for (const spy of spies) spy.mockRestore();
      fetchSpy.mockRestore();
    }
    pdf = await loadPdf(bytes);
  }, 60_000);

  it('renders paragraphs, headings and lists without their Markdown syntax', () => {
    const text = bodyText(pdf);
    for (const s of [
      'Intro paragraph with bold words and emphasis here and a link to example.',
      'Heading one',
      'Heading two',
      'Second paragraph, plain.',
      'third item',
      'fourth item',
      'nested ordered',
      'nested bullet',
      'outer bullet',
      'inner bullet',
      'innermost bullet',
    ]) {
      expect(text).toContain(s);
    }
    expect(text).not.toContain('**bold');
    expect(text).not.toContain('_emphasis');
    expect(text).not.toContain('# Heading');
    expect(text).not.toContain('](https://example.org/page)');
    // Headings are larger than the text; level 1 larger than level 2.
    const plain = containing(pdf, 'Intro');
    expect(containing(pdf, 'Heading one').size).toBeGreaterThan(containing(pdf, 'Heading two').size);
    expect(containing(pdf, 'Heading two').size).toBeGreaterThan(plain.size);
    // The ordered list keeps its start number (markers read left to right, line by line).
    const lines = pdf.pages.flatMap((p) => p.lines.map((l) => l.text));
    expect(lines).toContainEqual(expect.stringMatching(/^3\.\s*third item$/));
    expect(lines).toContainEqual(expect.stringMatching(/^4\.\s*fourth item$/));
    expect(lines).toContainEqual(expect.stringMatching(/^1\.\s*nested ordered$/));
    // Nested items are indented.
    expect(containing(pdf, 'nested ordered').x).toBeGreaterThan(containing(pdf, 'fourth item').x);
    expect(containing(pdf, 'inner bullet').x).toBeGreaterThan(containing(pdf, 'outer bullet').x);
    expect(containing(pdf, 'innermost bullet').x).toBeGreaterThan(containing(pdf, 'inner bullet').x);
  });

  it('sets **bold** and _emphasis_ in their own fonts', () => {
    const plain = containing(pdf, 'Intro');
    const bold = containing(pdf, 'bold');
    const emphasis = containing(pdf, 'emphasis');
    expect(bold.font, 'bold words are set in the paragraph font').not.toBe(plain.font);
    expect(emphasis.font, 'emphasised words are set in the paragraph font').not.toBe(plain.font);
    expect(emphasis.font).not.toBe(bold.font);
    // A Markdown heading is bold: its font is the bold one.
    expect(containing(pdf, 'Heading one').font).toBe(bold.font);
  });

  it('makes an http(s) link a link, and a file: or javascript: link plain text', () => {
    const links = pdf.pages.flatMap((p) => p.links);
    expect(links).toContain('https://example.org/page');
    expect(links.filter((l) => /^(file|javascript):/i.test(l))).toEqual([]);
    expect(pdf.raw).not.toMatch(/\/URI\s*\((file|javascript):/i);
    const text = bodyText(pdf);
    expect(text).toContain('local file and script link');
  });

  it('shows raw HTML as the characters typed', () => {
    const text = bodyText(pdf);
    expect(text).toContain('<script>alert(1)</script>');
    expect(text).toContain('Inline <img src="file:///etc/passwd"> tag in a sentence.');
    expect(text).toContain('<img src="https://example.org/pixel.png">');
  });

  it('shows pdfmake-looking JSON as text, and an image as its alternative text', () => {
    const text = bodyText(pdf);
    expect(text).toContain('{"image":"/etc/passwd"}');
    expect(text).toContain('{"image": "/etc/passwd", "width": 100}');
    expect(text).toContain('[secret picture]');
  });

  it('embeds no image and reads no file or URL named in the text', () => {
    for (const page of pdf.pages) expect(page.images, `images on page ${page.number}`).toBe(0);
    expect(pdf.raw).not.toMatch(/\/Subtype\s*\/Image/);
    expect(fetched).toEqual([]);
    expect(opened.filter((f) => /passwd|example\.org|^file:|^https?:/.test(f))).toEqual([]);
    // The fonts are the only files a build reads.
    expect(opened.length).toBeGreaterThan(0);
    for (const file of opened) expect(FONT_DIRS.some((dir) => path.resolve(file).startsWith(dir + path.sep)), file).toBe(true);
  });

  it('keeps accents and Spanish punctuation', () => {
    expect(bodyText(pdf)).toContain('¿Qué tal? ¡Sí! Señoría, «guillemets» et cœur.');
  });
});

describe('deeply nested Markdown', () => {
  const DEPTH = 300;
  const labels = (text: string) => new Set([...text.matchAll(/level (\d+)(?!\d)/g)].map((m) => Number(m[1])));

  it('builds a 300-level indented list quickly, keeping every item', async () => {
    const body = Array.from({ length: DEPTH }, (_, i) => `${'  '.repeat(i)}- level ${i + 1}`).join('\n');
    const { pdf, ms } = await build(body);
    expect(ms).toBeLessThan(15_000);
    const found = labels(pdf.pages.map((p) => p.lines.map((l) => l.text).join('\n')).join('\n'));
    expect([...Array(DEPTH).keys()].filter((i) => !found.has(i + 1))).toEqual([]);
  }, 60_000);

  it('builds a 300-level ordered list quickly, keeping every item', async () => {
    const body = Array.from({ length: DEPTH }, (_, i) => `${'   '.repeat(i)}1. level ${i + 1}`).join('\n');
    const { pdf, ms } = await build(body);
    expect(ms).toBeLessThan(15_000);
    const found = labels(pdf.pages.map((p) => p.lines.map((l) => l.text).join('\n')).join('\n'));
    expect([...Array(DEPTH).keys()].filter((i) => !found.has(i + 1))).toEqual([]);
  }, 60_000);

  it('keeps the text of a 300-level list written on one line ("- - - … deepest")', async () => {
    const { pdf, ms, pages } = await build(`${'- '.repeat(DEPTH)}deepest bullet text`);
    expect(ms).toBeLessThan(15_000);
    expect(bodyText(pdf)).toContain('deepest bullet text');
    // No blank pages: every body page has more than its running header and footer.
    expect(pages).toBe(pdf.pageCount);
    for (const page of pdf.pages.slice(2)) expect(page.lines.length, `page ${page.number} is blank`).toBeGreaterThan(2);
  }, 60_000);

  it('keeps the text of 300 nested block quotes', async () => {
    const { pdf, ms } = await build(`${'>'.repeat(DEPTH)} deepest quoted text`);
    expect(ms).toBeLessThan(15_000);
    expect(bodyText(pdf)).toContain('deepest quoted text');
    for (const page of pdf.pages.slice(2)) expect(page.lines.length, `page ${page.number} is blank`).toBeGreaterThan(2);
  }, 60_000);
});

describe('a note body longer than the limit, written into the database directly', () => {
  const dir = tmp.dir('longtext-');
  const db = path.join(dir, 'lib.sqlite');
  const out = path.join(dir, 'out');
  const LENGTH = 1_000_000;

  beforeAll(async () => {
    expect((await cli(['init', '--empty', '--db', db])).code).toBe(0);
    const file = writeJson(path.join(dir, 'note.json'), noteDocument('Short body for now.', 'note-huge'));
    const imported = await cli(['import', file, '--db', db]);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    const conn = new Database(db, { fileMustExist: true });
    try {
      const changed = conn
        .prepare("UPDATE texts SET body = ? WHERE piece_id = 'note-huge' AND field = 'body' AND locale = 'en'")
        .run('a'.repeat(LENGTH)).changes;
      expect(changed).toBe(1);
    } finally {
      conn.close();
    }
  }, 60_000);

  afterEach(() => {
    expect(filesIn(out)).toEqual([]);
  });

  it('fails the build with exit 1, naming the piece, its length and the limit, and writes no file', async () => {
    const started = performance.now();
    const result = await cli(['build', '--db', db, '--pack', 'md', '--lang', 'en', '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('note-huge');
    expect(result.stderr).toContain(String(LENGTH));
    expect(result.stderr).toContain('200000');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    // Refused before any layout.
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('fails the same way for every language mode', async () => {
    for (const lang of ['fr', 'all', 'parallel']) {
      const result = await cli(['build', '--db', db, '--pack', 'md', '--lang', lang, '--out', out]);
      expect(result.code, lang).toBe(1);
      expect(result.stderr, lang).toContain('note-huge');
    }
  });
});
