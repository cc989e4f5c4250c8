import net from 'node:net';
import path from 'node:path';
import fs from 'node:fs';
import git from 'isomorphic-git';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary, type OpenedLibrary } from '../../../main/db/openLibrary';
import { LibraryStore } from '../../../main/services/LibraryStore';
import { loadStarterLibrary } from '../../../main/services/loadStarterLibrary';
import { serializeLibrary } from '../../../main/services/exportLibrary';
import { applyLibraryDocument } from '../../../main/services/importLibrary';
import { defaultSyncRepoDir, syncLibrary } from '../../../main/services/sync/syncLibrary';
import { listConflicts } from '../../../main/services/sync/syncConflicts';
import { createOfficeKey, readOfficeKey, trustOffice } from '../../../main/services/sync/officeKeys';
import { exportBundle, importBundle } from '../../../main/services/sync/signedBundle';
import { isAppError } from '../../../shared/errors/AppError';
import type { LibraryDocument, NoteDoc } from '../../../shared/schemas/libraryDocument';
import { skipReasonGitServer, startGitServer, type GitServer } from '../../helpers/gitServer';
import { tempDir } from '../../helpers/cli';

const skip = skipReasonGitServer();

interface Office {
  file: string;
  store: LibraryStore;
  author: { name: string; office: string };
  sync(url?: string): ReturnType<typeof syncLibrary>;
  edit(change: (doc: LibraryDocument) => void): void;
  note(): NoteDoc;
  bytes(): string;
  commits(): Promise<string[]>;
}

const opened: OpenedLibrary[] = [];
let server: GitServer;
let noteId: string;

async function office(name: string, officeName: string, starter: boolean): Promise<Office> {
  const file = path.join(tempDir('briefing-three-'), 'library.sqlite');
  const library = await openLibrary(file, { create: true });
  opened.push(library);
  const store = new LibraryStore(library.db);
  if (starter) loadStarterLibrary(store);
  const author = { name, office: officeName };
  return {
    file,
    store,
    author,
    sync: (url = server.url) => syncLibrary(store, { url, repoDir: defaultSyncRepoDir(file), author }),
    edit(change) {
      const doc = store.readDocument();
      change(doc);
      applyLibraryDocument(store, doc);
    },
    note: () => store.readDocument().notes.find((n) => n.id === noteId)!,
    bytes: () => serializeLibrary(store.readDocument()),
    commits: async () => (await git.log({ fs, gitdir: defaultSyncRepoDir(file), ref: 'main' })).map((c) => c.oid),
  };
}

/** An address where nothing answers: the office's network is down. */
async function deadUrl(): Promise<string> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return `http://127.0.0.1:${port}/library.git`;
}

describe.skipIf(skip !== null)('three offices — secretariat, a French-speaking and a Spanish-speaking office — through one git server', () => {
  let secretariat: Office;
  let ottawa: Office;
  let bogota: Office;
  const converged = () => {
    expect(ottawa.bytes()).toBe(secretariat.bytes());
    expect(bogota.bytes()).toBe(secretariat.bytes());
    for (const o of [secretariat, ottawa, bogota]) expect(listConflicts(o.store)).toEqual([]);
  };

  beforeAll(async () => {
    server = await startGitServer();
    secretariat = await office('Ana Ruiz', 'Secretariat', true);
    ottawa = await office('Luc Tremblay', 'Ottawa', false);
    bogota = await office('Marta Gómez', 'Bogotá', false);
    noteId = secretariat.store.readDocument().notes[0]!.id;
    await secretariat.sync();
    await ottawa.sync();
    await bogota.sync();
    await secretariat.sync();
    await ottawa.sync();
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    for (const l of opened) l.close();
  });

  it('starts from one library in all three offices', () => {
    converged();
  });

  it('the French and the Spanish of one note, and the English beside them, edited at once in three offices, merge without a conflict', async () => {
    secretariat.edit((d) => (d.notes.find((n) => n.id === noteId)!.body.en = { text: 'The secretariat’s English body.', status: 'draft' }));
    ottawa.edit((d) => (d.notes.find((n) => n.id === noteId)!.title.fr = { text: 'Titre révisé à Ottawa', status: 'draft' }));
    bogota.edit((d) => (d.notes.find((n) => n.id === noteId)!.title.es = { text: 'Título revisado en Bogotá', status: 'draft' }));
    for (const o of [secretariat, ottawa, bogota]) expect((await o.sync()).newConflicts).toBe(0);
    await secretariat.sync();
    await ottawa.sync();
    converged();
    const note = secretariat.note();
    expect(note.body.en!.text).toBe('The secretariat’s English body.');
    expect(note.title.fr!.text).toBe('Titre révisé à Ottawa');
    expect(note.title.es!.text).toBe('Título revisado en Bogotá');
  }, 120_000);

  it('Bogotá offline for several commits, sending a signed bundle meanwhile: everything arrives once, all three converge', async () => {
    const down = await deadUrl();
    const before = await bogota.commits();
    const onServer = new Set(before);
    // Three edits in Bogotá, each committed by a sync that cannot reach the server.
    for (const [i, text] of ['Primera versión sin conexión.', 'Segunda versión sin conexión.', 'Tercera versión sin conexión.'].entries()) {
      bogota.edit((d) => {
        const n = d.notes.find((x) => x.id === noteId)!;
        n.body.es = { text, status: 'draft' };
        if (i === 2) n.date = '2026-04-04';
      });
      const error = await bogota.sync(down).catch((e: unknown) => e);
      expect(isAppError(error) && error.code).toBe('sync.unreachable');
    }
    const queued = (await bogota.commits()).filter((c) => !onServer.has(c));
    expect(queued.length).toBeGreaterThanOrEqual(3);
    // Meanwhile the two others go on through the server.
    for (let i = 1; i <= 3; i++) {
      secretariat.edit((d) => (d.notes.find((n) => n.id === noteId)!.body.en = { text: `Secretariat revision ${i}.`, status: 'draft' }));
      await secretariat.sync();
      ottawa.edit((d) => (d.notes.find((n) => n.id === noteId)!.body.fr = { text: `Révision ${i} d’Ottawa.`, status: 'draft' }));
      await ottawa.sync();
    }
    await secretariat.sync();

    // Bogotá hands its work to the secretariat on a signed file (USB key, e-mail).
    createOfficeKey(bogota.file, 'Bogotá');
    const pem = path.join(tempDir('briefing-three-key-'), 'bogota.pem');
    fs.writeFileSync(pem, readOfficeKey(bogota.file).publicKeyPem);
    trustOffice(secretariat.file, 'Bogotá', pem);
    const out = path.join(tempDir('briefing-three-bundle-'), 'bogota.bundle');
    const exported = await exportBundle(bogota.store, { libraryPath: bogota.file, repoDir: defaultSyncRepoDir(bogota.file), out, since: before[0], author: bogota.author });
    expect(exported.commits).toBe(queued.length);
    const imported = await importBundle(secretariat.store, { libraryPath: secretariat.file, repoDir: defaultSyncRepoDir(secretariat.file), file: out, author: secretariat.author });
    expect(imported).toMatchObject({ office: 'Bogotá', integrated: 'merged', newConflicts: 0 });
    expect(secretariat.note().body.es!.text).toBe('Tercera versión sin conexión.');
    expect(secretariat.note().body.en!.text).toBe('Secretariat revision 3.');
    await secretariat.sync();
    await ottawa.sync();

    // Back online: its commits are already in the shared history, so nothing conflicts.
    const back = await bogota.sync();
    expect(back.newConflicts).toBe(0);
    await secretariat.sync();
    await ottawa.sync();
    converged();
    const note = ottawa.note();
    expect(note.body.es!.text).toBe('Tercera versión sin conexión.');
    expect(note.body.fr!.text).toBe('Révision 3 d’Ottawa.');
    expect(note.date).toBe('2026-04-04');
    for (const c of queued) expect(await ottawa.commits()).toContain(c);
  }, 180_000);
});
