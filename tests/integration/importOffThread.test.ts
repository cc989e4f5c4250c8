import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ImportParser } from '../../main/services/importWorker/ImportParser';
import { importLibraryText } from '../../main/services/importLibraryText';
import { serializeLibrary } from '../../main/services/exportLibrary';
import { AppError } from '../../shared/errors/AppError';
import { writeTbx } from '../../main/terms/writeTbx';
import { postApi, startTestApp, type TestApp } from '../helpers/server';

/**
 * Heavy imports are parsed in the import worker: the thread that answers requests stays free.
 * The large file is about 30 MB (the limit is 32): a whole library's worth of XLIFF units.
 */
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => app.close());

const cache = new Map<number, string>();
function largeXliff(units = 10_000): string {
  const cached = cache.get(units);
  if (cached) return cached;
  const text = 'Le texte d’une note assez longue pour peser, avec des accents é è à ç. '.repeat(20);
  const body = Array.from({ length: units }, (_, i) => `<unit id="u${i}"><segment><source>${text}</source><target>${text}</target></segment></unit>`).join('');
  const xml = `<?xml version="1.0"?><xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="fr" trgLang="en"><file id="prio-rps-1">${body}</file></xliff>`;
  cache.set(units, xml);
  return xml;
}

const call = (channel: string, input: unknown) => postApi(app.server, channel, input);

describe('an import being parsed does not hold up other requests', () => {
  it('answers small requests while a 30 MB XLIFF file is parsed, then answers the import', async () => {
    const xml = largeXliff();
    expect(Buffer.byteLength(xml)).toBeGreaterThan(29 * 1024 * 1024);
    let importAnswered = false;
    const importing = call('translation.importXliff', { xml, dryRun: true }).finally(() => (importAnswered = true));
    // The server has read the request and handed the file to the worker.
    await vi.waitUntil(() => app.ctx.imports.pending > 0, { timeout: 20_000, interval: 2 });
    const answered: unknown[] = [];
    while (answered.length < 3) {
      const info = await call('app.info', {});
      const list = await call('library.list', { kind: 'priorities', locale: 'fr' });
      if (importAnswered) break;
      answered.push(info.ok && info.value, list.ok && list.value);
    }
    expect(importAnswered).toBe(false);
    expect(answered[0]).toMatchObject({ version: 'test', mode: 'browser' });
    expect(answered[1]).toHaveLength(7);
    // The file was read whole: its units name texts this library does not have.
    const result = await importing;
    expect(result).toMatchObject({ ok: false, error: { code: 'xliffImport.unknownUnits' } });
  });

  it('keeps a failure in the file a named, translated error (not a worker failure)', async () => {
    const result = await call('translation.importXliff', { xml: '<xliff version="2.0"><file', dryRun: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'xliff.notXml' } });
  });
});

describe('ImportParser limits', () => {
  it('stops a file that takes too long, says so, and reads the next file', async () => {
    const parser = new ImportParser({ timeoutMs: 50 });
    try {
      const slow = parser.readXliff(largeXliff(2000));
      await expect(slow).rejects.toMatchObject({ code: 'importWorker.tooSlow', params: { seconds: 0 } });
      const next = new ImportParser({ timeoutMs: 30_000 });
      try {
        expect((await next.readXliff(largeXliff(2))).units).toHaveLength(2);
      } finally {
        await next.close();
      }
    } finally {
      await parser.close();
    }
  });

  it('stops a file that needs more memory than allowed, and works again after', async () => {
    const parser = new ImportParser({ heapMb: 64 });
    try {
      await expect(parser.readXliff(largeXliff())).rejects.toMatchObject({ code: 'importWorker.outOfMemory', params: { limit: 64 } });
      const doc = await parser.readXliff(largeXliff(3));
      expect(doc.units.map((u) => u.id)).toEqual(['u0', 'u1', 'u2']);
    } finally {
      await parser.close();
    }
  });
});

describe('library files through the import worker', () => {
  it('reports a dry run like briefing import, and names what is wrong where it is', async () => {
    const text = serializeLibrary(app.ctx.store.readDocument());
    const report = await importLibraryText(app.ctx.store, app.ctx.imports, text, 'library.json', { dryRun: true });
    expect(report.counts.priorities).toEqual({ added: 0, updated: 0, unchanged: 7 });

    await expect(importLibraryText(app.ctx.store, app.ctx.imports, '{"format": "briefing-library",\n  "formatVersion": 1,, }', 'broken.json', { dryRun: true }))
      .rejects.toMatchObject({ code: 'import.malformedJson', params: { file: 'broken.json', line: 2 } });

    const doc = JSON.parse(text);
    doc.priorities[2].number = 'three';
    const invalid = importLibraryText(app.ctx.store, app.ctx.imports, JSON.stringify(doc), 'edited.json', { dryRun: false });
    await expect(invalid).rejects.toBeInstanceOf(AppError);
    const error = (await invalid.catch((e: AppError) => e)) as AppError;
    expect(error.code).toBe('import.invalid');
    expect(error.problems[0]).toMatchObject({ path: ['priorities', 2, 'number'], recordId: doc.priorities[2].id });
  });

  it('refuses a text over the import limit before parsing it', async () => {
    const huge = `{"x":"${'a'.repeat(33 * 1024 * 1024)}"}`;
    await expect(importLibraryText(app.ctx.store, app.ctx.imports, huge, 'huge.json', { dryRun: true })).rejects.toMatchObject({ code: 'import.fileTooLarge' });
  });
});


describe('a termbase through the import worker', () => {
  it('answers small requests while a large TBX file is read, then imports it', async () => {
    const note = 'Une définition assez longue pour peser, avec des accents é è à ç. '.repeat(24);
    const term = (locale: 'fr' | 'en', text: string) =>
      ({ locale, text, status: 'preferred', note: null, approval: 'draft', approvedBy: null, approvedAt: null }) as const;
    const concepts = Array.from({ length: 5_000 }, (_, i) => ({
      id: `c-bulk-${i}`,
      subject: null,
      note,
      source: null,
      terms: [term('fr', `terme ${i}`), term('en', `term ${i}`)],
    }));
    const xml = writeTbx(concepts, 'bulk');
    expect(Buffer.byteLength(xml)).toBeGreaterThan(8 * 1024 * 1024);
    let importAnswered = false;
    const importing = call('terms.importTbx', { xml }).finally(() => (importAnswered = true));
    await vi.waitUntil(() => app.ctx.imports.pending > 0, { timeout: 20_000, interval: 2 });
    // Were the file read on the request thread, this would wait for the whole import.
    const info = await call('app.info', {});
    expect(importAnswered).toBe(false);
    expect(info).toMatchObject({ ok: true, value: { mode: 'browser' } });
    const result = await importing;
    expect(result).toMatchObject({ ok: true, value: { concepts: 5_000 } });
    const list = await call('terms.list', {});
    expect(list.ok && (list.value as unknown[]).length).toBeGreaterThanOrEqual(5_000);
  });

  it('keeps a fault in the file a named, translated error', async () => {
    const result = await call('terms.importTbx', { xml: '<tbx><text' });
    expect(result).toMatchObject({ ok: false, error: { code: expect.stringMatching(/^tbx\./) } });
  });
});
