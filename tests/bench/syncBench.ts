import path from 'node:path';
import { openLibrary } from '../../main/db/openLibrary';
import { LibraryStore } from '../../main/services/LibraryStore';
import { applyLibraryDocument } from '../../main/services/importLibrary';
import { loadStarterLibrary } from '../../main/services/loadStarterLibrary';
import { defaultSyncRepoDir, syncLibrary } from '../../main/services/sync/syncLibrary';
import { LIBRARY_COLLECTIONS, type LibraryDocument } from '../../shared/schemas/libraryDocument';
import { startGitServer } from '../helpers/gitServer';
import { scaleLibrary } from './scaleLibrary';
import { withNotes } from './uiBench';

type Emit = (record: Record<string, unknown>) => void;

const PIECES = 10_000;
const EDITS = 20;

const count = (doc: LibraryDocument) => LIBRARY_COLLECTIONS.reduce((n, c) => n + doc[c].length, 0);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (x: number) => Math.round(x * 10) / 10;

/**
 * Two offices sharing the bench library (the starter scaled to PIECES pieces) through the local
 * git server. Each run: the sending office edits EDITS notes (French titles) and syncs (commit,
 * fetch, push); the other office syncs them in (fetch, fast-forward, checks, write). Both edit a
 * different note each run. The first, full syncs are the setup, not measured.
 * Reference: the target, a sync of 20 edited pieces against a 10,000-piece library ≤ 3 s.
 */
export async function runSyncBench(emit: Emit, runs: number, work: string): Promise<void> {
  const server = await startGitServer();
  const offices = await Promise.all(
    ['sender', 'receiver'].map(async (name) => {
      const file = path.join(work, `sync-${name}.sqlite`);
      const library = await openLibrary(file, { create: true });
      const store = new LibraryStore(library.db);
      return { name, file, library, store, repoDir: defaultSyncRepoDir(file) };
    }),
  );
  const [sender, receiver] = offices as [(typeof offices)[0], (typeof offices)[0]];
  try {
    loadStarterLibrary(sender.store);
    applyLibraryDocument(sender.store, withNotes(scaleLibrary(sender.store.readDocument(), 9), PIECES));
    const sync = (o: typeof sender) => syncLibrary(o.store, { url: server.url, repoDir: o.repoDir, author: { name: o.name, office: 'Bench' } });
    await sync(sender);
    await sync(receiver);
    const pieces = count(receiver.store.readDocument());
    const send: number[] = [];
    const receive: number[] = [];
    for (let r = 0; r < runs; r++) {
      const doc = sender.store.readDocument();
      const notes = doc.notes.slice(r * EDITS, (r + 1) * EDITS);
      for (const n of notes) n.title.fr = { text: `${n.title.fr?.text ?? 'Note'} (révision ${r})`, status: 'draft' };
      applyLibraryDocument(sender.store, { ...doc, notes });
      let start = performance.now();
      const sent = await sync(sender);
      send.push(performance.now() - start);
      start = performance.now();
      const got = await sync(receiver);
      receive.push(performance.now() - start);
      if (!sent.pushed || got.changedPieces !== EDITS) throw new Error(`sync bench: sent ${JSON.stringify(sent)}, received ${JSON.stringify(got)}`);
    }
    const common = { pieces, edited_pieces: EDITS, runs, target_ms: 3000, reference: 'issue 13 target: a sync of 20 edited pieces against a 10,000-piece library, ≤ 3 s' };
    emit({ bench: 'sync', step: 'send (commit, fetch, push)', ...common, median_ms: round(median(send)) });
    emit({ bench: 'sync', step: 'receive (fetch, checks, write)', ...common, median_ms: round(median(receive)) });
  } finally {
    for (const o of offices) o.library.close();
    await server.stop();
  }
}
