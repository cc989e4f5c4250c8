import { fileURLToPath } from 'node:url';
import type { LibraryStore } from '../main/services/LibraryStore';
import { applyLibraryDocument } from '../main/services/importLibrary';
import { parseLibraryDocument } from '../main/services/parseLibraryDocument';
import { readLibraryFile } from '../main/services/readLibraryFile';

/** The built-in starter library (exchange format v1); see README.md beside it. */
export const STARTER_LIBRARY_PATH = fileURLToPath(new URL('./starter-library.json', import.meta.url));

/** Validates the starter content like any import, then writes it in one transaction. */
export function loadStarterLibrary(store: LibraryStore, file = STARTER_LIBRARY_PATH) {
  const doc = parseLibraryDocument(readLibraryFile(file), file, store);
  return applyLibraryDocument(store, doc);
}
