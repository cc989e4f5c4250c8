import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiError, ApiResult } from '../../shared/api/apiContract';
import { cli, tempDir } from '../helpers/cli';
import { smallDocument } from '../helpers/documents';
import { oneLine, sha256File, StarterTemplate, writeJson } from '../helpers/library';
import { startTestApp, type TestApp } from '../helpers/server';

/**
 * A field that must be one of a few words (a text's status, a language) and is missing is a
 * missing field, like any other: not the word "undefined" offered as a wrong choice.
 */
const starter = new StarterTemplate();

describe('a choice field left out', () => {
  it('in a library file: "required field is missing", naming the record and field', async () => {
    const db = await starter.copy();
    const before = sha256File(db);
    const doc = smallDocument();
    const note = doc.notes[0]!;
    const title = { ...note.title } as Record<string, { text: string; status?: string }>;
    const [locale, text] = Object.entries(title)[0]!;
    title[locale] = { text: text.text };
    doc.notes[0] = { ...note, title } as typeof note;
    const file = writeJson(path.join(tempDir(), 'no-status.json'), doc);
    const result = await cli(['import', file, '--db', db]);
    expect(result.code).toBe(1);
    const message = oneLine(result.stderr);
    expect(message).toContain(`notes[0] (${note.id}) title.${locale}.status: required field is missing`);
    expect(message).not.toContain('undefined');
    expect(sha256File(db)).toBe(before);
  });

  describe('in an API call', () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await startTestApp();
    });
    afterAll(async () => app.close());

    it('is named as required; a wrong choice still lists the choices', async () => {
      const missing = (await app.api.invoke('library.list', { kind: 'notes' })) as ApiResult<unknown>;
      expect(missing.ok).toBe(false);
      expect((missing as { error: ApiError }).error.problems).toEqual([{ path: ['locale'], key: 'required', values: {} }]);
      const wrong = (await app.api.invoke('library.list', { kind: 'notes', locale: 'de' })) as ApiResult<unknown>;
      expect((wrong as { error: ApiError }).error.problems).toEqual([{ path: ['locale'], key: 'badEnum', values: { value: 'de', options: 'en, fr, es' } }]);
    });
  });
});
