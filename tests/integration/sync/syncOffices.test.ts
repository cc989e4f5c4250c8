import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary, type OpenedLibrary } from '../../../main/db/openLibrary';
import { LibraryStore } from '../../../main/services/LibraryStore';
import { loadStarterLibrary } from '../../../main/services/loadStarterLibrary';
import { serializeLibrary } from '../../../main/services/exportLibrary';
import { applyLibraryDocument } from '../../../main/services/importLibrary';
import { defaultSyncRepoDir, syncLibrary, type SyncOptions } from '../../../main/services/sync/syncLibrary';
import { listConflicts, resolveConflict } from '../../../main/services/sync/syncConflicts';
import { isAppError } from '../../../shared/errors/AppError';
import type { LibraryDocument, NoteDoc } from '../../../shared/schemas/libraryDocument';
import { createTranslator } from '../../../shared/locales/createTranslator';
import { skipReasonGitServer, startGitServer, type GitServer } from '../../helpers/gitServer';
import { tempDir } from '../../helpers/cli';

const skip = skipReasonGitServer();

interface Office {
  library: OpenedLibrary;
  store: LibraryStore;
  sync(extra?: Partial<SyncOptions>): ReturnType<typeof syncLibrary>;
  edit(change: (doc: LibraryDocument) => void): void;
  note(id?: string): NoteDoc;
  bytes(): string;
}

let server: GitServer;
let noteId: string;
const opened: OpenedLibrary[] = [];

async function office(name: string, officeName: string, starter: boolean, url: () => string): Promise<Office> {
  const file = path.join(tempDir(`briefing-sync-${officeName.toLowerCase()}-`), 'library.sqlite');
  const library = await openLibrary(file, { create: true });
  opened.push(library);
  const store = new LibraryStore(library.db);
  if (starter) loadStarterLibrary(store);
  const o: Office = {
    library,
    store,
    sync: (extra = {}) => syncLibrary(store, { url: url(), repoDir: defaultSyncRepoDir(file), author: { name, office: officeName }, ...extra }),
    edit(change) {
      const doc = store.readDocument();
      change(doc);
      applyLibraryDocument(store, doc);
    },
    note: (id = noteId) => store.readDocument().notes.find((n) => n.id === id)!,
    bytes: () => serializeLibrary(store.readDocument()),
  };
  return o;
}

describe.skipIf(skip !== null)('two offices sharing one library through a git server on 127.0.0.1', () => {
  let secretariat: Office;
  let ottawa: Office;

  beforeAll(async () => {
    server = await startGitServer();
    secretariat = await office('Ana Ruiz', 'Secretariat', true, () => server.url);
    ottawa = await office('Luc Tremblay', 'Ottawa', false, () => server.url);
    noteId = secretariat.store.readDocument().notes[0]!.id;
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
    for (const l of opened) l.close();
  });

  it('the first sync publishes the library; the second office receives all of it', async () => {
    const first = await secretariat.sync();
    expect(first).toMatchObject({ committedLocal: true, integrated: 'none', pushed: true, newConflicts: 0 });
    // The server holds one file per piece, committed by the user of that office.
    expect(server.git('ls-tree', '-r', '--name-only', 'main')).toContain(`pieces/notes/${noteId}.json`);
    expect(server.git('log', '-1', '--format=%an%n%B', 'main')).toContain('Synced-by: Ana Ruiz (Secretariat)');

    const second = await ottawa.sync();
    expect(second.integrated).toBe('merged');
    expect(second.newConflicts).toBe(0);
    expect(ottawa.bytes()).toBe(secretariat.bytes());
    // And back: the secretariat takes Ottawa's merge commit as it is.
    const back = await secretariat.sync();
    expect(back).toMatchObject({ integrated: 'fastForward', changedPieces: 0, newConflicts: 0 });
    expect(secretariat.bytes()).toBe(ottawa.bytes());
  }, 60_000);

  it('edits to different cells of one piece merge silently, in both libraries', async () => {
    secretariat.edit((d) => (d.notes.find((n) => n.id === noteId)!.title.en = { text: 'Palermo at 25 (secretariat)', status: 'draft' }));
    ottawa.edit((d) => (d.notes.find((n) => n.id === noteId)!.date = '2026-02-02'));
    await secretariat.sync();
    const merged = await ottawa.sync();
    expect(merged).toMatchObject({ integrated: 'merged', newConflicts: 0, pushed: true });
    expect(ottawa.note().title.en!.text).toBe('Palermo at 25 (secretariat)');
    expect(ottawa.note().date).toBe('2026-02-02');
    await secretariat.sync();
    expect(secretariat.bytes()).toBe(ottawa.bytes());
    expect(listConflicts(secretariat.store)).toEqual([]);
  }, 60_000);

  it('the same French text edited on both sides is one conflict named by piece, field and language; nothing is lost', async () => {
    secretariat.edit((d) => (d.notes.find((n) => n.id === noteId)!.title.fr = { text: 'Palerme à 25 ans — version du secrétariat', status: 'draft' }));
    ottawa.edit((d) => (d.notes.find((n) => n.id === noteId)!.title.fr = { text: 'Palerme, 25 ans après — version d’Ottawa', status: 'draft' }));
    await secretariat.sync();
    const report = await ottawa.sync();
    expect(report).toMatchObject({ integrated: 'merged', newConflicts: 1, openConflicts: 1, pushed: true });
    const [conflict] = listConflicts(ottawa.store);
    expect(conflict).toMatchObject({
      kind: 'cell',
      collection: 'notes',
      pieceId: noteId,
      section: null,
      field: 'title',
      locale: 'fr',
      ours: { text: 'Palerme, 25 ans après — version d’Ottawa' },
      theirs: { text: 'Palerme à 25 ans — version du secrétariat' },
      oursBy: 'Luc Tremblay (Ottawa)',
      theirsBy: 'Ana Ruiz (Secretariat)',
      resolvedAt: null,
    });
    // The shared history names the conflict, for the other office.
    expect(server.git('log', '-1', '--format=%B', 'main')).toContain(`Conflict: notes/${noteId} title (fr): kept Luc Tremblay (Ottawa)'s, Ana Ruiz (Secretariat)'s kept aside until resolved`);
    // Ours kept until resolved; theirs is in the conflict and in the shared history.
    expect(ottawa.note().title.fr!.text).toBe('Palerme, 25 ans après — version d’Ottawa');

    const resolved = resolveConflict(ottawa.store, conflict!.id, 'theirs');
    expect(resolved).toMatchObject({ kept: 'theirs' });
    expect(ottawa.note().title.fr!.text).toBe('Palerme à 25 ans — version du secrétariat');
    expect(listConflicts(ottawa.store)).toEqual([]);
    // The choice goes out with the next sync, and the other office takes it.
    await ottawa.sync();
    await secretariat.sync();
    expect(secretariat.bytes()).toBe(ottawa.bytes());
  }, 60_000);

  it('a push refused because the remote moved meanwhile is fetched, merged and pushed once more', async () => {
    ottawa.edit((d) => (d.notes.find((n) => n.id === noteId)!.body.es = { text: 'Texto de Ottawa.', status: 'draft' }));
    let raced = false;
    const report = await ottawa.sync({
      beforePush: async (attempt) => {
        if (attempt > 0 || raced) return;
        raced = true;
        secretariat.edit((d) => (d.notes.find((n) => n.id === noteId)!.body.en = { text: 'Secretariat wording, pushed during Ottawa’s sync.', status: 'draft' }));
        await secretariat.sync();
      },
    });
    expect(report).toMatchObject({ retried: true, pushed: true, newConflicts: 0 });
    expect(ottawa.note().body.en!.text).toBe('Secretariat wording, pushed during Ottawa’s sync.');
    expect(ottawa.note().body.es!.text).toBe('Texto de Ottawa.');
    await secretariat.sync();
    expect(secretariat.bytes()).toBe(ottawa.bytes());
  }, 60_000);

  it('a piece deleted by one office and edited by the other stays, with a deletedEdited conflict; keeping the deletion removes it', async () => {
    // A note no pack or other piece uses, so either outcome is a valid library.
    const doc = secretariat.store.readDocument();
    const spare = { ...structuredClone(doc.notes[0]!), id: 'note-spare-sync', title: { en: { text: 'Spare note', status: 'draft' as const } } };
    secretariat.edit((d) => d.notes.push(spare));
    await secretariat.sync();
    await ottawa.sync();
    expect(ottawa.note('note-spare-sync')).toBeDefined();
    // Ottawa deletes it; the secretariat edits it meanwhile.
    ottawa.store.write(() => ottawa.store.pieces.delete('note-spare-sync'));
    secretariat.edit((d) => (d.notes.find((n) => n.id === 'note-spare-sync')!.title.en = { text: 'Spare note, edited', status: 'draft' }));
    await secretariat.sync();
    const report = await ottawa.sync();
    expect(report.newConflicts).toBe(1);
    const [conflict] = listConflicts(ottawa.store);
    expect(conflict).toMatchObject({ kind: 'deletedEdited', pieceId: 'note-spare-sync', field: null, ours: null, theirs: { title: { en: { text: 'Spare note, edited' } } } });
    expect(ottawa.note('note-spare-sync').title.en!.text).toBe('Spare note, edited');
    resolveConflict(ottawa.store, conflict!.id, 'ours');
    expect(ottawa.note('note-spare-sync')).toBeUndefined();
    await ottawa.sync();
    await secretariat.sync();
    expect(secretariat.note('note-spare-sync')).toBeUndefined();
    expect(secretariat.bytes()).toBe(ottawa.bytes());
  }, 60_000);

  it('a merge that would leave a reference to a deleted piece is refused whole: sync.mergeInvalid, the library as it was', async () => {
    secretariat.edit((d) => d.notes.push({ ...structuredClone(d.notes[0]!), id: 'note-linked-sync', title: { en: { text: 'Linked note', status: 'draft' } } }));
    await secretariat.sync();
    await ottawa.sync();
    // The secretariat deletes the note; Ottawa puts it in a pack meanwhile.
    secretariat.store.write(() => secretariat.store.pieces.delete('note-linked-sync'));
    await secretariat.sync();
    ottawa.edit((d) => d.packs[0]!.sections[0]!.items.push({ kind: 'note', ref: 'note-linked-sync' }));
    const before = ottawa.bytes();
    const error = await ottawa.sync().catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe('sync.mergeInvalid');
    expect(isAppError(error) && error.problems.length).toBeGreaterThan(0);
    expect(ottawa.bytes()).toBe(before);
    // Taking the item out again lets the next sync through, the note gone on both sides.
    ottawa.edit((d) => (d.packs[0]!.sections[0]!.items = d.packs[0]!.sections[0]!.items.filter((i) => i.ref !== 'note-linked-sync')));
    expect((await ottawa.sync()).pushed).toBe(true);
    expect(ottawa.note('note-linked-sync')).toBeUndefined();
  }, 60_000);

  it('an office offline for many commits: its queued commits and the other side’s many syncs merge in one go', async () => {
    const { createServer } = await import('node:net');
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const dead = `http://127.0.0.1:${(probe.address() as { port: number }).port}/library.git`;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const notes = secretariat.store.readDocument().notes.map((n) => n.id);
    for (let i = 0; i < 3; i++) {
      ottawa.edit((d) => (d.notes.find((n) => n.id === noteId)!.body.es = { text: `Borrador sin conexión ${i}`, status: 'draft' }));
      const error = await ottawa.sync({ url: dead }).catch((e: unknown) => e);
      expect(isAppError(error) && error.code).toBe('sync.unreachable');
    }
    for (let i = 0; i < 4; i++) {
      secretariat.edit((d) => (d.notes.find((n) => n.id === notes[i % notes.length])!.title.en = { text: `Secretariat revision ${i}`, status: 'draft' }));
      await secretariat.sync();
    }
    const report = await ottawa.sync();
    expect(report).toMatchObject({ integrated: 'merged', newConflicts: 0, pushed: true });
    expect(ottawa.note().body.es!.text).toBe('Borrador sin conexión 2');
    expect(ottawa.note(notes[3 % notes.length]).title.en!.text).toBe(`Secretariat revision ${3}`);
    await secretariat.sync();
    expect(secretariat.bytes()).toBe(ottawa.bytes());
  }, 60_000);

  it('a hostile repository (a file outside pieces/) is refused before the library is touched', async () => {
    const evil = await startGitServer();
    try {
      // Someone pushes a tree with a file outside pieces/ (with git itself, not this app).
      const work = tempDir('briefing-evil-');
      const { execFileSync } = await import('node:child_process');
      execFileSync('git', ['init', '-q', '-b', 'main', work]);
      fs.mkdirSync(path.join(work, 'pieces', 'notes'), { recursive: true });
      fs.writeFileSync(path.join(work, 'run.sh'), 'rm -rf ~\n');
      execFileSync('git', ['-C', work, 'add', '.']);
      execFileSync('git', ['-C', work, '-c', 'user.name=x', '-c', 'user.email=x@y', 'commit', '-qm', 'evil']);
      execFileSync('git', ['-C', work, 'push', '-q', evil.bareDir, 'main']);
      const before = ottawa.bytes();
      const error = await ottawa.sync({ url: evil.url }).catch((e: unknown) => e);
      expect(isAppError(error) && error.code).toBe('sync.outsidePieces');
      expect(ottawa.bytes()).toBe(before);
    } finally {
      await evil.stop();
    }
  }, 60_000);

  it('the server down: a clear translated message, the library as it was, the local commit kept for later', async () => {
    ottawa.edit((d) => (d.notes.find((n) => n.id === noteId)!.date = '2026-03-03'));
    const before = ottawa.bytes();
    const down = server.url;
    await server.stop();
    const error = await ottawa.sync({ url: down }).catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe('sync.unreachable');
    for (const locale of ['en', 'fr', 'es'] as const) {
      const message = createTranslator(locale)(`errors:sync.unreachable`, isAppError(error) ? error.params : {});
      expect(message).toContain(down);
      expect(message).not.toContain('sync.unreachable');
    }
    expect(ottawa.bytes()).toBe(before);
    expect(ottawa.note().date).toBe('2026-03-03');
  }, 60_000);
});
