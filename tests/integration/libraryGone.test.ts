import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiError, ApiResult } from '../../shared/api/apiContract';
import { LibraryStore } from '../../main/services/LibraryStore';
import { cli, tempDir } from '../helpers/cli';
import { smallDocument } from '../helpers/documents';
import { StarterTemplate, writeJson } from '../helpers/library';
import { startTestApp, type TestApp } from '../helpers/server';

const starter = new StarterTemplate();
let app: TestApp | null = null;
afterEach(async () => {
  vi.restoreAllMocks();
  await app?.close();
  app = null;
});

const note = (id: string, title: string) => ({
  ...smallDocument().notes[0]!,
  id,
  title: { fr: { text: title, status: 'draft' as const } },
  instruments: [],
  priorities: [],
  sources: [],
});

function removeLibrary(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
}

async function invoke(channel: string, input: unknown): Promise<ApiResult<unknown>> {
  return (await app!.api.invoke(channel, input)) as ApiResult<unknown>;
}

function errorOf(result: ApiResult<unknown>): ApiError {
  expect(result.ok, JSON.stringify(result)).toBe(false);
  return (result as { error: ApiError }).error;
}

describe('the library file deleted or replaced while the app runs', () => {
  it('refuses every save after the file is deleted, then saves a copy holding everything saved before', async () => {
    app = await startTestApp();
    const file = app.library.path;
    expect((await invoke('library.saveNote', { record: note('note-before', 'Avant') })).ok).toBe(true);
    removeLibrary(file);
    for (let i = 0; i < 7; i++) {
      expect(errorOf(await invoke('library.saveNote', { record: note(`note-lost-${i}`, 'Perdue') }))).toEqual({
        code: 'db.libraryGone',
        params: { path: file },
        problems: [],
      });
    }
    expect(errorOf(await invoke('app.setUserName', { name: 'Ana' })).code).toBe('db.libraryGone');
    expect(fs.existsSync(file)).toBe(false);

    const copy = await invoke('app.saveCopy', {});
    expect(copy.ok).toBe(true);
    const saved = (copy as { value: { path: string } }).value.path;
    expect(path.dirname(saved)).toBe(path.dirname(file));
    const db = new Database(saved, { readonly: true });
    try {
      const ids = db.prepare("SELECT id FROM pieces WHERE id LIKE 'note-%'").pluck().all();
      expect(ids).toContain('note-before');
      expect(ids.some((id) => String(id).startsWith('note-lost'))).toBe(false);
    } finally {
      db.close();
    }
  });

  it('refuses a save when another file was put at the library path', async () => {
    app = await startTestApp();
    const file = app.library.path;
    const other = path.join(tempDir(), 'other.sqlite');
    fs.copyFileSync(file, other);
    fs.renameSync(other, file);
    expect(errorOf(await invoke('packs.create', { slug: 'x-pack', title: 'X', lang: 'en', meetingId: null, paper: 'a4' }))).toMatchObject({
      code: 'db.libraryReplaced',
      params: { path: file },
    });
  });

  it('the CLI says nothing was written and what to do when the file goes during a command', async () => {
    const db = await starter.copy();
    const doc = writeJson(path.join(tempDir(), 'doc.json'), smallDocument());
    const original = LibraryStore.prototype.readDocument;
    vi.spyOn(LibraryStore.prototype, 'readDocument').mockImplementation(function (this: LibraryStore, ...args) {
      removeLibrary(db);
      return original.apply(this, args);
    });
    const result = await cli(['import', doc, '--db', db]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`The library ${db} is no longer there: it was deleted or moved while open.`);
    expect(result.stderr).toContain(`Put the library back at ${db}, or give its new place with --db`);
    expect(fs.existsSync(db)).toBe(false);
  });
});
