import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../../main/db/openLibrary';
import { LibraryStore } from '../../main/services/LibraryStore';
import { loadStarterLibrary } from '../../main/services/loadStarterLibrary';
import { checkLibrary } from '../../main/services/checkLibrary';
import { tempDir } from '../helpers/cli';
import { expectHistoryMatchesPieces } from '../helpers/historyConsistency';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Runs the writer child until it has committed a few writes, lets it write on a while, then kills it with SIGKILL. */
async function killMidWrite(db: string, afterMs: number): Promise<void> {
  const child = spawn(process.execPath, [path.join(ROOT, 'main/bin/run-ts.mjs'), 'tests/helpers/historyWriterChild.ts', db], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`writer exited with ${code} before it was killed`)));
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('writing')) resolve();
    });
  });
  child.removeAllListeners('exit');
  await new Promise((r) => setTimeout(r, afterMs));
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await exited;
}

describe('history and kill -9', () => {
  it('a writer killed mid-write leaves every piece’s current hash equal to its last version’s hash', async () => {
    const db = path.join(tempDir('briefing-history-kill-'), 'library.sqlite');
    const first = await openLibrary(db, { create: true });
    loadStarterLibrary(new LibraryStore(first.db));
    first.close();
    for (const afterMs of [37, 151, 263]) {
      await killMidWrite(db, afterMs);
      const library = await openLibrary(db, { create: false });
      try {
        const store = new LibraryStore(library.db);
        expect(checkLibrary(library.db).problems).toEqual([]);
        expect(expectHistoryMatchesPieces(store)).toBeGreaterThan(20);
        // The writer did get versions in: the kill was not before its first write.
        const edited = store.db.prepare("SELECT max(number) FROM piece_versions WHERE kind = 'priority'").pluck().get() as number;
        expect(edited).toBeGreaterThan(3);
      } finally {
        library.close();
      }
    }
  }, 120_000);
});
