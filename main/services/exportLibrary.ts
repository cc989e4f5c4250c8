import type { LibraryDocument } from '../../shared/schemas/libraryDocument';
import type { LibraryStore } from './LibraryStore';
import { writeFileAtomic } from './writeFileAtomic';

/** The exchange format as bytes: canonical records, two-space indent, final newline. */
export function serializeLibrary(doc: LibraryDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

export function exportLibraryFile(store: LibraryStore, file: string, options: { force: boolean }) {
  const doc = store.readDocument();
  const text = serializeLibrary(doc);
  writeFileAtomic(file, text, options);
  return { file, bytes: Buffer.byteLength(text), doc };
}

/** The whole library as a file's text, under a dated name (the app offers it to save or download). */
export function exportLibraryText(store: LibraryStore, now = new Date()): { fileName: string; json: string } {
  const day = now.toISOString().slice(0, 10);
  return { fileName: `briefing-library-${day}.json`, json: serializeLibrary(store.readDocument()) };
}
