import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openLibrary, type OpenedLibrary } from '../../../main/db/openLibrary';
import { LibraryStore } from '../../../main/services/LibraryStore';
import { loadStarterLibrary } from '../../../main/services/loadStarterLibrary';
import { serializeLibrary } from '../../../main/services/exportLibrary';
import { applyLibraryDocument } from '../../../main/services/importLibrary';
import { defaultSyncRepoDir, syncLibrary } from '../../../main/services/sync/syncLibrary';
import { LibraryRepository } from '../../../main/services/sync/LibraryRepository';
import { markPath, readSyncMark } from '../../../main/services/sync/syncMark';
import { isAppError } from '../../../shared/errors/AppError';
import { LIBRARY_COLLECTIONS, type LibraryDocument } from '../../../shared/schemas/libraryDocument';
import { skipReasonGitServer, startGitServer, type GitServer } from '../../helpers/gitServer';
import { tempDir } from '../../helpers/cli';

const skip = skipReasonGitServer();

let server: GitServer;
const opened: OpenedLibrary[] = [];

async function office(name: string, starter: boolean) {
  const file = path.join(tempDir(`briefing-syncmark-${name.toLowerCase()}-`), 'library.sqlite');
  const library = await openLibrary(file, { create: true });
  opened.push(library);
  const store = new LibraryStore(library.db);
  if (starter) loadStarterLibrary(store);
  const repoDir = defaultSyncRepoDir(file);
  return {
    store,
    repoDir,
    sync: () => syncLibrary(store, { url: server.url, repoDir, author: { name, office: name } }),
    edit(change: (doc: LibraryDocument) => void) {
      const doc = store.readDocument();
      change(doc);
      applyLibraryDocument(store, doc);
    },
    bytes: () => serializeLibrary(store.readDocument()),
    /** How many times the whole library (not a few records) was read while `run` ran. */
    async wholeReads<T>(run: () => Promise<T>): Promise<{ result: T; whole: number }> {
      const spy = vi.spyOn(store, 'readDocument');
      try {
        const result = await run();
        return { result, whole: spy.mock.calls.filter(([only, ids]) => only === undefined && ids === undefined).length };
      } finally {
        spy.mockRestore();
      }
    },
  };
}

describe.skipIf(skip !== null)('sync remembers the last sync, and reads only what changed since', () => {
  let a: Awaited<ReturnType<typeof office>>;
  let b: Awaited<ReturnType<typeof office>>;

  beforeAll(async () => {
    server = await startGitServer();
    a = await office('Alpha', true);
    b = await office('Bravo', false);
    await a.sync();
    await b.sync();
    await a.sync();
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
    for (const l of opened) l.close();
  });

  it('the mark names main and every piece; a send and a receive of two edits never read the whole library', async () => {
    const mark = readSyncMark(a.repoDir, a.store)!;
    const repo = await LibraryRepository.open(a.repoDir);
    expect(mark.commit).toBe(await repo.head());
    const doc = a.store.readDocument();
    expect(mark.pieces.size).toBe(LIBRARY_COLLECTIONS.reduce((n, c) => n + doc[c].length, 0));
    expect(mark.pieces.size).toBeGreaterThan(10);

    const [first, second] = a.store.readDocument().notes;
    a.edit((d) => {
      d.notes.find((n) => n.id === first!.id)!.title.fr = { text: 'Titre révisé par Alpha', status: 'draft' };
      d.notes.find((n) => n.id === second!.id)!.body.es = { text: 'Texto revisado por Alpha.', status: 'draft' };
    });
    const sent = await a.wholeReads(() => a.sync());
    expect(sent.result).toMatchObject({ committedLocal: true, pushed: true });
    expect(sent.whole).toBe(0);
    // The commit changed exactly those two files.
    expect(server.git('diff', '--name-only', 'main~1', 'main').trim().split('\n').sort()).toEqual([`pieces/notes/${first!.id}.json`, `pieces/notes/${second!.id}.json`].sort());

    const got = await b.wholeReads(() => b.sync());
    expect(got.result).toMatchObject({ integrated: 'fastForward', changedPieces: 2, newConflicts: 0 });
    expect(got.whole).toBe(0);
    expect(b.bytes()).toBe(a.bytes());
    // Nothing changed since: neither side commits or reads anything again.
    expect((await b.sync()).committedLocal).toBe(false);
  }, 60_000);

  it('a deleted piece travels by the same path: gone on the other side, nothing else touched', async () => {
    a.edit((d) => d.notes.push({ ...structuredClone(d.notes[0]!), id: 'note-mark-spare', title: { en: { text: 'Spare', status: 'draft' } } }));
    await a.sync();
    await b.sync();
    expect(b.store.kindOf('note-mark-spare')).toBe('note');
    a.store.write(() => a.store.pieces.delete('note-mark-spare'));
    const sent = await a.wholeReads(() => a.sync());
    expect(sent.whole).toBe(0);
    const got = await b.wholeReads(() => b.sync());
    expect(got.whole).toBe(0);
    expect(got.result.changedPieces).toBe(1);
    expect(b.store.kindOf('note-mark-spare')).toBeUndefined();
    expect(b.bytes()).toBe(a.bytes());
  }, 60_000);

  it('a piece deleted while an unchanged piece here still uses it is refused, the library as it was', async () => {
    const pack = a.store.readDocument().packs[0]!;
    const used = pack.sections.flatMap((s) => s.items).find((i) => i.kind === 'note')!.ref;
    // Alpha's pack keeps the item (a pack item has no foreign key: the build reports it).
    a.store.write(() => a.store.pieces.delete(used));
    await a.sync();
    const before = b.bytes();
    const error = await b.sync().catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe('sync.mergeInvalid');
    expect(b.bytes()).toBe(before);
    // Alpha takes the item out: then it goes through on both sides.
    a.edit((d) => {
      for (const s of d.packs.find((p) => p.id === pack.id)!.sections) s.items = s.items.filter((i) => i.ref !== used);
    });
    await a.sync();
    expect((await b.sync()).changedPieces).toBe(2);
    expect(b.store.kindOf(used)).toBeUndefined();
    expect(b.bytes()).toBe(a.bytes());
  }, 60_000);

  it('a missing, corrupt or stale mark falls back to reading the whole library, with the same outcome', async () => {
    const note = a.store.readDocument().notes.at(-1)!;
    a.edit((d) => (d.notes.find((n) => n.id === note.id)!.title.en = { text: 'Sent without a mark', status: 'draft' }));
    fs.rmSync(markPath(a.repoDir));
    const sent = await a.wholeReads(() => a.sync());
    expect(sent.result).toMatchObject({ committedLocal: true, pushed: true });
    expect(sent.whole).toBeGreaterThan(0);
    // The full path wrote a new mark: the next send is incremental again.
    expect(readSyncMark(a.repoDir, a.store)?.commit).toBe(sent.result.head);

    fs.writeFileSync(markPath(b.repoDir), '{"format":"briefing-synced", truncated');
    expect(readSyncMark(b.repoDir, b.store)).toBeNull();
    const got = await b.wholeReads(() => b.sync());
    expect(got.whole).toBeGreaterThan(0);
    expect(got.result).toMatchObject({ integrated: 'fastForward', changedPieces: 1 });
    expect(b.bytes()).toBe(a.bytes());

    // A mark of another commit (main moved without it) is not trusted either.
    const stale = JSON.parse(fs.readFileSync(markPath(b.repoDir), 'utf8')) as { commit: string };
    fs.writeFileSync(markPath(b.repoDir), JSON.stringify({ ...stale, commit: '0'.repeat(40) }));
    b.edit((d) => (d.notes.find((n) => n.id === note.id)!.title.es = { text: 'Enviado con una marca vieja', status: 'draft' }));
    const staleSent = await b.wholeReads(() => b.sync());
    expect(staleSent.whole).toBeGreaterThan(0);
    expect(staleSent.result.pushed).toBe(true);
    await a.sync();
    expect(a.bytes()).toBe(b.bytes());
    expect(a.store.readDocument().notes.find((n) => n.id === note.id)!.title.es!.text).toBe('Enviado con una marca vieja');
  }, 60_000);
});
