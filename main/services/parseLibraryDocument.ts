import { AppError } from '../../shared/errors/AppError';
import {
  LIBRARY_FORMAT,
  LIBRARY_FORMAT_VERSION,
  libraryDocumentSchema,
  type LibraryDocument,
} from '../../shared/schemas/libraryDocument';
import { checkLibraryDocument, type LibraryLookup } from '../../shared/schemas/checkLibraryDocument';
import { normalizeLibraryDocument } from '../../shared/schemas/normalizeLibraryDocument';
import { checkTextCharacters, problemFromDocumentIssue, problemFromZodIssue } from '../../shared/schemas/validationProblems';
import { hashSourceText } from '../db/textHash';

/**
 * Validates parsed JSON as a library document: envelope, then every field (zod), then ids and
 * references against the file and the library it goes into. Returns the canonical form.
 */
export function parseLibraryDocument(input: unknown, file: string, library: LibraryLookup): LibraryDocument {
  return checkLibraryShape(parseLibraryShape(input, file), file, library);
}

/**
 * The part that needs no library: envelope and every field. It is the costly part of a large
 * file, so the app runs it off the thread that answers requests (ImportParser).
 */
export function parseLibraryShape(input: unknown, file: string): LibraryDocument {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) throw new AppError('import.notLibrary', { file });
  const envelope = input as { format?: unknown; formatVersion?: unknown };
  if (envelope.format !== LIBRARY_FORMAT) throw new AppError('import.notLibrary', { file });
  if (envelope.formatVersion === undefined) {
    throw new AppError('import.formatVersionMissing', { file, supported: LIBRARY_FORMAT_VERSION });
  }
  if (envelope.formatVersion !== LIBRARY_FORMAT_VERSION) {
    throw new AppError('import.formatVersion', {
      file,
      version: JSON.stringify(envelope.formatVersion),
      supported: LIBRARY_FORMAT_VERSION,
    });
  }
  const texts = checkTextCharacters(input);
  if (texts.problems.length > 0) {
    throw new AppError('import.invalid', { file, count: texts.problems.length }, texts.problems);
  }
  const parsed = libraryDocumentSchema.safeParse(texts.value);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => problemFromZodIssue(issue, texts.value));
    throw new AppError('import.invalid', { file, count: problems.length }, problems);
  }
  return parsed.data;
}

/** Ids and references against the file itself and the library it goes into; the canonical form. */
export function checkLibraryShape(doc: LibraryDocument, file: string, library: LibraryLookup): LibraryDocument {
  const issues = checkLibraryDocument(doc, library);
  if (issues.length > 0) {
    const problems = issues.map((issue) => problemFromDocumentIssue(issue, doc));
    throw new AppError('import.invalid', { file, count: problems.length }, problems);
  }
  return normalizeLibraryDocument(doc, hashSourceText);
}
