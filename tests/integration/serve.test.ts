import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { openLibrary } from '../../main/db/openLibrary';
import { LibraryStore } from '../../main/services/LibraryStore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../shared/api/channels';
import { startTestApp, type TestApp } from '../helpers/server';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => app.close());

/** A raw request, so tests can set any Host and Origin header (fetch would not let them). */
function request(
  pathName: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  const url = new URL(app.server.origin);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: url.hostname, port: url.port, path: pathName, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const auth = () => ({ Authorization: `Bearer ${app.server.token}`, 'Content-Type': 'application/json' });
const json = (body: Buffer) => JSON.parse(body.toString('utf8'));

describe('browser mode server', () => {
  it('listens on 127.0.0.1 only and prints a URL carrying the token', () => {
    expect(app.server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(app.server.url).toBe(`${app.server.origin}/#token=${app.server.token}`);
    expect(app.server.token.length).toBeGreaterThanOrEqual(40);
  });

  it('answers an API call that carries the token', async () => {
    const res = await request('/api/library.list', { method: 'POST', headers: auth(), body: JSON.stringify({ kind: 'priorities', locale: 'es' }) });
    expect(res.status).toBe(200);
    const result = json(res.body);
    expect(result.ok).toBe(true);
    expect(result.value).toHaveLength(7);
    expect(result.value[0].titleLocale).toBe('es');
  });

  it('refuses a request without the token, or with a wrong one', async () => {
    const body = JSON.stringify({ kind: 'priorities', locale: 'en' });
    const none = await request('/api/library.list', { method: 'POST', body });
    expect(none.status).toBe(401);
    expect(json(none.body).error.code).toBe('api.unauthorized');
    const wrong = await request('/api/library.list', {
      method: 'POST',
      body,
      headers: { Authorization: `Bearer ${app.server.token.slice(0, -1)}x` },
    });
    expect(wrong.status).toBe(401);
    const download = await request('/api/download/x.pdf');
    expect(download.status).toBe(401);
  });

  it('refuses a request from another origin, even with the token', async () => {
    const res = await request('/api/app.info', { method: 'POST', headers: { ...auth(), Origin: 'http://evil.example' }, body: '{}' });
    expect(res.status).toBe(403);
    expect(json(res.body).error.code).toBe('api.forbiddenOrigin');
  });

  it('refuses a request naming another host (DNS rebinding)', async () => {
    const port = new URL(app.server.origin).port;
    const res = await request('/', { headers: { Host: `evil.example:${port}` } });
    expect(res.status).toBe(403);
    const api = await request('/api/app.info', { method: 'POST', headers: { ...auth(), Host: `evil.example:${port}` }, body: '{}' });
    expect(api.status).toBe(403);
  });

  it('validates every input against its channel schema and names the problem', async () => {
    const res = await request('/api/library.list', { method: 'POST', headers: auth(), body: JSON.stringify({ kind: 'things', locale: 'de' }) });
    const result = json(res.body);
    expect(result.ok).toBe(false);
    expect(result.error.code).toBe('api.invalidInput');
    expect(result.error.problems.map((p: { path: string[] }) => p.path[0]).sort()).toEqual(['kind', 'locale']);
    const extra = json((await request('/api/app.info', { method: 'POST', headers: auth(), body: '{"x":1}' })).body);
    expect(extra.error.code).toBe('api.invalidInput');
    const malformed = await request('/api/app.info', { method: 'POST', headers: auth(), body: '{not json' });
    expect(malformed.status).toBe(400);
    const unknown = json((await request('/api/db.exec', { method: 'POST', headers: auth(), body: '{}' })).body);
    expect(unknown.error.code).toBe('api.unknownChannel');
  });

  it('accepts an XLIFF file up to the import limit over HTTP, and refuses a larger body with its own message', async () => {
    const sizable = await request('/api/translation.importXliff', {
      method: 'POST',
      headers: auth(),
      body: JSON.stringify({ xml: `<x>${' '.repeat(9 * 1024 * 1024)}</x>`, dryRun: true }),
    });
    expect(sizable.status).toBe(200);
    expect(json(sizable.body).error.code).toMatch(/^xliff\./); // read and refused as XLIFF, not as a request
    const huge = await request('/api/translation.importXliff', {
      method: 'POST',
      headers: auth(),
      body: JSON.stringify({ xml: 'x'.repeat(41 * 1024 * 1024), dryRun: true }),
    });
    expect(huge.status).toBe(413);
    expect(json(huge.body).error).toMatchObject({ code: 'api.requestTooLarge', params: { limit: 32 } });
  });

  it('serves the interface with a CSP and never a file outside it', async () => {
    const index = await request('/');
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    for (const attempt of ['/../package.json', '/%2e%2e/package.json', '/..%2fpackage.json', '/../../etc/passwd']) {
      const res = await request(attempt);
      expect(res.status, attempt).toBe(404);
    }
  });

  it('builds a pack and serves its PDF only by the id it returned', async () => {
    const res = await request('/api/packs.build', { method: 'POST', headers: auth(), body: JSON.stringify({ id: 'panama-2025', mode: 'fr' }) });
    const result = json(res.body);
    expect(result.ok, JSON.stringify(result.error)).toBe(true);
    expect(result.value.pdfs).toHaveLength(1);
    const pdf = result.value.pdfs[0];
    expect(pdf.pages).toBeGreaterThan(5);
    const file = await request(`/api/download/${pdf.downloadId}`, { headers: auth() });
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(file.body.length).toBe(pdf.bytes);
    const traversal = await request('/api/download/..%2F..%2Flibrary.sqlite', { headers: auth() });
    expect(traversal.status).toBe(404);
  });
});

describe('API registry', () => {
  it('has a handler for every channel of the contract', () => {
    expect(app.api.missing()).toEqual([]);
    expect(CHANNELS.length).toBeGreaterThan(10);
  });

  it('refuses to register a channel twice', () => {
    expect(() => app.api.register('app.info', () => ({ version: 'x', libraryPath: '', mode: 'browser', userName: 'x' }))).toThrow(/twice/);
  });

  it('saves an edited piece, and refuses an invalid one without changing anything', async () => {
    const got = await app.api.invoke('library.get', { id: 'prio-rps-2' });
    expect(got.ok).toBe(true);
    if (!got.ok || got.value === null) return;
    const record = (got.value as { record: { title: { fr: { text: string } } } }).record;
    record.title.fr.text = 'Prévention de la violence (révisé)';
    const saved = await app.api.invoke('library.savePriority', { record });
    expect(saved.ok).toBe(true);
    const states = await app.api.invoke('library.list', { kind: 'priorities', locale: 'en' });
    const row = (states as { value: { id: string; states: Record<string, string> }[] }).value.find((r) => r.id === 'prio-rps-2');
    // The French original changed: its English and Spanish translations are now out of date, and
    // the edited original itself is a draft until approved again (issue 9, point 7).
    expect(row?.states).toEqual({ en: 'stale', fr: 'draft', es: 'stale' });

    const before = app.ctx.store.readDocument();
    const bad = await app.api.invoke('library.savePriority', { record: { ...record, number: 3 } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.code).toBe('api.invalidRecord');
      expect(bad.error.problems[0]?.key).toBe('duplicateNumber');
    }
    const dangling = await app.api.invoke('library.savePriority', { record: { ...record, sources: ['src-nowhere'] } });
    expect(dangling.ok).toBe(false);
    expect(app.ctx.store.readDocument()).toEqual(before);
  });
});

describe('build jobs over the API', () => {
  it('reports progress for a job id, per edition, and a cancel stops the build with nothing written', async () => {
    const jobId = 'job-cancel-0001';
    const building = app.api.invoke('packs.build', { id: 'panama-2025', mode: 'all', jobId });
    let progress: { running: boolean; fraction: number; editions: { edition: string; fraction: number }[] } = { running: false, fraction: 0, editions: [] };
    for (let i = 0; i < 400 && !(progress.running && progress.fraction > 0); i++) {
      const r = await app.api.invoke('packs.buildProgress', { jobId });
      if (r.ok) progress = r.value as typeof progress;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(progress.running).toBe(true);
    expect(progress.fraction).toBeGreaterThan(0);
    expect(progress.fraction).toBeLessThanOrEqual(1);
    // Each edition has its own fraction; the job's is their mean.
    expect(progress.editions.map((e) => e.edition)).toEqual(['en', 'fr', 'es']);
    for (const e of progress.editions) expect(e.fraction).toBeGreaterThanOrEqual(0);
    expect(progress.editions.some((e) => e.fraction > 0)).toBe(true);
    const mean = progress.editions.reduce((sum, e) => sum + e.fraction, 0) / 3;
    expect(progress.fraction).toBeCloseTo(mean, 10);
    const cancelled = await app.api.invoke('packs.cancelBuild', { jobId });
    expect(cancelled).toEqual({ ok: true, value: { cancelled: true } });
    const result = await building;
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('build.cancelled');
    const pdfs = fs.readdirSync(app.ctx.outputDir, { recursive: true }).filter((f) => String(f).endsWith('.pdf'));
    const before = pdfs.length;
    // A finished job is no longer running.
    expect(await app.api.invoke('packs.buildProgress', { jobId })).toEqual({ ok: true, value: { running: false, fraction: 0, editions: [] } });
    // The service still builds afterwards.
    const again = await app.api.invoke('packs.build', { id: 'panama-2025', mode: 'es' });
    expect(again.ok).toBe(true);
    const after = fs.readdirSync(app.ctx.outputDir, { recursive: true }).filter((f) => String(f).endsWith('.pdf'));
    expect(after.length).toBe(before + 1);
  });

  it('gives a built PDF back as base64, and refuses desktop channels in browser mode', async () => {
    const built = await app.api.invoke('packs.build', { id: 'panama-2025', mode: 'en' });
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    const { downloadId } = (built.value as { pdfs: { downloadId: string }[] }).pdfs[0]!;
    const read = await app.api.invoke('packs.readPdf', { downloadId });
    expect(read.ok).toBe(true);
    if (read.ok) expect(Buffer.from((read.value as { base64: string }).base64, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const save = await app.api.invoke('desktop.savePdf', { downloadId });
    expect(save).toMatchObject({ ok: false, error: { code: 'api.desktopOnly' } });
    const forged = await app.api.invoke('packs.readPdf', { downloadId: '../library.sqlite' });
    expect(forged).toMatchObject({ ok: false, error: { code: 'api.invalidInput' } });
  });
});

describe('back up now', () => {
  it('copies the open library beside it, as a sound library with the same content', async () => {
    const result = await app.api.invoke('app.backup', {});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { path: copy, bytes } = result.value as { path: string; bytes: number };
    expect(copy.startsWith(`${path.dirname(app.library.path)}${path.sep}backups${path.sep}`)).toBe(true);
    expect(fs.statSync(copy).size).toBe(bytes);
    const opened = await openLibrary(copy, { create: false, readOnly: true });
    try {
      expect(new LibraryStore(opened.db).readDocument()).toEqual(app.ctx.store.readDocument());
    } finally {
      opened.close();
    }
  });
});
