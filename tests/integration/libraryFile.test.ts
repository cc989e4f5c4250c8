import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiError, ApiResult } from '../../shared/api/apiContract';
import type { LibraryImportReport } from '../../shared/api/libraryFileTypes';
import type { LibraryDocument } from '../../shared/schemas/libraryDocument';
import { serializeLibrary } from '../../main/services/exportLibrary';
import { checkLibrary } from '../../main/services/checkLibrary';
import { exportBytes } from '../helpers/library';
import { postApi, startTestApp, type TestApp } from '../helpers/server';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => app.close());

async function call<T>(channel: string, input: unknown): Promise<T> {
  const result = (await postApi<T>(app.server, channel, input)) as ApiResult<T>;
  expect(result.ok, JSON.stringify(result).slice(0, 2000)).toBe(true);
  return (result as { ok: true; value: T }).value;
}
async function refused(channel: string, input: unknown): Promise<ApiError> {
  const result = await postApi(app.server, channel, input);
  expect(result.ok).toBe(false);
  return (result as { ok: false; error: ApiError }).error;
}
const exported = () => serializeLibrary(app.ctx.store.readDocument());

describe('library.exportFile', () => {
  it('gives the same bytes as `briefing export`, under a dated file name', async () => {
    const file = await call<{ fileName: string; json: string; savedTo: string | null }>('library.exportFile', {});
    expect(file.fileName).toMatch(/^briefing-library-\d{4}-\d{2}-\d{2}\.json$/);
    expect(file.savedTo).toBeNull();
    expect(Buffer.from(file.json)).toEqual(await exportBytes(app.library.path));
  });
});

describe('library.exportFile in the desktop app', () => {
  it('offers the save dialog with the JSON and says where it was saved, or that it was not', async () => {
    const saved: { fileName: string; text: string; extension: string }[] = [];
    let answer: string | null = '/home/staff/briefing-library.json';
    app.ctx.desktop = {
      savePdf: async () => null,
      openPdf: async () => false,
      chooseLibraryCopy: async () => null,
      saveText: async (fileName, text, extension) => {
        saved.push({ fileName, text, extension });
        return answer;
      },
    };
    try {
      const file = await call<{ fileName: string; json: string; savedTo: string | null }>('library.exportFile', {});
      expect(file.savedTo).toBe('/home/staff/briefing-library.json');
      expect(saved).toEqual([{ fileName: file.fileName, text: exported(), extension: 'json' }]);
      answer = null;
      expect((await call<{ savedTo: string | null }>('library.exportFile', {})).savedTo).toBeNull();
    } finally {
      delete app.ctx.desktop;
    }
  });
});

describe('library.importFile', () => {
  it('counts what a file would add, update and leave unchanged, per kind, changing nothing; then imports it', async () => {
    const before = exported();
    const doc = JSON.parse(before) as LibraryDocument;
    doc.sources.push({ id: 'src-new-report', title: { es: { text: 'Informe nuevo', status: 'draft' } }, issuer: 'OEA', place: null, date: '2025', url: null });
    doc.notes[0]!.tags = [...doc.notes[0]!.tags, 'nueva-etiqueta'].sort();
    const text = JSON.stringify(doc, null, 2);
    const dry = await call<LibraryImportReport>('library.importFile', { text, fileName: 'cambios.json', dryRun: true });
    expect(dry.dryRun).toBe(true);
    expect(dry.counts.sources).toEqual({ added: 1, updated: 0, unchanged: doc.sources.length - 1 });
    expect(dry.counts.notes).toEqual({ added: 0, updated: 1, unchanged: doc.notes.length - 1 });
    expect(dry.counts.priorities).toEqual({ added: 0, updated: 0, unchanged: 7 });
    expect(exported()).toBe(before);

    const done = await call<LibraryImportReport>('library.importFile', { text, fileName: 'cambios.json', dryRun: false });
    expect(done.counts).toEqual(dry.counts);
    const after = app.ctx.store.readDocument();
    expect(after.sources.map((s) => s.id)).toContain('src-new-report');
    expect(checkLibrary(app.ctx.store.db).problems).toEqual([]);
  });

  it('names a file that is not JSON, not a library file, or refers to missing pieces, leaving the library byte-identical', async () => {
    const before = exported();
    const notJson = await refused('library.importFile', { text: 'Dear colleagues,\nplease find…', fileName: 'letter.json', dryRun: true });
    expect(notJson.code).toBe('import.malformedJson');
    expect(notJson.params).toMatchObject({ file: 'letter.json', line: 1 });

    const notLibrary = await refused('library.importFile', { text: '{"name": "package", "version": "1.0.0"}', fileName: 'package.json', dryRun: false });
    expect(notLibrary.code).toBe('import.notLibrary');

    const doc = JSON.parse(before) as LibraryDocument;
    doc.notes[0]!.instruments.push('inst-does-not-exist');
    doc.packs[0]!.meetingId = 'meet-nowhere';
    const dangling = await refused('library.importFile', { text: JSON.stringify(doc), fileName: 'dangling.json', dryRun: false });
    expect(dangling.code).toBe('import.invalid');
    const problems = dangling.problems.map((p) => `${p.path.join('.')} ${p.key}`);
    expect(problems).toContain(`notes.0.instruments.${doc.notes[0]!.instruments.length - 1} unknownReference`);
    expect(problems).toContain('packs.0.meetingId unknownReference');
    expect(dangling.problems.every((p) => p.recordId !== undefined)).toBe(true);

    const badField = JSON.parse(before) as LibraryDocument;
    badField.meetings[0]!.endDate = '2020-01-01';
    const invalid = await refused('library.importFile', { text: JSON.stringify(badField), fileName: 'dates.json', dryRun: true });
    expect(invalid.problems.map((p) => `${p.path.join('.')} ${p.key}`)).toContain('meetings.0.endDate endBeforeStart');

    expect((await refused('library.importFile', { text: '{}', fileName: '', dryRun: true })).code).toBe('api.invalidInput');
    expect(exported()).toBe(before);
    expect(checkLibrary(app.ctx.store.db).problems).toEqual([]);
  });
});
