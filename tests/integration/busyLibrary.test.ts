import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiError, ApiResult } from '../../shared/api/apiContract';
import { createApi } from '../../main/api/createApi';
import type { ApiRegistry } from '../../main/api/ApiRegistry';
import { cli, tempDir } from '../helpers/cli';
import { smallDocument } from '../helpers/documents';
import { exportBytes, sha256File, StarterTemplate, writeJson } from '../helpers/library';
import { holdWriteLock } from '../helpers/holdWriteLock';
import { startTestApp, type TestApp } from '../helpers/server';

const starter = new StarterTemplate();
const FAST = { BRIEFING_BUSY_TIMEOUT_MS: '200' };

describe('a library another program is writing to (CLI)', () => {
  it('an import waits, then says the library is busy, names it, and changes nothing', async () => {
    const db = await starter.copy();
    const file = writeJson(path.join(tempDir(), 'doc.json'), smallDocument());
    const before = await exportBytes(db);
    const lock = await holdWriteLock(db);
    try {
      const result = await cli(['import', file, '--db', db], FAST);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`Another program is writing to the library ${db}, so nothing was changed.`);
      expect(result.stderr).toContain('Run the command again once the other program has finished.');
      expect(result.stderr).not.toMatch(/Unexpected|database is locked/);
      // Reading still works while the other program writes.
      const listed = await cli(['list', 'priorities', '--db', db], FAST);
      expect(listed.code).toBe(0);
    } finally {
      await lock.release();
    }
    expect((await exportBytes(db)).equals(before)).toBe(true);
    expect((await cli(['import', file, '--db', db])).code).toBe(0);
  });

  it('check says busy, not that the search index is damaged', async () => {
    const db = await starter.copy();
    const lock = await holdWriteLock(db);
    try {
      const result = await cli(['check', '--db', db], FAST);
      expect(result.code).toBe(1);
      expect(result.stderr.split('\n')[0]).toContain('Another program is writing to the library');
      expect(result.stdout + result.stderr).not.toMatch(/search index|damaged/i);
    } finally {
      await lock.release();
    }
    expect((await cli(['check', '--db', db])).code).toBe(0);
  });

  it('in French too', async () => {
    const db = await starter.copy();
    const file = writeJson(path.join(tempDir(), 'doc.json'), smallDocument());
    const lock = await holdWriteLock(db);
    try {
      const result = await cli(['import', file, '--db', db], { ...FAST, BRIEFING_LOCALE: 'fr' });
      expect(result.stderr).toContain('Un autre programme écrit dans la bibliothèque');
    } finally {
      await lock.release();
    }
  });
});

describe('a busy library in the app', () => {
  let app: TestApp;
  let api: ApiRegistry;
  beforeAll(async () => {
    app = await startTestApp();
    api = createApi(app.ctx, { busyWaitMs: 1500 });
  });
  afterAll(async () => app.close());

  const note = () => ({ ...smallDocument().notes[0]!, id: 'note-busy', instruments: [], priorities: [], sources: [] });

  it('answers other requests while a save waits, then says busy (never "Unexpected error")', async () => {
    const lock = await holdWriteLock(app.library.path);
    const order: string[] = [];
    try {
      const save = api.invoke('library.saveNote', { record: note() }).then((r) => {
        order.push('save');
        return r as ApiResult<unknown>;
      });
      // Over HTTP, on the same server, while the save is waiting.
      const info = await fetch(`${app.server.origin}/api/app.info`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${app.server.token}`, 'Content-Type': 'application/json' },
        body: '{}',
      });
      expect(info.status).toBe(200);
      const list = await api.invoke('library.list', { kind: 'notes', locale: 'en' });
      expect(list.ok).toBe(true);
      order.push('others');
      const result = await save;
      expect(order).toEqual(['others', 'save']);
      expect(result.ok).toBe(false);
      expect((result as { error: ApiError }).error).toMatchObject({ code: 'db.busy', params: { path: app.library.path } });
    } finally {
      await lock.release();
    }
    expect((await api.invoke('library.get', { id: 'note-busy' })).ok).toBe(false);
  });

  it('a save that starts while busy goes through once the other program is done', async () => {
    const lock = await holdWriteLock(app.library.path);
    const save = api.invoke('library.saveNote', { record: note() });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await lock.release();
    expect((await save).ok).toBe(true);
    expect((await api.invoke('library.get', { id: 'note-busy' })).ok).toBe(true);
    expect(sha256File(app.library.path)).toBeTruthy();
  });
});
