import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../shared/api/apiContract';
import type { TmxImportReport } from '../../shared/memory/memoryTypes';
import { startTestApp, type TestApp } from '../helpers/server';

/*
 * memory.importTmx, the app's way in for a TMX file: a dry run sums it up and writes nothing,
 * the import puts its pairs in the external memory under the file's name, and a refused file
 * leaves the memory as it was.
 */

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.close();
});

async function invoke<T>(channel: string, input: unknown): Promise<ApiResult<T>> {
  return (await app.api.invoke(channel as never, input as never)) as ApiResult<T>;
}

const OMEGAT = `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header creationtool="OmegaT" creationtoolversion="6.0.0" o-tmf="OmegaT TMX" datatype="PlainText" segtype="paragraph" adminlang="EN-US" srclang="EN-US"/>
  <body>
    <tu><tuv xml:lang="EN-US"><seg>Open parliament action plans.</seg></tuv><tuv xml:lang="FR-CA"><seg>Plans d’action pour un parlement ouvert.</seg></tuv></tu>
    <tu><tuv xml:lang="EN-US"><seg>Gender equality in the region.</seg></tuv><tuv xml:lang="ES-419"><seg>La igualdad de género en la región.</seg></tuv></tu>
    <tu><tuv xml:lang="EN-US"><seg>Climate change and parliaments.</seg></tuv><tuv xml:lang="ES-419"><seg>El cambio climático y los parlamentos.</seg></tuv></tu>
  </body>
</tmx>
`;

const memoryRows = () => app.ctx.store.db.prepare('SELECT origin, source_locale, target_locale, source, target FROM external_memory ORDER BY rowid').all();

describe('memory.importTmx', () => {
  it('sums a file up on a dry run without writing, imports it under its name, and replaces a re-import', async () => {
    const dry = await invoke<TmxImportReport>('memory.importTmx', { fileName: 'omegat-project.tmx', xml: OMEGAT, dryRun: true });
    expect(dry).toEqual({
      ok: true,
      value: {
        origin: 'omegat-project.tmx',
        units: 3,
        replaced: 0,
        inlineCodes: 0,
        dryRun: true,
        pairs: [
          { source: 'en', target: 'fr', units: 1 },
          { source: 'en', target: 'es', units: 2 },
        ],
      },
    });
    expect(memoryRows()).toEqual([]);
    const done = await invoke<TmxImportReport>('memory.importTmx', { fileName: 'omegat-project.tmx', xml: OMEGAT, dryRun: false });
    expect(done.ok && done.value).toMatchObject({ units: 3, replaced: 0, dryRun: false });
    expect(memoryRows()).toHaveLength(3);
    expect(memoryRows()[0]).toEqual({ origin: 'omegat-project.tmx', source_locale: 'en', target_locale: 'fr', source: 'Open parliament action plans.', target: 'Plans d’action pour un parlement ouvert.' });
    const again = await invoke<TmxImportReport>('memory.importTmx', { fileName: 'omegat-project.tmx', xml: OMEGAT, dryRun: true });
    expect(again.ok && again.value.replaced).toBe(3);
  });

  it('keeps only the last part of a name sent with a path', async () => {
    const r = await invoke<TmxImportReport>('memory.importTmx', { fileName: 'C:\\Users\\ana\\..\\memo.tmx', xml: OMEGAT, dryRun: true });
    expect(r.ok && r.value.origin).toBe('memo.tmx');
    const u = await invoke<TmxImportReport>('memory.importTmx', { fileName: '../../etc/memo2.tmx', xml: OMEGAT, dryRun: true });
    expect(u.ok && u.value.origin).toBe('memo2.tmx');
  });

  it('refuses a file with an unknown language or mismatched segments, naming the line, and leaves the memory as it was', async () => {
    const before = memoryRows();
    const german = await invoke('memory.importTmx', { fileName: 'de.tmx', xml: OMEGAT.replace('FR-CA', 'de-DE'), dryRun: false });
    expect(german).toMatchObject({ ok: false, error: { code: 'tmx.unknownLanguage', params: { language: 'de-DE', line: 5 } } });
    const lonely = OMEGAT.replace('<tuv xml:lang="ES-419"><seg>La igualdad de género en la región.</seg></tuv>', '');
    const mismatched = await invoke('memory.importTmx', { fileName: 'omegat-project.tmx', xml: lonely, dryRun: false });
    expect(mismatched).toMatchObject({ ok: false, error: { code: 'tmx.mismatched' } });
    const broken = await invoke('memory.importTmx', { fileName: 'omegat-project.tmx', xml: OMEGAT.replace('</body>', ''), dryRun: false });
    expect(broken).toMatchObject({ ok: false, error: { code: 'tmx.notXml' } });
    expect(memoryRows()).toEqual(before);
  });

  it('lists the imported files, and removes one, leaving the others and the library’s texts', async () => {
    const texts = app.ctx.store.db.prepare('SELECT count(*) FROM texts').pluck().get();
    await invoke('memory.importTmx', { fileName: 'second.tmx', xml: OMEGAT.replace(/ES-419/g, 'FR-FR'), dryRun: false });
    const listed = await invoke<{ origin: string; units: number; pairs: unknown[] }[]>('memory.imports', {});
    expect(listed.ok && listed.value.map((m) => [m.origin, m.units, m.pairs])).toEqual([
      ['omegat-project.tmx', 3, [{ source: 'en', target: 'es', units: 2 }, { source: 'en', target: 'fr', units: 1 }]],
      ['second.tmx', 3, [{ source: 'en', target: 'fr', units: 3 }]],
    ]);
    expect(await invoke('memory.removeImport', { origin: 'second.tmx' })).toEqual({ ok: true, value: { origin: 'second.tmx', removed: 3 } });
    expect(memoryRows().every((r) => (r as { origin: string }).origin === 'omegat-project.tmx')).toBe(true);
    expect(await invoke('memory.removeImport', { origin: 'second.tmx' })).toMatchObject({ ok: false, error: { code: 'tmx.noSuchImport', params: { origin: 'second.tmx' } } });
    expect(app.ctx.store.db.prepare('SELECT count(*) FROM texts').pluck().get()).toBe(texts);
  });

  it('validates its input', async () => {
    const r = await invoke('memory.importTmx', { fileName: '', xml: OMEGAT });
    expect(r.ok).toBe(false);
    expect(memoryRows()).toHaveLength(3);
  });
});
