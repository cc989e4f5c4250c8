import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiError, ApiResult } from '../../shared/api/apiContract';
import { cli, tempDir } from '../helpers/cli';
import { smallDocument } from '../helpers/documents';
import { oneLine, sha256File, StarterTemplate, writeJson } from '../helpers/library';
import { startTestApp, type TestApp } from '../helpers/server';

/**
 * A record's id is quoted at the head of each of its problems ("notes[0] (note-x) title.en: …").
 * A library file may hold any id before it is checked, so a 20 MB one must be cut there too, as
 * every other quoted value is (cutForMessage), in the CLI and in the app.
 */
const starter = new StarterTemplate();
const HUGE_ID = `note-${'x'.repeat(20 * 1024 * 1024)}-end`;

function fileWithHugeId(): { file: string; text: string } {
  const doc = smallDocument();
  doc.notes[0] = { ...doc.notes[0]!, id: HUGE_ID, title: { fr: { text: '\u0000x', status: 'draft' } } };
  const file = writeJson(path.join(tempDir(), 'huge-id.json'), doc);
  return { file, text: JSON.stringify(doc) };
}

describe('a record id of 20 MB in a library file', () => {
  it('briefing import names the record by a cut id (start and end kept) and changes nothing', async () => {
    const db = await starter.copy();
    const before = sha256File(db);
    const { file } = fileWithHugeId();
    const result = await cli(['import', file, '--db', db]);
    expect(result.code).toBe(1);
    expect(result.stderr.length).toBeLessThan(2000);
    const message = oneLine(result.stderr);
    expect(message).toMatch(/notes\[0\] \(note-x+…\(\+\d+\)…x+-end\)/);
    expect(message).toContain('U+0000');
    expect(sha256File(db)).toBe(before);
  }, 60_000);

  describe('in the app (library.importFile, parsed in the import worker)', () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await startTestApp();
    });
    afterAll(async () => app.close());

    it('answers with problems whose record id is cut', async () => {
      const { text } = fileWithHugeId();
      const result = (await app.api.invoke('library.importFile', { text, fileName: 'huge-id.json', dryRun: true })) as ApiResult<unknown>;
      expect(result.ok).toBe(false);
      const error = (result as { error: ApiError }).error;
      expect(error.problems.length).toBeGreaterThan(0);
      expect(JSON.stringify(error).length).toBeLessThan(5000);
      for (const problem of error.problems) {
        if (problem.recordId === undefined) continue;
        expect(problem.recordId.length).toBeLessThan(320);
        expect(problem.recordId).toMatch(/^note-x+…\(\+\d+\)…x+-end$/);
      }
    }, 60_000);
  });
});
