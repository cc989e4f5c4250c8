import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors/AppError';
import { cutForMessage } from '../../shared/errors/cutForMessage';
import { cli, tempDir } from '../helpers/cli';
import { oneLine, StarterTemplate, writeJson } from '../helpers/library';

const starter = new StarterTemplate();
const ROOT = '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="fr">';

describe('long values are cut in messages', () => {
  it('keeps the start and the end, and says how much was left out', () => {
    expect(cutForMessage('short')).toBe('short');
    const cut = cutForMessage(`${'a'.repeat(1000)}END`);
    expect(cut.length).toBeLessThan(320);
    expect(cut).toMatch(/^a{210}…\(\+\d+\)…a+END$/);
  });

  it('every AppError cuts its values and its problems\' values', () => {
    const error = new AppError('x', { id: 'i'.repeat(20_000_000), n: 3 }, [{ path: ['a'], key: 'k', values: { value: 'v'.repeat(5000) } }]);
    expect(String(error.params.id).length).toBeLessThan(320);
    expect(error.params.n).toBe(3);
    expect(String(error.problems[0]!.values.value).length).toBeLessThan(320);
    expect(error.message.length).toBeLessThan(400);
  });

  it('an XLIFF unit id of 60,000 characters is not echoed whole; one of 20 MB is refused by its size', async () => {
    const db = await starter.copy();
    const dir = tempDir();
    const file = path.join(dir, 'long-id.xlf');
    const unit = (id: string) => `${ROOT}<file id="f"><unit id="${id}"><segment><source>a</source><target>b</target></segment></unit></file></xliff>`;
    fs.writeFileSync(file, unit(`start${'u'.repeat(60_000)}`));
    const result = await cli(['xliff', 'import', file, '--db', db]);
    expect(result.code).toBe(1);
    expect(result.stderr.length).toBeLessThan(600);
    expect(oneLine(result.stderr)).toMatch(/^Nothing imported: unit startu+…\(\+\d+\)…u+ of file f is not a text of this library$/);

    const huge = path.join(dir, 'huge-id.xlf');
    fs.writeFileSync(huge, unit('u'.repeat(20 * 1024 * 1024)));
    const refused = await cli(['xliff', 'import', huge, '--db', db]);
    expect(refused.code).toBe(1);
    expect(refused.stderr.length).toBeLessThan(600);
    expect(oneLine(refused.stderr)).toContain('The attribute id of <unit> at line 1');
  }, 60_000);
});

describe('an unknown top-level key', () => {
  it('is named in words, in each language', async () => {
    const db = await starter.copy();
    const file = writeJson(path.join(tempDir(), 'extra.json'), {
      format: 'briefing-library',
      formatVersion: 1,
      sources: [],
      countries: [],
      networks: [],
      meetings: [],
      priorities: [],
      instruments: [],
      notes: [],
      packs: [],
      extraThing: 1,
    });
    const en = await cli(['import', file, '--db', db]);
    expect(en.code).toBe(1);
    expect(oneLine(en.stderr)).toBe(`${file}: unknown field "extraThing" at the top level: the file or request does not know it`);
    const fr = await cli(['import', file, '--db', db], { BRIEFING_LOCALE: 'fr' });
    expect(oneLine(fr.stderr)).toContain('champ inconnu « extraThing » au premier niveau');
    const es = await cli(['import', file, '--db', db], { BRIEFING_LOCALE: 'es' });
    expect(oneLine(es.stderr)).toContain('campo desconocido «extraThing» en el nivel superior');
    expect(en.stderr + fr.stderr + es.stderr).not.toMatch(/unknownField|unknownTopField/);
  });
});

describe('xliff export with nothing to translate', () => {
  it('says so instead of "Unexpected error", and writes no file', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'empty.sqlite');
    expect((await cli(['init', '--db', db, '--empty'])).code).toBe(0);
    const out = path.join(dir, 'out.xlf');
    const result = await cli(['xliff', 'export', '--lang', 'fr', '--from', 'en', '--db', db, '--out', out]);
    expect(result.code).toBe(1);
    expect(oneLine(result.stderr)).toBe('Nothing to translate from en into fr: the library has no en text (with these options), so no XLIFF file was written.');
    expect(fs.existsSync(out)).toBe(false);
  });
});
