import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { openLibrary, type OpenedLibrary } from '../../main/db/openLibrary';
import { LibraryStore } from '../../main/services/LibraryStore';
import { loadStarterLibrary } from '../../main/services/loadStarterLibrary';

/**
 * Opens libraries holding the starter content, in one temporary folder that is closed and removed
 * after the test file. Call at the top level of a test file; each call of the result opens one.
 */
export function useStarterStores(prefix: string): (name: string) => Promise<LibraryStore> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const opened: OpenedLibrary[] = [];
  afterAll(() => {
    for (const library of opened) library.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return async (name) => {
    const library = await openLibrary(path.join(dir, `${name}.sqlite`), { create: true });
    opened.push(library);
    const store = new LibraryStore(library.db);
    loadStarterLibrary(store);
    return store;
  };
}
