import path from 'node:path';
import { openLibrary } from '../../main/db/openLibrary';
import { LibraryStore } from '../../main/services/LibraryStore';
import { applyLibraryDocument } from '../../main/services/importLibrary';
import { deletePiece, pieceReferences, restorePiece } from '../../main/services/trash/deletePiece';
import { Trash } from '../../main/services/trash/Trash';
import { loadStarterLibrary } from '../../main/services/loadStarterLibrary';
import { scaleLibrary } from './scaleLibrary';

type Emit = (record: Record<string, unknown>) => void;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const round = (x: number) => Math.round(x * 10) / 10;

/**
 * Deleting at scale: the delete dialog's list of references, a delete that removes them (a note
 * the large pack lists), and its restore, in a library of the starter content scaled to about
 * 10,000 pieces. Reference: the list-opening target of 300 ms (issue 9) for a dialog's opening.
 */
export async function runDeleteBench(emit: Emit, work: string, runs: number): Promise<void> {
  const lib = await openLibrary(path.join(work, 'delete-bench.sqlite'), { create: true });
  try {
    const store = new LibraryStore(lib.db);
    loadStarterLibrary(store);
    applyLibraryDocument(store, scaleLibrary(store.readDocument(), 200));
    const pieces = Object.values(store.pieces.countByKind()).reduce((a, b) => a + b, 0);
    const trash = new Trash();
    const note = store.readDocument().notes.find((n) => n.id.endsWith('-x100')) ?? store.readDocument().notes[0]!;
    const timings = { references: [] as number[], delete: [] as number[], restore: [] as number[] };
    let removed = 0;
    for (let i = 0; i < runs; i++) {
      let t = performance.now();
      removed = pieceReferences(store, note.id, 'en').references.length;
      timings.references.push(performance.now() - t);
      t = performance.now();
      const deleted = deletePiece(store, trash, { id: note.id, locale: 'en', removeReferences: true });
      timings.delete.push(performance.now() - t);
      t = performance.now();
      restorePiece(store, trash, { trashId: deleted.trashId, locale: 'en' });
      timings.restore.push(performance.now() - t);
    }
    emit({
      bench: 'delete',
      pieces,
      references: removed,
      references_ms_median: round(median(timings.references)),
      delete_ms_median: round(median(timings.delete)),
      restore_ms_median: round(median(timings.restore)),
      reference_ms: 300,
      runs,
    });
  } finally {
    lib.close();
  }
}
