import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiOutputs, ApiResult } from '../../shared/api/apiContract';
import { createTranslator } from '../../shared/locales/createTranslator';
import { sha256File } from '../helpers/library';
import { startTestApp, type TestApp } from '../helpers/server';

/** packs.rebuild (Past builds → Rebuild…): a recorded build made again into the app's download folder. */

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => app.close());

const invoke = <T>(channel: string, input: unknown) => app.api.invoke(channel, input) as Promise<ApiResult<T>>;

describe('packs.rebuild', () => {
  it('rebuilds a build whose file is gone into a download the renderer can save, the same bytes', async () => {
    const built = await invoke<ApiOutputs['packs.build']>('packs.build', { id: 'panama-2025', mode: 'es' });
    expect(built.ok).toBe(true);
    const { report } = (built as { ok: true; value: ApiOutputs['packs.build'] }).value;
    const first = report.files[0]!;
    fs.rmSync(first.file);
    const listed = await invoke<ApiOutputs['packs.builds']>('packs.builds', { packId: 'panama-2025' });
    expect(listed.ok && listed.value[0]!.rebuildable).toBe(true);

    const rebuilt = await invoke<ApiOutputs['packs.rebuild']>('packs.rebuild', { buildId: report.buildId, locale: 'es' });
    expect(rebuilt.ok, JSON.stringify(rebuilt)).toBe(true);
    const [pdf] = (rebuilt as { ok: true; value: ApiOutputs['packs.rebuild'] }).value;
    expect(pdf).toMatchObject({ edition: 'es', fileName: 'panama-2025-es.pdf', pages: first.pages, bytes: first.bytes, same: true });
    expect(sha256File(path.join(app.ctx.outputDir, pdf!.downloadId))).toBe(first.sha256);
    // The recorded file is not put back where it was: the rebuild is a download, not a restore.
    expect(fs.existsSync(first.file)).toBe(false);
  }, 120_000);

  it('names a build it does not know, and one made before the library kept manifests', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    const none = await invoke('packs.rebuild', { buildId: unknown, locale: 'fr' });
    expect(!none.ok && none.error.code).toBe('rebuild.unknownBuild');
    expect(!none.ok && createTranslator('fr')(`errors:${none.error.code}`, none.error.params)).toContain(unknown);

    const id = app.ctx.store.db.prepare("SELECT id FROM builds WHERE status = 'ok'").pluck().get() as string;
    app.ctx.store.db.prepare('DELETE FROM build_manifests WHERE build_id = ?').run(id);
    const listed = await invoke<ApiOutputs['packs.builds']>('packs.builds', { packId: 'panama-2025' });
    expect(listed.ok && listed.value.find((b) => b.id === id)!.rebuildable).toBe(false);
    const old = await invoke('packs.rebuild', { buildId: id, locale: 'en' });
    expect(!old.ok && old.error.code).toBe('rebuild.noStoredManifest');

    const bad = await invoke('packs.rebuild', { buildId: 'not-an-id', locale: 'en' });
    expect(!bad.ok && bad.error.code).toBe('api.invalidInput');
  });
});
