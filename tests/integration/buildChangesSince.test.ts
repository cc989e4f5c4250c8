import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiOutputs, ApiResult } from '../../shared/api/apiContract';
import { saveRecord } from '../../main/api/saveRecord';
import { approverNow } from '../../main/services/userName';
import { loadPdf } from '../helpers/pdf';
import { startTestApp, type TestApp } from '../helpers/server';

/** packs.build's `changesSince`: the earlier build the "Changes since" page compares with, chosen in the pack builder. */

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => app.close());

type Built = ApiOutputs['packs.build'];
const build = (input: Record<string, unknown> = {}) => app.api.invoke('packs.build', { id: 'panama-2025', mode: 'en', ...input }) as Promise<ApiResult<Built>>;
async function built(input: Record<string, unknown> = {}): Promise<Built> {
  const result = await build(input);
  expect(result.ok, JSON.stringify(result)).toBe(true);
  return (result as { ok: true; value: Built }).value;
}
const comparedWith = (buildId: string) => (JSON.parse(app.ctx.store.db.prepare('SELECT options FROM builds WHERE id = ?').pluck().get(buildId) as string) as { changesSince: string | null }).changesSince;
const textOf = async (b: Built) => (await loadPdf(path.join(app.ctx.outputDir, b.pdfs[0]!.downloadId))).text;

function editFrenchPriority(text: string): void {
  const store = app.ctx.store;
  const p = store.readDocument().priorities.find((x) => x.id === 'prio-rps-2')!;
  saveRecord(store, 'priorities', { ...p, body: { ...p.body, fr: { ...p.body.fr!, text: `${p.body.fr!.text} ${text}` } } }, approverNow(store));
}

describe('choosing the build the changes page compares with', () => {
  let first: string;
  let second: string;

  it('compares with the build chosen, over the last one sent out', async () => {
    first = (await built()).report.buildId!;
    editFrenchPriority('Suivi annuel.');
    second = (await built()).report.buildId!;
    // Nothing was sent yet: the default has nothing to compare with.
    expect(comparedWith(second)).toBeNull();
    await app.api.invoke('packs.distribute', { buildId: second, recipients: ['Delegation of Panama'] });
    editFrenchPriority('Rapport public.');

    const chosen = await built({ changesSince: first });
    expect(comparedWith(chosen.report.buildId!)).toBe(first);
    const text = await textOf(chosen);
    expect(text).toContain('Changes since');
    expect(text).toContain('Compared with the build of that date: 0 added, 0 removed, 1 changed.');
  }, 120_000);

  it('compares with the last build sent out by default, and makes no changes page with none', async () => {
    const byDefault = await built();
    expect(comparedWith(byDefault.report.buildId!)).toBe(second);
    expect(await textOf(byDefault)).toContain('Compared with the build of that date: 0 added, 0 removed, 1 changed.');
    const explicit = await built({ changesSince: 'distributed' });
    expect(comparedWith(explicit.report.buildId!)).toBe(second);

    const none = await built({ changesSince: 'none' });
    expect(comparedWith(none.report.buildId!)).toBeNull();
    expect(await textOf(none)).not.toContain('Changes since');
  }, 120_000);

  it('refuses a build that is not one of this pack’s, by name, recording the refusal; and a value that is no build at all', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    const refused = await build({ changesSince: unknown });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error.code).toBe('changes.unknownBuild');
    const status = app.ctx.store.db.prepare("SELECT status FROM builds WHERE json_extract(error, '$.code') = 'changes.unknownBuild'").pluck().all();
    expect(status).toEqual(['refused']);

    const other = await app.api.invoke('packs.build', { id: 'panama-2025', mode: 'en', changesSince: 'yesterday' });
    expect(other.ok).toBe(false);
    expect(!other.ok && other.error.code).toBe('api.invalidInput');
  }, 60_000);
});
