import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary } from '../../main/db/openLibrary';
import { LibraryStore } from '../../main/services/LibraryStore';
import { serializeLibrary } from '../../main/services/exportLibrary';
import { loadStarterLibrary } from '../../main/services/loadStarterLibrary';
import { MAX_PIECE_FILE_BYTES, filesToLibrary, libraryToFiles } from '../../main/services/sync/libraryFiles';
import { AppError } from '../../shared/errors/AppError';
import type { LibraryDocument } from '../../shared/schemas/libraryDocument';
import { tempDir } from '../helpers/cli';

let starter: LibraryDocument;
let exported: string;
let close: () => void;

beforeAll(async () => {
  const lib = await openLibrary(path.join(tempDir('briefing-files-'), 'lib.sqlite'), { create: true });
  const store = new LibraryStore(lib.db);
  loadStarterLibrary(store);
  starter = store.readDocument();
  exported = serializeLibrary(starter);
  close = () => lib.close();
});
afterAll(() => close());

/** The error filesToLibrary throws for these files (fails the test if it throws none). */
function refusal(files: Map<string, string | Uint8Array>): AppError {
  try {
    filesToLibrary(files);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected the files to be refused');
}

const withFile = (name: string, content: string | Uint8Array) => new Map([...libraryToFiles(starter), [name, content]]);

describe('libraryToFiles / filesToLibrary', () => {
  it('the starter library exported, turned into files and read back exports byte for byte the same', () => {
    const files = libraryToFiles(starter);
    const pieces = Object.values(starter).filter(Array.isArray).reduce((n, list) => n + list.length, 0);
    expect(files.size).toBe(pieces);
    expect(serializeLibrary(filesToLibrary(files))).toBe(exported);
  });

  it('writes one file per piece at pieces/<collection>/<id>.json (countries by code)', () => {
    const files = libraryToFiles(starter);
    const note = starter.notes[0]!;
    expect(files.has(`pieces/notes/${note.id}.json`)).toBe(true);
    expect(files.has(`pieces/countries/${starter.countries[0]!.code}.json`)).toBe(true);
    expect(JSON.parse(files.get(`pieces/notes/${note.id}.json`)!)).toEqual(note);
    expect([...files.keys()].every((p) => /^pieces\/[a-z]+\/[A-Za-z0-9-]+\.json$/.test(p))).toBe(true);
  });

  it('identical content gives identical bytes, whatever the order of keys in memory', () => {
    const note = starter.notes[0]!;
    const shuffled = Object.fromEntries(Object.entries(note).reverse()) as typeof note;
    const a = libraryToFiles({ ...starter, notes: [note] }).get(`pieces/notes/${note.id}.json`);
    const b = libraryToFiles({ ...starter, notes: [shuffled] }).get(`pieces/notes/${note.id}.json`);
    expect(b).toBe(a);
    expect(a!.endsWith('}\n')).toBe(true);
  });

  it('the files read back in any order give the same library; bytes (as git gives them) read like text', () => {
    const files = libraryToFiles(starter);
    const reversed = new Map([...files].reverse().map(([p, t]) => [p, Buffer.from(t, 'utf8')] as const));
    expect(serializeLibrary(filesToLibrary(reversed))).toBe(exported);
  });
});

describe('filesToLibrary refuses what it could not have written, naming the file', () => {
  it('a file outside pieces/', () => {
    const error = refusal(withFile('secrets/passwd.json', '{}'));
    expect(error.code).toBe('sync.outsidePieces');
    expect(error.params.path).toBe('secrets/passwd.json');
    expect(refusal(withFile('/etc/passwd', '{}')).code).toBe('sync.outsidePieces');
  });

  it('a path that climbs out (..) or is not pieces/<collection>/<id>.json', () => {
    for (const bad of ['pieces/../notes/x.json', 'pieces/notes/../../x.json', 'pieces/notes/sub/x.json', 'pieces/notes/.hidden.json', 'pieces/notes/x.txt', 'pieces/notes\\x.json', 'pieces/notes/']) {
      const error = refusal(withFile(bad, '{}'));
      expect(error.code, bad).toBe('sync.badPath');
      expect(error.params.path).toBe(bad);
    }
  });

  it('a collection the app does not know', () => {
    const error = refusal(withFile('pieces/scripts/run-me.json', '{}'));
    expect(error.code).toBe('sync.unknownCollection');
    expect(error.params).toMatchObject({ path: 'pieces/scripts/run-me.json', collection: 'scripts' });
  });

  it('a file over 1 MiB, before reading it', () => {
    const huge = `{"id":"${'a'.repeat(MAX_PIECE_FILE_BYTES)}"}`;
    const error = refusal(withFile('pieces/notes/note-huge.json', huge));
    expect(error.code).toBe('sync.fileTooLarge');
    expect(error.params).toMatchObject({ path: 'pieces/notes/note-huge.json', size: Buffer.byteLength(huge), limit: MAX_PIECE_FILE_BYTES });
  });

  it('non-JSON, bytes that are not UTF-8, and JSON that is not an object', () => {
    expect(refusal(withFile('pieces/notes/note-bad.json', 'not json {')).code).toBe('sync.malformedJson');
    expect(refusal(withFile('pieces/notes/note-bad.json', new Uint8Array([0x7b, 0xff, 0x7d]))).code).toBe('sync.notUtf8');
    expect(refusal(withFile('pieces/notes/note-bad.json', '[1,2]')).code).toBe('sync.notPiece');
    expect(refusal(withFile('pieces/notes/note-bad.json', 'null')).params.path).toBe('pieces/notes/note-bad.json');
  });

  it('a piece whose id is not the one its file name says', () => {
    const note = starter.notes[0]!;
    const error = refusal(withFile('pieces/notes/note-other.json', JSON.stringify(note)));
    expect(error.code).toBe('sync.idMismatch');
    expect(error.params).toMatchObject({ path: 'pieces/notes/note-other.json', id: note.id });
  });

  it('a piece that fails the exchange format checks, named by its path', () => {
    const note = { ...starter.notes[0]!, id: 'note-broken', date: 'yesterday' };
    const error = refusal(withFile('pieces/notes/note-broken.json', JSON.stringify(note)));
    expect(error.code).toBe('import.invalid');
    expect(error.params.file).toBe('pieces/notes/note-broken.json');
    expect(error.problems.length).toBeGreaterThan(0);
  });

  it('every sync error has a message in English, French and Spanish', () => {
    const read = (l: string) => (JSON.parse(fs.readFileSync(`shared/locales/${l}/errors.json`, 'utf8')) as { sync: Record<string, string> }).sync;
    const en = read('en');
    for (const code of ['outsidePieces', 'badPath', 'unknownCollection', 'fileTooLarge', 'notUtf8', 'malformedJson', 'notPiece', 'idMismatch']) {
      for (const l of ['en', 'fr', 'es']) expect(read(l)[code], `${l} sync.${code}`).toMatch(/\{\{path\}\}/);
    }
    expect(Object.keys(read('fr'))).toEqual(Object.keys(en));
    expect(Object.keys(read('es'))).toEqual(Object.keys(en));
  });
});
