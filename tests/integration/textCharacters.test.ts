import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors/AppError';
import { checkTexts, findBadCharacter } from '../../shared/schemas/textCharacters';
import type { ApiError, ApiResult } from '../../shared/api/apiContract';
import type { NoteDoc } from '../../shared/schemas/libraryDocument';
import { readXliff } from '../../main/xliff/readXliff';
import { decodeUtf8 } from '../../shared/text/decodeUtf8';
import { cli, tempDir } from '../helpers/cli';
import { smallDocument } from '../helpers/documents';
import { exportBytes, oneLine, sha256File, StarterTemplate, writeJson } from '../helpers/library';
import { startTestApp, type TestApp } from '../helpers/server';

const starter = new StarterTemplate();

describe('the one rule for characters in a text', () => {
  it('refuses NUL, other controls, lone surrogates and noncharacters with their line and column', () => {
    expect(findBadCharacter('ok\ttab\nnew line')).toBeNull();
    expect(findBadCharacter('\u0000start')).toEqual({ character: 'U+0000', kind: 'control', line: 1, column: 1 });
    expect(findBadCharacter('one\ntwo é\u0007')).toEqual({ character: 'U+0007', kind: 'control', line: 2, column: 6 });
    expect(findBadCharacter('C1 \u0085')).toMatchObject({ character: 'U+0085', kind: 'control' });
    expect(findBadCharacter('lone \ud800 high')).toMatchObject({ character: 'U+D800', kind: 'surrogate', column: 6 });
    expect(findBadCharacter('lone \udc00 low')).toMatchObject({ character: 'U+DC00', kind: 'surrogate' });
    expect(findBadCharacter('pair 😀 ok')).toBeNull();
    expect(findBadCharacter('\uffff')).toMatchObject({ kind: 'nonCharacter' });
  });

  it('normalizes CR LF and lone CR to LF in every string, without touching the input', () => {
    const input = { a: 'x\r\ny\rz', list: [{ b: 'p\r\nq' }], n: 3 };
    const { value, problems } = checkTexts(input);
    expect(problems).toEqual([]);
    expect(value).toEqual({ a: 'x\ny\nz', list: [{ b: 'p\nq' }], n: 3 });
    expect(input.a).toBe('x\r\ny\rz');
  });

  it('walks a hostile nesting depth without overflowing the stack', () => {
    let deep: unknown = 'bad\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(checkTexts(deep).problems).toHaveLength(1);
  });
});

describe('strict UTF-8 (shared: the CLI and the app read files through it)', () => {
  const failure = (bytes: number[]) => {
    try {
      decodeUtf8(Uint8Array.from(bytes), 'f.xlf');
    } catch (error) {
      return (error as AppError).params;
    }
    throw new Error('accepted');
  };
  it('names the line and column of the first bad byte: at the start, overlong, an encoded surrogate, cut short', () => {
    expect(decodeUtf8(Uint8Array.from([0x61, 0xc3, 0xa9]), 'f')).toBe('aé');
    expect(failure([0xff, 0x61])).toEqual({ file: 'f.xlf', line: 1, column: 1, offset: 0 });
    expect(failure([0x61, 0x0a, 0xc3, 0xa9, 0xc0, 0xaf])).toEqual({ file: 'f.xlf', line: 2, column: 2, offset: 4 });
    expect(failure([0x61, 0xed, 0xa0, 0x80])).toMatchObject({ line: 1, column: 2 });
    expect(failure([0x0a, 0x0a, 0x61, 0x62, 0xe2, 0x82])).toMatchObject({ line: 3, column: 3, offset: 4 });
  });
});

describe('import of a library file', () => {
  it('refuses a NUL at the start of a title, naming the record and the field; the library is unchanged', async () => {
    const db = await starter.copy();
    const before = sha256File(db);
    const doc = smallDocument();
    doc.notes[0]!.title.fr!.text = '\u0000Titre';
    const file = writeJson(path.join(tempDir(), 'nul.json'), doc);
    const result = await cli(['import', file, '--db', db]);
    expect(result.code).toBe(1);
    const line = oneLine(result.stderr);
    expect(line).toContain(`notes[0] (${doc.notes[0]!.id}) title.fr.text`);
    expect(line).toContain('control character U+0000 (line 1, column 1)');
    expect(line).not.toMatch(/Unexpected|CHECK constraint/);
    expect(sha256File(db)).toBe(before);
  });

  it('refuses a lone surrogate written as a JSON escape', async () => {
    const db = await starter.copy();
    const doc = smallDocument();
    const file = path.join(tempDir(), 'surrogate.json');
    fs.writeFileSync(file, JSON.stringify(doc).replace('"Source B (en)"', '"Source \\ud800B"'));
    const result = await cli(['import', file, '--db', db]);
    expect(result.code).toBe(1);
    expect(oneLine(result.stderr)).toMatch(/sources\[0\] \(t-src-b\) title\.en\.text: holds half of a character \(U\+D800/);
  });

  it('refuses invalid UTF-8 bytes with the line and column, instead of replacing them', async () => {
    const db = await starter.copy();
    const json = JSON.stringify(smallDocument(), null, 2).replace('"Source B (en)"', '"Source XB"');
    const bytes = Buffer.from(json, 'utf8');
    const at = bytes.indexOf('XB');
    bytes[at] = 0xff;
    const file = path.join(tempDir(), 'latin.json');
    fs.writeFileSync(file, bytes);
    const lineNo = json.slice(0, json.indexOf('XB')).split('\n').length;
    const column = json.indexOf('XB') - json.lastIndexOf('\n', json.indexOf('XB'));
    const result = await cli(['import', file, '--db', db]);
    expect(result.code).toBe(1);
    expect(oneLine(result.stderr)).toContain(`${file} is not valid UTF-8 text: the bytes at line ${lineNo}, column ${column}`);
  });

  it('stores CR LF line ends as LF', async () => {
    const db = await starter.copy();
    const doc = smallDocument();
    doc.notes[0]!.body.fr!.text = 'Ligne un\r\nLigne deux\rLigne trois';
    const file = writeJson(path.join(tempDir(), 'crlf.json'), doc);
    expect((await cli(['import', file, '--db', db])).code).toBe(0);
    const exported = JSON.parse((await exportBytes(db)).toString('utf8')) as { notes: NoteDoc[] };
    expect(exported.notes.find((n) => n.id === doc.notes[0]!.id)!.body.fr!.text).toBe('Ligne un\nLigne deux\nLigne trois');
  });
});

describe('a text that reaches the library another way', () => {
  it('briefing packs create with a control character in its title is refused by name, and nothing is created', async () => {
    const db = await starter.copy();
    const before = sha256File(db);
    const result = await cli(['packs', 'create', '--slug', 'bell-pack', '--title', 'Bell\u0007', '--db', db]);
    expect(result.code).toBe(1);
    expect(oneLine(result.stderr)).toBe(
      'pack-bell-pack title (en) holds the control character U+0007 (line 1, column 5); only tab and line breaks are allowed. Nothing was saved.',
    );
    expect(sha256File(db)).toBe(before);
  });
});

describe('API inputs', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => app.close());

  it('a saved note with NUL in its title is refused by the same rule, naming the field', async () => {
    const note = smallDocument().notes[0]!;
    const record = { ...note, id: 'note-with-nul', instruments: [], priorities: [], sources: [], title: { fr: { text: '\u0000x', status: 'draft' } } };
    const result = (await app.api.invoke('library.saveNote', { record })) as ApiResult<unknown>;
    expect(result.ok).toBe(false);
    const error = (result as { error: ApiError }).error;
    expect(error.code).toBe('api.invalidInput');
    expect(error.problems).toEqual([
      { path: ['record', 'title', 'fr', 'text'], key: 'controlCharacter', values: { character: 'U+0000', line: 1, column: 1 } },
    ]);
    const get = (await app.api.invoke('library.get', { id: 'note-with-nul' })) as ApiResult<unknown>;
    expect(get.ok).toBe(false);
  });

  it('a translation with a lone surrogate is refused', async () => {
    const result = (await app.api.invoke('library.search', { query: 'a\udfffb', locale: 'en' })) as ApiResult<unknown>;
    expect(result.ok).toBe(false);
    expect((result as { error: ApiError }).error.problems[0]).toMatchObject({ path: ['query'], key: 'loneSurrogate' });
  });
});

describe('XLIFF', () => {
  const ROOT = '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="fr">';
  const unit = (target: string) =>
    `${ROOT}<file id="f"><unit id="u"><segment><source>Hello</source><target>${target}</target></segment></unit></file></xliff>`;
  const failure = (xml: string) => {
    try {
      readXliff(xml);
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      return { code: (error as AppError).code, params: (error as AppError).params };
    }
    throw new Error('accepted');
  };

  it('<cp> stands only for a character XML allows: NUL, surrogates and out-of-range values are named', () => {
    expect(readXliff(unit('A<cp hex="1F600"/>')).units[0]!.target).toBe('A😀');
    for (const hex of ['0000', '1', 'D800', 'DFFF', 'FFFE', '110000', 'zz', '']) {
      expect(failure(unit(`<cp hex="${hex}"/>`))).toEqual({ code: 'xliff.badCodePoint', params: { file: 'f', unit: 'u', line: 1, hex } });
    }
  });

  it('a translation holding a C1 control through <cp> is refused by the text rule', () => {
    expect(failure(unit('x<cp hex="85"/>'))).toMatchObject({ code: 'xliff.controlCharacter', params: { character: 'U+0085' } });
  });

  it('10,000 nested elements get a named error, not a stack overflow', () => {
    const depth = 10_000;
    const xml = unit(`${'<pc id="p">'.repeat(depth)}x${'</pc>'.repeat(depth)}`);
    expect(failure(xml)).toMatchObject({ code: 'xliff.tooDeep', params: { limit: 256, element: 'pc', line: 1 } });
    const groups = `${ROOT}<file id="f">${'<group id="g">'.repeat(depth)}${'</group>'.repeat(depth)}</file></xliff>`;
    expect(failure(groups)).toMatchObject({ code: 'xliff.tooDeep' });
  });

  it('an attribute of a megabyte is refused with its element and size', () => {
    const xml = `${ROOT}<file id="f"><unit id="${'u'.repeat(1_000_000)}"><segment><source>a</source></segment></unit></file></xliff>`;
    expect(failure(xml)).toEqual({
      code: 'xliff.attributeTooLong',
      params: { line: 1, column: expect.any(Number), element: 'unit', attribute: 'id', length: 1_000_000, limit: 65_536 },
    });
  });

  it('briefing xliff import names invalid UTF-8 with line and column', async () => {
    const db = await starter.copy();
    const file = path.join(tempDir(), 'bad.xlf');
    const bytes = Buffer.from(`<?xml version="1.0"?>\n${unit('Bonjour X')}`, 'utf8');
    bytes[bytes.indexOf('X')] = 0xc3; // a lead byte with no continuation
    fs.writeFileSync(file, bytes);
    const result = await cli(['xliff', 'import', file, '--db', db]);
    expect(result.code).toBe(1);
    expect(oneLine(result.stderr)).toMatch(/is not valid UTF-8 text: the bytes at line 2, column \d+/);
  });
});
