import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors/AppError';
import { readXliff, XLIFF_MAX_BYTES } from '../../main/xliff/readXliff';

const ROOT = '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="fr">';
const wrap = (body: string) => `${ROOT}\n<file id="f">\n${body}\n</file>\n</xliff>`;

function failure(xml: string): { code: string; params: Record<string, unknown> } {
  try {
    readXliff(xml);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    const { code, params } = error as AppError;
    return { code, params };
  }
  throw new Error('readXliff accepted the input');
}

describe('readXliff refuses what it cannot read', () => {
  it('empty input, whitespace or a lone BOM', () => {
    for (const xml of ['', '  \r\n\t', '\ufeff']) expect(failure(xml)).toEqual({ code: 'xliff.empty', params: {} });
  });

  it('a file over 32 MiB, counted in UTF-8 bytes', () => {
    expect(XLIFF_MAX_BYTES).toBe(32 * 1024 * 1024);
    expect(failure('x'.repeat(33 * 1024 * 1024))).toEqual({ code: 'xliff.tooLarge', params: { size: 33, limit: 32 } });
    // 17 Mi characters, but 34 MiB once encoded.
    expect(failure('é'.repeat(17 * 1024 * 1024))).toEqual({ code: 'xliff.tooLarge', params: { size: 34, limit: 32 } });
  });

  it('text that is not XML, with the line and column of the fault', () => {
    expect(failure('Not XML at all')).toEqual({ code: 'xliff.notXml', params: { line: 1, column: 14, detail: expect.stringContaining('root') } });
    const unclosed = failure(`<?xml version="1.0"?>\n${ROOT}\n  <file id="f">\n    <unit id="u">\n  </file>\n</xliff>`);
    expect(unclosed).toEqual({ code: 'xliff.notXml', params: { line: 5, column: 9, detail: expect.stringContaining('<unit> opened at line 4') } });
  });

  it('XML that a lenient parser would repair: unquoted attribute, undefined entity, truncated file', () => {
    expect(failure(`${ROOT}<file id=f/></xliff>`)).toMatchObject({ code: 'xliff.notXml', params: { line: 1 } });
    expect(failure(wrap('<unit id="u"><segment><source>&nbsp;</source></segment></unit>'))).toMatchObject({ code: 'xliff.notXml', params: { line: 3 } });
    expect(failure(`${ROOT}\n<file id="f">\n<unit id="u"><segment><source>cut`)).toMatchObject({ code: 'xliff.notXml' });
  });

  it('entities declared in a DOCTYPE, which are never expanded', () => {
    const bomb = `<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>${wrap('<unit id="u"><segment><source>&b;</source></segment></unit>')}`;
    expect(failure(bomb)).toMatchObject({ code: 'xliff.notXml', params: { detail: expect.stringContaining('&b;') } });
  });

  it('XML that is not XLIFF', () => {
    expect(failure('<html><body>Hello</body></html>')).toEqual({ code: 'xliff.notXliff', params: { element: 'html' } });
    expect(failure('<xliff version="2.0" srcLang="en" trgLang="fr"/>')).toEqual({ code: 'xliff.notXliff', params: { element: 'xliff xmlns=""' } });
  });

  it('XLIFF 1.2, and versions after 2.1', () => {
    const xliff12 = fs.readFileSync(new URL('../fixtures/xliff/xliff-1.2.xlf', import.meta.url), 'utf8');
    expect(failure(xliff12)).toEqual({ code: 'xliff.unsupportedVersion', params: { version: '1.2' } });
    expect(failure('<xliff version="1.1"><file/></xliff>')).toEqual({ code: 'xliff.unsupportedVersion', params: { version: '1.1' } });
    expect(failure('<xliff xmlns="urn:oasis:names:tc:xliff:document:2.2" version="2.2" srcLang="en"/>')).toEqual({
      code: 'xliff.unsupportedVersion',
      params: { version: '2.2' },
    });
    expect(failure(ROOT.replace('"2.0" srcLang', '"3.0" srcLang') + '</xliff>')).toEqual({ code: 'xliff.unsupportedVersion', params: { version: '3.0' } });
  });

  it('a missing or empty srcLang or trgLang', () => {
    expect(failure(ROOT.replace(' srcLang="en"', '') + '</xliff>')).toEqual({ code: 'xliff.missingLanguage', params: { attribute: 'srcLang' } });
    expect(failure(ROOT.replace(' trgLang="fr"', '') + '</xliff>')).toEqual({ code: 'xliff.missingLanguage', params: { attribute: 'trgLang' } });
    expect(failure(ROOT.replace('trgLang="fr"', 'trgLang=" "') + '</xliff>')).toEqual({ code: 'xliff.missingLanguage', params: { attribute: 'trgLang' } });
  });

  it('a document without any unit', () => {
    expect(failure(`${ROOT}</xliff>`)).toEqual({ code: 'xliff.noUnits', params: {} });
    expect(failure(wrap('<group id="g"/>'))).toEqual({ code: 'xliff.noUnits', params: {} });
  });

  it('a <file> without id, or two with the same id', () => {
    expect(failure(`${ROOT}\n<file>\n</file></xliff>`)).toEqual({ code: 'xliff.fileWithoutId', params: { line: 2 } });
    const twice = `${ROOT}\n<file id="f"><unit id="u"><segment><source>a</source></segment></unit></file>\n<file id="f"/></xliff>`;
    expect(failure(twice)).toEqual({ code: 'xliff.duplicateFileId', params: { file: 'f', line: 3 } });
  });

  it('a unit without id', () => {
    expect(failure(wrap('<unit><segment><source>a</source></segment></unit>'))).toEqual({ code: 'xliff.unitWithoutId', params: { file: 'f', line: 3 } });
  });

  it('two units of one file with the same id, even in different groups', () => {
    const body = '<unit id="u"><segment><source>a</source></segment></unit>\n<group id="g">\n<unit id="u"><segment><source>b</source></segment></unit></group>';
    expect(failure(wrap(body))).toEqual({ code: 'xliff.duplicateUnitId', params: { file: 'f', unit: 'u', line: 5 } });
  });

  it('a unit with no segment', () => {
    expect(failure(wrap('<unit id="u"><ignorable><source> </source></ignorable></unit>'))).toEqual({
      code: 'xliff.unitWithoutSegment',
      params: { file: 'f', unit: 'u', line: 3 },
    });
  });

  it('a tag in a target that does not exist in its source', () => {
    const body =
      '<unit id="u"><originalData><data id="d1">{{n}}</data></originalData>\n' +
      '<segment><source>a <ph id="1" dataRef="d1"/></source>\n<target>b <ph id="1"/> <ph id="2"/></target></segment></unit>';
    expect(failure(wrap(body))).toEqual({ code: 'xliff.unknownCode', params: { file: 'f', unit: 'u', code: '2', line: 5 } });
  });

  it('a target tag whose end was dropped', () => {
    const body =
      '<unit id="u"><originalData><data id="d1">**</data></originalData>\n' +
      '<segment><source><pc id="1" dataRefStart="d1" dataRefEnd="d1">a</pc></source>\n<target><sc id="1"/>b</target></segment></unit>';
    expect(failure(wrap(body))).toEqual({ code: 'xliff.unclosedCode', params: { file: 'f', unit: 'u', code: '1', line: 5 } });
  });

  it('a target tag of another kind than the source tag with its id', () => {
    const body =
      '<unit id="u"><originalData><data id="d1">{{n}}</data></originalData>\n' +
      '<segment><source><ph id="1" dataRef="d1"/></source>\n<target><pc id="1">b</pc></target></segment></unit>';
    expect(failure(wrap(body))).toEqual({ code: 'xliff.codeMismatch', params: { file: 'f', unit: 'u', code: '1', line: 5 } });
  });

  it('a source tag whose original data is gone with nothing to restore it from', () => {
    const body = '<unit id="u">\n<segment><source>a <ph id="1" dataRef="d1"/></source></segment></unit>';
    expect(failure(wrap(body))).toEqual({ code: 'xliff.missingCodeData', params: { file: 'f', unit: 'u', code: '1', line: 4 } });
  });
});

describe('xliff error messages', () => {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const dir = path.join(root, 'main/xliff');
  const used = new Set(
    fs
      .readdirSync(dir)
      .flatMap((file) => [...fs.readFileSync(path.join(dir, file), 'utf8').matchAll(/'xliff\.(\w+)'/g)].map((m) => m[1]!)),
  );

  it.each(['en', 'fr', 'es'])('%s has a message for every code the reader throws, and no other', (locale) => {
    const errors = JSON.parse(fs.readFileSync(path.join(root, 'shared/locales', locale, 'errors.json'), 'utf8'));
    expect(used.size).toBeGreaterThanOrEqual(15);
    expect(Object.keys(errors.xliff).sort()).toEqual([...used].sort());
  });
});
