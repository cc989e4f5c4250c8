import { fileURLToPath } from 'node:url';
import type { LibraryStore } from './LibraryStore';
import { applyLibraryDocument } from './importLibrary';
import { parseLibraryDocument } from './parseLibraryDocument';
import { readLibraryFile } from './readLibraryFile';

/** The built-in starter library (exchange format v1): data only, in seeds/ (see its README). */
export const STARTER_LIBRARY_PATH = fileURLToPath(new URL('../../seeds/starter-library.json', import.meta.url));

/** Validates the starter content like any import, then writes it in one transaction. */
export function loadStarterLibrary(store: LibraryStore, file = STARTER_LIBRARY_PATH) {
  const doc = parseLibraryDocument(readLibraryFile(file), file, store);
  return applyLibraryDocument(store, doc);
}
