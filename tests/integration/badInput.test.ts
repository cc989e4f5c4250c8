import { LATEST_SCHEMA_VERSION } from '../../main/db/migrations';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ListEntry } from '../../main/services/listPieces';
import type { LibraryDocument } from '../../shared/schemas/libraryDocument';
import { cli, tempDir } from '../helpers/cli';
import { deleteAt, emptyDocument, en, setAt, tri } from '../helpers/documents';
import { exportBytes, lines, oneLine, readJson, sha256File, StarterTemplate, writeJson } from '../helpers/library';

const starter = new StarterTemplate();
const MB = 1024 * 1024;

afterEach(() => {
  vi.restoreAllMocks();
});

/** The starter library exported, plus one valid change, so a partial write would show. */
async function starterDocument(db: string): Promise<Record<string, unknown> & LibraryDocument> {
  const doc = JSON.parse((await exportBytes(db)).toString('utf8')) as Record<string, unknown> & LibraryDocument;
  doc.priorities[0]!.title.fr!.text = 'Sécurité humaine et multidimensionnelle (modifiée)';
  doc.notes.push({
    id: 'note-valid-addition',
    countryCode: 'PA',
    date: '2025-12-01',
    tags: [],
    title: tri('Ajout valide'),
    body: tri('Texte valide'),
    instruments: [],
    priorities: [],
    sources: [],
  });
  return doc;
}

interface Refusal {
  code: number;
  line: string;
}

/** Imports `file` into `db`, expecting a one-line refusal naming the file, and no change at all. */
async function expectImportRefused(db: string, file: string, expectedCode = 1): Promise<Refusal> {
  const before = await exportBytes(db);
  const bytesBefore = sha256File(db);
  const result = await cli(['import', file, '--db', db]);
  expect(result.stdout).toBe('');
  expect(result.code).toBe(expectedCode);
  const line = oneLine(result.stderr);
  expect(line).toContain(file);
  expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace without --debug
  const after = await exportBytes(db);
  expect(after.equals(before), 'the library changed although the import was refused').toBe(true);
  expect(sha256File(db)).toBe(bytesBefore);
  return { code: result.code, line };
}

async function validImportFileFor(db: string): Promise<string> {
  return badFile('valid.json', await starterDocument(db));
}

function badFile(name: string, content: string | object): string {
  const file = path.join(tempDir(), name);
  if (typeof content === 'string') fs.writeFileSync(file, content);
  else writeJson(file, content);
  return file;
}

describe('import: malformed files', () => {
  it('malformed JSON (a missing comma) is refused with the file, line and column', async () => {
    const db = await starter.copy();
    const file = badFile('missing-comma.json', '{\n  "format": "briefing-library",\n  "formatVersion": 1\n  "sources": []\n}\n');
    const { line } = await expectImportRefused(db, file);
    expect(line).toMatch(/is not valid JSON/);
    expect(line).toContain('line 4, column 3');
  });

  it('malformed JSON (an unexpected token) is refused on one line with the line and column', async () => {
    const db = await starter.copy();
    const file = badFile('unexpected.json', '{\n  "format": "briefing-library",\n  "sources": [1, 2,, 3]\n}\n');
    const { line } = await expectImportRefused(db, file);
    expect(line).toMatch(/is not valid JSON/);
    expect(line).toMatch(/line 3, column 20\b/);
  });

  it('a truncated JSON file is refused with the line and column where it ends', async () => {
    const db = await starter.copy();
    const whole = (await exportBytes(db)).toString('utf8');
    const cut = whole.slice(0, whole.indexOf('"members": [') + '"members": ['.length);
    expect(() => JSON.parse(cut)).toThrow(/end of JSON input/); // the message that carries no position
    const file = badFile('truncated.json', cut);
    const { line } = await expectImportRefused(db, file);
    expect(line).toMatch(/is not valid JSON/);
    const lastLine = cut.split('\n').length;
    const lastColumn = cut.length - cut.lastIndexOf('\n');
    expect(line).toMatch(new RegExp(`line ${lastLine}, column (${lastColumn}|${lastColumn + 1})\\b`));
  });

  it('format version 2 is refused', async () => {
    const db = await starter.copy();
    const doc = await starterDocument(db);
    setAt(doc, ['formatVersion'], 2);
    const file = badFile('v2.json', doc);
    const { line } = await expectImportRefused(db, file);
    expect(line).toBe(`${file} has format version 2; this app reads version 1.`);
  });

  it('a missing format version is refused', async () => {
    const db = await starter.copy();
    const doc = await starterDocument(db);
    deleteAt(doc, ['formatVersion']);
    const file = badFile('no-version.json', doc);
    const { line } = await expectImportRefused(db, file);
    expect(line).toBe(`${file} has no "formatVersion" field; this app reads version 1.`);
  });

  it('JSON that is not a library file is refused', async () => {
    const db = await starter.copy();
    const file = badFile('array.json', '[1, 2, 3]');
    const { line } = await expectImportRefused(db, file);
    expect(line).toBe(`${file} is not a library file (its "format" field should be "briefing-library").`);
  });

  it('a file that does not exist, and a folder, are refused', async () => {
    const db = await starter.copy();
    const missing = path.join(tempDir(), 'nope.json');
    expect((await expectImportRefused(db, missing)).line).toBe(`${missing}: no such file.`);
    const folder = tempDir();
    expect((await expectImportRefused(db, folder)).line).toBe(`${folder} is not a file.`);
  });
});

describe('import: invalid records', () => {
  it('an unknown locale in a text is refused, naming the record and field', async () => {
    const db = await starter.copy();
    const doc = await starterDocument(db);
    setAt(doc, ['priorities', 3, 'title', 'de'], { text: 'Das weltweite Drogenproblem', status: 'draft', from: 'fr' });
    const file = badFile('de.json', doc);
    const { line } = await expectImportRefused(db, file);
    expect(line).toBe(`${file}: priorities[3] (prio-rps-4) title: unknown language "de" (use en, fr or es)`);
  });

  it('a required field missing (a priority without title) is refused', async () => {
    const db = await starter.copy();
    const doc = await starterDocument(db);
    deleteAt(doc, ['priorities', 2, 'title']);
    const file = badFile('no-title.json', doc);
    const { line } = await expectImportRefused(db, file);
    expect(line).toBe(`${file}: priorities[2] (prio-rps-3) title: required field is missing`);
  });

  it('duplicate ids are refused', async () => {
    const db = await starter.copy();
    const doc = await starterDocument(db);
    const copy = structuredClone(doc.notes[0]!);
    copy.id = 'prio-rps-5';
    doc.notes.push(copy);
    const file = badFile('dup.json', doc);
    const { line } = await expectImportRefused(db, file);
    expect(line).toBe(`${file}: notes[3] (prio-rps-5) id: the id "prio-rps-5" is used more than once`);
  });

  it('a reference to a piece that does not exist is refused', async () => {
    const db = await starter.copy();
    const doc = await starterDocument(db);
    doc.packs[0]!.sections[1]!.items.push({ kind: 'priority', ref: 'prio-rps-99' });
    const file = badFile('ref.json', doc);
    const { line } = await expectImportRefused(db, file);
    expect(line).toBe(
      `${file}: packs[0] (pack-panama-2025) sections[1].items[7].ref: refers to priority "prio-rps-99", which does not exist`,
    );
  });

  it('a parent cycle made of the file and the library together is refused', async () => {
    const db = await starter.copy();
    // In the starter library inst-palermo-trafficking's parent is inst-palermo.
    const doc = emptyDocument();
    const current = readJson<LibraryDocument>(badFile('cur.json', JSON.parse((await exportBytes(db)).toString('utf8'))));
    const palermo = current.instruments.find((i) => i.id === 'inst-palermo')!;
    expect(current.instruments.find((i) => i.id === 'inst-palermo-trafficking')!.parentId).toBe('inst-palermo');
    doc.instruments.push({ ...palermo, parentId: 'inst-palermo-trafficking' });
    const file = badFile('cycle.json', doc);
    const { line } = await expectImportRefused(db, file);
    expect(line).toContain('instruments[0] (inst-palermo) parentId');
  });

  it('a text of 1 MB in one field is refused, naming the field and the limit', async () => {
    const db = await starter.copy();
    const doc = await starterDocument(db);
    setAt(doc, ['notes', 0, 'body', 'fr', 'text'], 'x'.repeat(MB));
    const file = badFile('huge-body.json', doc);
    const { line } = await expectImportRefused(db, file);
    expect(line).toBe(
      `${file}: notes[0] (note-omsac-palermo-25-2025) body.fr.text: text is 1048576 characters long; the limit is 200000`,
    );

    const title = await starterDocument(db);
    setAt(title, ['instruments', 0, 'shortName', 'en', 'text'], 'y'.repeat(MB));
    const titleFile = badFile('huge-title.json', title);
    const refused = await expectImportRefused(db, titleFile);
    expect(refused.line).toMatch(/instruments\[0\] \([a-z0-9-]+\) shortName\.en\.text: text is 1048576 characters long; the limit is 1000$/);
  });

  it('a 50 MB import file is refused by its size, before it is read or parsed', async () => {
    const db = await starter.copy();
    // Valid JSON padded with spaces: had it been parsed, the import would have succeeded.
    const doc = Buffer.from(JSON.stringify(await starterDocument(db)));
    const file = path.join(tempDir(), 'fifty.json');
    const fd = fs.openSync(file, 'w');
    fs.writeSync(fd, doc);
    fs.writeSync(fd, Buffer.alloc(50 * MB - doc.length, 0x20));
    fs.closeSync(fd);
    expect(fs.statSync(file).size).toBe(50 * MB);
    const parse = vi.spyOn(JSON, 'parse');
    const read = vi.spyOn(fs, 'readFileSync');
    const { line } = await expectImportRefused(db, file).finally(() => fs.rmSync(file));
    const bigParses = parse.mock.calls.filter(([text]) => typeof text === 'string' && text.length > 32 * MB);
    expect(bigParses).toHaveLength(0);
    expect(read).toHaveBeenCalled(); // the spy sees the helpers' own reads
    expect(read.mock.calls.filter(([p]) => p === file)).toHaveLength(0);
    expect(line).toContain('50');
    expect(line).toContain('32');
  });

  it('the size refusal says the unit of its numbers', async () => {
    const db = await starter.copy();
    const file = path.join(tempDir(), 'fifty.json');
    fs.writeFileSync(file, '{}');
    fs.truncateSync(file, 50 * MB);
    const { line } = await expectImportRefused(db, file).finally(() => fs.rmSync(file));
    expect(line).toMatch(/\b50(\.0)? ?MB\b/);
    expect(line).toMatch(/\b32(\.0)? ?MB\b/);
  });
});

describe('import: special characters are stored and returned exactly as typed', () => {
  const SPECIALS = [
    "Robert'); DROP TABLE notes;--",
    '**bold** _x_ <script>alert(1)</script> [link](javascript:x) | table |',
    'Quotes: "double" \'single\' `back` « guillemets » “curly” ‘curly’',
    'Backslashes: \\ \\\\ \\n \\u0000 C:\\Users\\x',
    'Emoji: 👩🏽‍⚖️ 🇵🇦 🧑‍🤝‍🧑 ✅',
    'RTL: مرحبا بالعالم — שלום עולם \u202Eevil\u202C',
    // Control characters other than tab and line feed are refused (textCharacters.test.ts); these stay.
    'Invisible: \t\u2028\u2029\u200b\u200d\ufeff\u00ad end',
    'Lines:\nLF\n\nLF  trailing spaces   ',
    'Decomposed: Se\u0301curite\u0301 a\u0300 l’e\u0301cole',
    '% _ LIKE wildcards %% and ? placeholders ?1 :name @name $name',
    '{{count}} {{first}} $t(errors:unexpected) <b>i18n</b>',
  ];

  it('keeps SQL, Markdown, quotes, backslashes, emoji, RTL and invisible characters byte for byte', async () => {
    const db = await starter.copy();
    const doc = emptyDocument();
    SPECIALS.forEach((text, i) => {
      doc.notes.push({
        id: `note-special-${i}`,
        countryCode: null,
        date: '2025-01-01',
        tags: [],
        title: { en: { text, status: 'approved' }, fr: { text: `${text} fr`, status: 'draft', from: 'en' } },
        body: { en: { text: `${text}\n\n${text}`, status: 'approved' } },
        instruments: [],
        priorities: [],
        sources: [],
      });
    });
    doc.sources.push({ id: 'src-special', title: en(SPECIALS[0]!), issuer: SPECIALS[1]!, place: SPECIALS[5]!, date: null, url: null });
    const file = badFile('specials.json', doc);
    const imported = await cli(['import', file, '--db', db]);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);

    const exported = JSON.parse((await exportBytes(db)).toString('utf8')) as LibraryDocument;
    SPECIALS.forEach((text, i) => {
      const note = exported.notes.find((n) => n.id === `note-special-${i}`);
      expect(note, `note ${i}`).toBeDefined();
      expect(note!.title.en!.text).toBe(text);
      expect(note!.title.fr!.text).toBe(`${text} fr`);
      expect(note!.body.en!.text).toBe(`${text}\n\n${text}`);
    });
    const source = exported.sources.find((s) => s.id === 'src-special')!;
    expect(source).toMatchObject({ issuer: SPECIALS[1], place: SPECIALS[5], title: { en: { text: SPECIALS[0] } } });

    const listed = await cli(['list', 'notes', '--json', '--lang', 'en', '--db', db]);
    const entries = JSON.parse(listed.stdout) as ListEntry[];
    expect(entries).toHaveLength(2 + SPECIALS.length); // the notes table is still there
    SPECIALS.forEach((text, i) => expect(entries.find((e) => e.id === `note-special-${i}`)!.title).toBe(text));

    // And the same file again changes nothing.
    const again = await cli(['import', file, '--json', '--db', db]);
    expect(JSON.parse(again.stdout).counts.notes).toEqual({ added: 0, updated: 0, unchanged: SPECIALS.length });
  });
});

describe('the library file itself', () => {
  const commands = (db: string, json: string): string[][] => [
    ['list', 'priorities', '--db', db],
    ['search', 'securite', '--db', db],
    ['check', '--db', db],
    ['export', '--db', db, '--out', path.join(tempDir(), 'out.json')],
    ['import', json, '--db', db],
    ['import', json, '--dry-run', '--db', db],
    ['init', '--db', db],
  ];

  async function validImportFile(): Promise<string> {
    const db = await starter.copy();
    return badFile('valid.json', await starterDocument(db));
  }

  /** Every command fails with exit 1 and one line naming the file; the file's bytes do not change. */
  async function expectEveryCommandRefuses(db: string, message: RegExp): Promise<void> {
    const json = await validImportFile();
    const before = fs.readFileSync(db);
    for (const args of commands(db, json)) {
      const result = await cli(args);
      const label = args.slice(0, 2).join(' ');
      expect(result.code, label).toBe(1);
      expect(result.stdout, label).toBe('');
      const line = oneLine(result.stderr);
      expect(line, label).toContain(db);
      expect(line, label).toMatch(message);
      expect(fs.readFileSync(db).equals(before), `${label} changed the file`).toBe(true);
    }
  }

  it('a text file given as the library is refused and left as it was', async () => {
    const db = path.join(tempDir(), 'notes.txt');
    fs.writeFileSync(db, 'This is not a database.\n'.repeat(100));
    await expectEveryCommandRefuses(db, /is not a SQLite database/);
  });

  it('a library whose first page is garbage after the 100-byte header is refused as damaged', async () => {
    const db = await starter.copy();
    const bytes = fs.readFileSync(db);
    const pageSize = bytes.readUInt16BE(16) === 1 ? 65536 : bytes.readUInt16BE(16);
    for (let i = 100; i < pageSize; i++) bytes[i] = (i * 151 + 7) & 0xff;
    fs.writeFileSync(db, bytes);
    await expectEveryCommandRefuses(db, /damaged/);
  });

  it('a library cut in the middle is refused as damaged', async () => {
    const db = await starter.copy();
    const size = fs.statSync(db).size;
    fs.truncateSync(db, Math.floor(size / 2));
    await expectEveryCommandRefuses(db, /damaged/);
  });

  it('a library garbled in the middle is refused as damaged, naming the file', async () => {
    const db = await starter.copy();
    const probe = new Database(db, { readonly: true });
    const pageSize = probe.pragma('page_size', { simple: true }) as number;
    const pages = probe
      .prepare("SELECT pageno FROM dbstat WHERE name = 'texts' AND pagetype = 'leaf' ORDER BY pageno")
      .pluck()
      .all() as number[];
    probe.close();
    expect(pages.length).toBeGreaterThan(2);
    const bytes = fs.readFileSync(db);
    for (const page of pages.slice(1)) {
      for (let i = (page - 1) * pageSize; i < page * pageSize; i++) bytes[i] = (i * 31 + 11) & 0xff;
    }
    fs.writeFileSync(db, bytes);
    const json = await validImportFile();
    const before = fs.readFileSync(db);
    for (const args of [
      ['list', 'priorities', '--db', db],
      ['check', '--db', db],
      ['export', '--db', db, '--out', path.join(tempDir(), 'out.json')],
      ['import', json, '--db', db],
    ]) {
      const result = await cli(args);
      const label = args.slice(0, 2).join(' ');
      expect(result.code, label).toBe(1);
      const output = `${result.stdout}${result.stderr}`;
      expect(output, label).toContain(db);
      expect(output, label).toMatch(/damaged|integrity/i);
      expect(fs.readFileSync(db).equals(before), `${label} changed the file`).toBe(true);
    }
  });

  describe('a read-only library (mode 0444)', () => {
    async function readOnlyLibrary(): Promise<string> {
      const db = await starter.copy();
      fs.chmodSync(db, 0o444);
      return db;
    }

    it('can be listed, searched and exported', async () => {
      const db = await readOnlyLibrary();
      const list = await cli(['list', 'priorities', '--json', '--db', db]);
      expect(list.stderr).toBe('');
      expect(list.code).toBe(0);
      expect(JSON.parse(list.stdout)).toHaveLength(7);
      const search = await cli(['search', 'securite', '--db', db]);
      expect(search.code).toBe(0);
      expect(search.stdout).toContain('prio-rps-1');
      expect((await exportBytes(db)).length).toBeGreaterThan(1000);
      const dry = await cli(['import', await validImportFile(), '--dry-run', '--db', db]);
      expect(dry.code).toBe(0);
    });

    it('can be checked: a sound read-only library is reported sound', async () => {
      const db = await readOnlyLibrary();
      const result = await cli(['check', '--db', db]);
      expect(result.stdout).toBe(`The library ${db} is sound (schema ${LATEST_SCHEMA_VERSION}).\n`);
      expect(result.code).toBe(0);
    });

    it('refuses an import with the read-only message and stays unchanged', async () => {
      const db = await readOnlyLibrary();
      const json = await validImportFile();
      const { line } = await (async () => {
        const before = await exportBytes(db);
        const bytes = sha256File(db);
        const result = await cli(['import', json, '--db', db]);
        expect(result.code).toBe(1);
        expect(result.stdout).toBe('');
        expect((await exportBytes(db)).equals(before)).toBe(true);
        expect(sha256File(db)).toBe(bytes);
        return { line: oneLine(result.stderr) };
      })();
      expect(line).toBe(
        `The library ${db} is read-only: nothing can be saved to it. Make the file writable or use another file with --db.`,
      );
      expect(fs.statSync(db).mode & 0o777).toBe(0o444);
      const init = await cli(['init', '--db', db]);
      expect(init.code).toBe(1);
      expect(oneLine(init.stderr)).toContain('is read-only');
    });
  });
});

describe('usage errors', () => {
  /** Runs a command expected to be a usage error: exit 2, one line, nothing written. */
  async function expectUsageError(db: string, args: string[]): Promise<string> {
    const before = await exportBytes(db);
    const result = await cli(args);
    expect(result.code, args.join(' ')).toBe(2);
    expect(result.stdout).toBe('');
    const line = oneLine(result.stderr);
    expect((await exportBytes(db)).equals(before)).toBe(true);
    return line;
  }

  it('an unknown command exits 2 with one line naming it', async () => {
    const db = await starter.copy();
    const line = await expectUsageError(db, ['frobnicate', '--db', db]);
    expect(line).toBe('Unknown command frobnicate. See: briefing --help');
  });

  it('an unknown option exits 2 with one line naming it', async () => {
    const db = await starter.copy();
    expect(await expectUsageError(db, ['list', 'priorities', '--colour', 'red', '--db', db])).toBe(
      'Unknown option --colour. See: briefing list --help',
    );
    expect(await expectUsageError(db, ['import', '--db', db, '--force', await validImportFileFor(db)])).toBe(
      'Unknown option --force. See: briefing import --help',
    );
    expect(await expectUsageError(db, ['--verbose', 'list', 'priorities', '--db', db])).toContain('--verbose');
  });

  it('--lang de exits 2 with one line naming it', async () => {
    const db = await starter.copy();
    for (const args of [
      ['list', 'priorities', '--lang', 'de', '--db', db],
      ['search', 'securite', '--lang', 'de', '--db', db],
    ]) {
      const line = await expectUsageError(db, args);
      expect(line).toContain('"de"');
      expect(line).toContain('en, fr or es');
    }
  });

  it('an unknown kind to list, and a missing argument, exit 2 with one line', async () => {
    const db = await starter.copy();
    expect(await expectUsageError(db, ['list', 'widgets', '--db', db])).toContain('"widgets"');
    expect(await expectUsageError(db, ['import', '--db', db])).toContain('file');
    expect(await expectUsageError(db, ['export', '--db', db])).toContain('--out');
  });
});

describe('a failed import changes nothing', () => {
  it('rejects the whole file when one record of many is invalid', async () => {
    const db = await starter.copy();
    const doc = await starterDocument(db);
    setAt(doc, ['meetings', 0, 'endDate'], '2025-11-26');
    const file = badFile('end-before-start.json', doc);
    const { line } = await expectImportRefused(db, file);
    expect(line).toBe(`${file}: meetings[0] (meet-rps-panama-2025) endDate: the meeting ends before it starts`);
    const list = await cli(['list', 'notes', '--json', '--db', db]);
    expect((JSON.parse(list.stdout) as ListEntry[]).map((e) => e.id)).not.toContain('note-valid-addition');
    expect(lines(list.stdout).length).toBeGreaterThan(1);
  });
});
