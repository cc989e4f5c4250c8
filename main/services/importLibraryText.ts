import { AppError } from '../../shared/errors/AppError';
import { LIMITS } from '../../shared/schemas/common';
import { checkLibraryShape } from './parseLibraryDocument';
import { importLibraryDocument, type ImportReport } from './importLibrary';
import type { ImportParser } from './importWorker/ImportParser';
import type { LibraryStore } from './LibraryStore';

/**
 * A library file's text (as the app receives it) imported like `briefing import`: parsed and
 * validated field by field in the import worker, then its references checked against the
 * library and written all or nothing on this thread.
 */
export async function importLibraryText(
  store: LibraryStore,
  parser: ImportParser,
  text: string,
  file: string,
  options: { dryRun: boolean },
): Promise<ImportReport> {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > LIMITS.importFileBytes) {
    const mb = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10;
    throw new AppError('import.fileTooLarge', { file, size: mb(bytes), limit: mb(LIMITS.importFileBytes) });
  }
  const shaped = await parser.readLibraryJson(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, file);
  return importLibraryDocument(store, checkLibraryShape(shaped, file, store), file, options);
}
