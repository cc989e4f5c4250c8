import net from 'node:net';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary, type OpenedLibrary } from '../../../main/db/openLibrary';
import { LibraryStore } from '../../../main/services/LibraryStore';
import { loadStarterLibrary } from '../../../main/services/loadStarterLibrary';
import { serializeLibrary } from '../../../main/services/exportLibrary';
import { applyLibraryDocument } from '../../../main/services/importLibrary';
import { defaultSyncRepoDir, syncLibrary } from '../../../main/services/sync/syncLibrary';
import { LibraryRepository } from '../../../main/services/sync/LibraryRepository';
import { isAppError } from '../../../shared/errors/AppError';
import { tempDir } from '../../helpers/cli';
import { skipReasonGitServer, startGitServer, type GitServer } from '../../helpers/gitServer';

const skip = skipReasonGitServer();
const author = { name: 'Ana Ruiz', office: 'Secretariat' };
const codeOf = (e: unknown) => (isAppError(e) ? e.code : String(e));

describe.skipIf(skip !== null)('sync against a remote that refuses or does not answer', () => {
  let library: OpenedLibrary;
  let store: LibraryStore;
  let repoDir: string;
  let guarded: GitServer;
  const credentials = { user: 'secretariat', password: 's3cret-token' };

  beforeAll(async () => {
    const file = path.join(tempDir('briefing-sync-fail-'), 'library.sqlite');
    library = await openLibrary(file, { create: true });
    store = new LibraryStore(library.db);
    loadStarterLibrary(store);
    repoDir = defaultSyncRepoDir(file);
    guarded = await startGitServer({ credentials });
  }, 60_000);

  afterAll(async () => {
    await guarded?.stop();
    library?.close();
  });

  it('no credentials, or wrong ones: sync.authFailed, the library as it was, the local commit kept', async () => {
    const note = store.readDocument().notes[0]!;
    note.title.en = { text: 'Edited before the refused sync', status: 'draft' };
    applyLibraryDocument(store, { ...store.readDocument(), notes: [note] });
    const before = serializeLibrary(store.readDocument());
    for (const given of [null, { username: 'secretariat', password: 'wrong' }]) {
      const error = await syncLibrary(store, { url: guarded.url, repoDir, author, credentials: given }).catch((e: unknown) => e);
      expect(codeOf(error)).toBe('sync.authFailed');
      expect(serializeLibrary(store.readDocument())).toBe(before);
    }
    // Queued: the edit is committed locally and goes out with the next sync that gets through.
    const repo = await LibraryRepository.open(repoDir);
    expect(await repo.head()).toMatch(/^[0-9a-f]{40}$/);
    const ok = await syncLibrary(store, { url: guarded.url, repoDir, author, credentials: { username: credentials.user, password: credentials.password } });
    expect(ok).toMatchObject({ pushed: true });
    expect(guarded.git('show', `main:pieces/notes/${note.id}.json`)).toContain('Edited before the refused sync');
  }, 60_000);

  it('a server that accepts the connection and never answers: sync.timeout (the test’s own time limit is the bound)', async () => {
    const sockets: net.Socket[] = [];
    const silent = net.createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/library.git`;
    const before = serializeLibrary(store.readDocument());
    try {
      const error = await syncLibrary(store, { url, repoDir, author, timeoutMs: 500 }).catch((e: unknown) => e);
      expect(codeOf(error)).toBe('sync.timeout');
      expect(serializeLibrary(store.readDocument())).toBe(before);
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  }, 60_000);

  it('no repository at that address: sync.remoteNotFound', async () => {
    const error = await syncLibrary(store, { url: guarded.url.replace('library.git', 'nothing.git'), repoDir, author, credentials: { username: credentials.user, password: credentials.password } }).catch((e: unknown) => e);
    expect(codeOf(error)).toBe('sync.remoteNotFound');
  }, 60_000);
});
