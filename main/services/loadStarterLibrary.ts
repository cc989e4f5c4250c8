import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LibraryStore } from './LibraryStore';
import { applyLibraryDocument } from './importLibrary';
import { parseLibraryDocument } from './parseLibraryDocument';
import { readLibraryFile } from './readLibraryFile';
import { readTbx } from '../terms/readTbx';
import { importTermbase } from './terms/importTermbase';

/** The built-in starter library (exchange format v1): data only, in seeds/ (see its README). */
export const STARTER_LIBRARY_PATH = fileURLToPath(new URL('../../seeds/starter-library.json', import.meta.url));
/** The starter termbase (TBX) beside it: its file name, found beside whichever library is loaded. */
export const STARTER_TERMS_FILE = 'starter-terms.tbx';

/**
 * Validates the starter content like any import, then writes it, with the starter termbase
 * beside it (drafts, as any TBX import), in one transaction.
 */
export function loadStarterLibrary(store: LibraryStore, file = STARTER_LIBRARY_PATH) {
  const doc = parseLibraryDocument(readLibraryFile(file), file, store);
  const termsFile = path.join(path.dirname(file), STARTER_TERMS_FILE);
  const concepts = fs.existsSync(termsFile) ? readTbx(fs.readFileSync(termsFile, 'utf8')) : [];
  return store.write(() => {
    const counts = applyLibraryDocument(store, doc);
    if (concepts.length > 0) importTermbase(store, concepts, { dryRun: false });
    return counts;
  });
}
