import fs from 'node:fs';
import path from 'node:path';
import { openLibrary } from '../../main/db/openLibrary';
import { LibraryStore } from '../../main/services/LibraryStore';

type Emit = (record: Record<string, unknown>) => void;

const WRITES = 300;

/**
 * What the write gate costs (LibraryStore.write: the device-and-inode check, then BEGIN
 * IMMEDIATE) per small write, against its reference: the same write in a bare transaction.
 */
export async function runWriteGateBench(emit: Emit, libraryFile: string, work: string, runs: number): Promise<void> {
  const file = path.join(work, 'write-gate.sqlite');
  fs.copyFileSync(libraryFile, file);
  const library = await openLibrary(file, { create: false });
  const store = new LibraryStore(library.db);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const perWrite = (write: (i: number) => void) => {
    const times: number[] = [];
    for (let r = 0; r < runs; r++) {
      const start = performance.now();
      for (let i = 0; i < WRITES; i++) write(i);
      times.push(((performance.now() - start) * 1000) / WRITES);
    }
    return Math.round(median(times) * 10) / 10;
  };
  try {
    const bare = perWrite((i) => store.db.transaction(() => store.settings.set('bench.value', String(i)))());
    const gated = perWrite((i) => store.write(() => store.settings.set('bench.value', String(i))));
    const check = perWrite(() => store.identity?.check());
    emit({ bench: 'write-gate', writes: WRITES, gated_us: gated, reference_bare_transaction_us: bare, identity_check_us: check });
  } finally {
    library.close();
  }
}
