import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary, type OpenedLibrary } from '../../../main/db/openLibrary';
import { LibraryStore } from '../../../main/services/LibraryStore';
import { loadStarterLibrary } from '../../../main/services/loadStarterLibrary';
import { applyLibraryDocument } from '../../../main/services/importLibrary';
import { serializeLibrary } from '../../../main/services/exportLibrary';
import { setUserName } from '../../../main/services/userName';
import { PackBuildService } from '../../../main/pdf/PackBuildService';
import { ImportParser } from '../../../main/services/importWorker/ImportParser';
import { createApi } from '../../../main/api/createApi';
import type { ApiContext } from '../../../main/api/ApiContext';
import type { ApiResult } from '../../../shared/api/apiContract';
import type { SyncConflictView, SyncRunResult, SyncStatus } from '../../../shared/api/syncTypes';
import type { LibraryDocument } from '../../../shared/schemas/libraryDocument';
import { skipReasonGitServer, startGitServer, type GitServer } from '../../helpers/gitServer';
import { tempDir } from '../../helpers/cli';
import { SyncCredentialVault } from '../../../main/electron/syncCredentialVault';

const skip = skipReasonGitServer();
const CREDENTIALS = { user: 'office', password: 's3cret-token' };

interface Office {
  library: OpenedLibrary;
  store: LibraryStore;
  ctx: ApiContext;
  call<T>(channel: string, input: unknown): Promise<ApiResult<T>>;
  value<T>(channel: string, input: unknown): Promise<T>;
  edit(change: (doc: LibraryDocument) => void): void;
}

const offices: Office[] = [];

async function office(name: string, officeName: string, starter: boolean, password: string): Promise<Office> {
  const file = path.join(tempDir(`briefing-syncapi-${officeName.toLowerCase()}-`), 'library.sqlite');
  const library = await openLibrary(file, { create: true });
  const store = new LibraryStore(library.db);
  if (starter) loadStarterLibrary(store);
  setUserName(store, name);
  const outputDir = path.join(path.dirname(file), 'built');
  fs.mkdirSync(outputDir);
  const ctx: ApiContext = {
    store,
    libraryPath: library.path,
    builds: new PackBuildService(1),
    imports: new ImportParser(),
    outputDir,
    mode: 'browser',
    version: 'test',
    sync: { credentials: { credentials: () => ({ username: CREDENTIALS.user, password }) }, office: officeName },
  };
  const api = createApi(ctx);
  const o: Office = {
    library,
    store,
    ctx,
    call: (channel, input) => api.invoke(channel, input) as never,
    async value<T>(channel: string, input: unknown) {
      const result = (await api.invoke(channel, input)) as ApiResult<T>;
      if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
      return result.value;
    },
    edit(change) {
      const doc = store.readDocument();
      change(doc);
      applyLibraryDocument(store, doc);
    },
  };
  offices.push(o);
  return o;
}

describe.skipIf(skip !== null)('sync through the API: status, run, conflicts, resolve (git server on 127.0.0.1)', () => {
  let server: GitServer;
  let secretariat: Office;
  let ottawa: Office;
  let noteId: string;

  beforeAll(async () => {
    server = await startGitServer({ credentials: CREDENTIALS });
    secretariat = await office('Ana Ruiz', 'Secretariat', true, CREDENTIALS.password);
    ottawa = await office('Luc Tremblay', 'Ottawa', false, CREDENTIALS.password);
    noteId = secretariat.store.readDocument().notes[0]!.id;
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
    for (const o of offices) {
      await o.ctx.builds.close();
      await o.ctx.imports.close();
      o.library.close();
    }
  });

  it('a library that never synced: no remote, no last sync, no conflicts; a sync without a remote says so', async () => {
    expect(await ottawa.value<SyncStatus>('sync.status', {})).toEqual({ remote: null, openConflicts: 0, lastSync: null });
    const result = await ottawa.call('sync.run', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'sync.noRemote' } });
  });

  it('bad inputs are refused before any handler runs', async () => {
    for (const [channel, input] of [
      ['sync.run', { remote: 42 }],
      ['sync.run', { remote: 'https://x', extra: 1 }],
      ['sync.resolve', { id: 1 }],
      ['sync.resolve', { id: 1, keep: 'mine' }],
      ['sync.resolve', { id: -1, keep: 'ours' }],
      ['sync.resolve', { id: 1, text: '   ' }],
      ['sync.conflicts', { locale: 'de' }],
    ] as const) {
      const result = await ottawa.call(channel, input);
      expect(result.ok, `${channel} ${JSON.stringify(input)}`).toBe(false);
    }
  });

  it('wrong credentials: a named failure, nothing lost, the remote remembered', async () => {
    const intruder = await office('Eve', 'Nowhere', true, 'wrong');
    const before = serializeLibrary(intruder.store.readDocument());
    const result = await intruder.call('sync.run', { remote: server.url });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toMatch(/^sync\./);
    expect(serializeLibrary(intruder.store.readDocument())).toBe(before);
  }, 60_000);

  it('two offices sync, the same French text edited twice gives one conflict; a merged text resolves it and reaches the other office', async () => {
    const first = await secretariat.value<SyncRunResult>('sync.run', { remote: server.url });
    expect(first).toMatchObject({ pushed: true, newConflicts: 0 });
    await ottawa.value<SyncRunResult>('sync.run', { remote: server.url });
    const status = await ottawa.value<SyncStatus>('sync.status', {});
    expect(status.remote).toBe(server.url);
    expect(Date.parse(status.lastSync ?? '')).toBeGreaterThan(Date.now() - 60_000);

    secretariat.edit((d) => (d.notes.find((n) => n.id === noteId)!.title.fr = { text: 'Palerme à 25 ans — version du secrétariat', status: 'draft' }));
    ottawa.edit((d) => (d.notes.find((n) => n.id === noteId)!.title.fr = { text: 'Palerme, 25 ans après — version d’Ottawa', status: 'draft' }));
    await secretariat.value('sync.run', {});
    const report = await ottawa.value<SyncRunResult>('sync.run', {});
    expect(report).toMatchObject({ newConflicts: 1, openConflicts: 1 });
    expect((await ottawa.value<SyncStatus>('sync.status', {})).openConflicts).toBe(1);

    const [conflict] = await ottawa.value<SyncConflictView[]>('sync.conflicts', { locale: 'fr' });
    expect(conflict).toMatchObject({ pieceId: noteId, field: 'title', locale: 'fr', oursBy: 'Luc Tremblay (Ottawa)', theirsBy: 'Ana Ruiz (Secretariat)' });
    expect(conflict!.title.length).toBeGreaterThan(0);
    expect(conflict!.title).not.toBe(noteId);

    const merged = 'Palerme à 25 ans — version commune';
    const resolved = await ottawa.value<SyncConflictView>('sync.resolve', { id: conflict!.id, text: merged });
    expect(resolved.resolvedAt).not.toBeNull();
    const cell = ottawa.store.readDocument().notes.find((n) => n.id === noteId)!.title.fr!;
    expect(cell).toMatchObject({ text: merged, status: 'draft' });
    expect(cell.approvedBy).toBeUndefined();
    expect(await ottawa.value<SyncConflictView[]>('sync.conflicts', { locale: 'en' })).toEqual([]);
    expect((await ottawa.value<SyncConflictView[]>('sync.conflicts', { locale: 'en', all: true })).length).toBe(1);

    // Resolving it twice is refused by name.
    const again = await ottawa.call('sync.resolve', { id: conflict!.id, keep: 'theirs' });
    expect(again).toMatchObject({ ok: false, error: { code: 'sync.conflictResolved' } });

    await ottawa.value('sync.run', {});
    await secretariat.value('sync.run', {});
    expect(secretariat.store.readDocument().notes.find((n) => n.id === noteId)!.title.fr!.text).toBe(merged);
    expect(serializeLibrary(secretariat.store.readDocument())).toBe(serializeLibrary(ottawa.store.readDocument()));
  }, 120_000);

  it('a merged text for a conflict that is not a text is refused by name, and nothing changes', async () => {
    secretariat.edit((d) => (d.notes.find((n) => n.id === noteId)!.date = '2031-01-01'));
    ottawa.edit((d) => (d.notes.find((n) => n.id === noteId)!.date = '2032-02-02'));
    await secretariat.value('sync.run', {});
    await ottawa.value('sync.run', {});
    const [conflict] = await ottawa.value<SyncConflictView[]>('sync.conflicts', { locale: 'en' });
    expect(conflict).toMatchObject({ field: 'date', locale: null });
    const before = serializeLibrary(ottawa.store.readDocument());
    const result = await ottawa.call('sync.resolve', { id: conflict!.id, text: '2033-03-03' });
    expect(result).toMatchObject({ ok: false, error: { code: 'sync.mergeNotText' } });
    expect(serializeLibrary(ottawa.store.readDocument())).toBe(before);
    expect(await ottawa.value<SyncConflictView>('sync.resolve', { id: conflict!.id, keep: 'theirs' })).toMatchObject({ kept: 'theirs' });
    expect(ottawa.store.readDocument().notes.find((n) => n.id === noteId)!.date).toBe('2031-01-01');
  }, 120_000);

  it('desktop: credentials saved through the API are sealed by the OS and used by the next sync; browser mode refuses to save them, by name', async () => {
    const refused = await secretariat.call('sync.saveCredentials', { username: 'x', password: 'y' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'sync.credentialsFromEnv' } });

    await ottawa.value('sync.run', {});
    const desk = await office('Marta Gómez', 'Lima', false, 'unused');
    const file = path.join(path.dirname(desk.ctx.libraryPath), 'vault', 'sync-credentials.bin');
    const sealed = { isEncryptionAvailable: () => true, encryptString: (p: string) => Buffer.from(p, 'utf8').reverse(), decryptString: (b: Buffer) => Buffer.from(b).reverse().toString('utf8') };
    desk.ctx.sync = { credentials: new SyncCredentialVault(sealed, file), office: 'Lima' };
    expect((await desk.call('sync.run', { remote: server.url })).ok).toBe(false);
    expect(await desk.value('sync.saveCredentials', { username: CREDENTIALS.user, password: CREDENTIALS.password })).toEqual({ saved: true });
    expect(fs.readFileSync(file).toString('latin1')).not.toContain(CREDENTIALS.password);
    expect(await desk.value<SyncRunResult>('sync.run', {})).toMatchObject({ integrated: 'merged' });
    expect(serializeLibrary(desk.store.readDocument())).toBe(serializeLibrary(ottawa.store.readDocument()));
  }, 120_000);
});
