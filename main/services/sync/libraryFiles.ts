import { AppError } from '../../../shared/errors/AppError';
import { canonicalJson } from '../../../shared/domain/canonicalJson';
import {
  LIBRARY_COLLECTIONS,
  emptyLibraryDocument,
  type LibraryCollection,
  type LibraryDocument,
} from '../../../shared/schemas/libraryDocument';
import { normalizeLibraryDocument } from '../../../shared/schemas/normalizeLibraryDocument';
import { hashSourceText } from '../../db/textHash';
import { parseLibraryShape } from '../parseLibraryDocument';

/** Every piece file lives under this folder of the repository: `pieces/<collection>/<id>.json`. */
export const PIECES_DIR = 'pieces';
/** A piece is a few kilobytes; anything larger is not one of ours (a pack with a logo is the largest). */
export const MAX_PIECE_FILE_BYTES = 1024 * 1024;

const idOf = (collection: LibraryCollection, record: object): string =>
  collection === 'countries' ? (record as { code: string }).code : (record as { id: string }).id;

export function pieceFilePath(collection: LibraryCollection, id: string): string {
  return `${PIECES_DIR}/${collection}/${id}.json`;
}

/**
 * One piece as file text: keys sorted, two-space indent (line diffs a person can read in any git
 * host), final newline. The same content always gives the same bytes.
 */
export function pieceFileText(record: unknown): string {
  return `${JSON.stringify(JSON.parse(canonicalJson(record)), null, 2)}\n`;
}

/** The library as a repository's files: one per piece, keyed by path. */
export function libraryToFiles(doc: LibraryDocument): Map<string, string> {
  const files = new Map<string, string>();
  for (const collection of LIBRARY_COLLECTIONS) {
    for (const record of doc[collection] as object[]) files.set(pieceFilePath(collection, idOf(collection, record)), pieceFileText(record));
  }
  return files;
}

const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9-]*$/;

/**
 * Reads a repository's files back into a library document, refusing anything that is not a piece
 * file we could have written (the repository may come from anyone): each refusal names its path.
 * Only shape is checked here; references between pieces are checked when the document is applied.
 */
export function filesToLibrary(files: ReadonlyMap<string, string | Uint8Array>): LibraryDocument {
  const doc = emptyLibraryDocument();
  for (const [path, content] of files) {
    const { collection, id } = placeOf(path);
    const record = readPiece(path, content, collection);
    const recordId = idOf(collection, record);
    if (recordId !== id) throw new AppError('sync.idMismatch', { path, id: String(recordId) });
    (doc[collection] as object[]).push(record);
  }
  return normalizeLibraryDocument(doc, hashSourceText);
}

function placeOf(path: string): { collection: LibraryCollection; id: string } {
  const parts = path.split('/');
  if (parts[0] !== PIECES_DIR) throw new AppError('sync.outsidePieces', { path });
  if (parts.length !== 3 || path.includes('\\') || !parts.every((p) => SEGMENT.test(p.replace(/\.json$/, '')))) {
    throw new AppError('sync.badPath', { path });
  }
  const collection = parts[1]!;
  if (!(LIBRARY_COLLECTIONS as readonly string[]).includes(collection)) throw new AppError('sync.unknownCollection', { path, collection });
  const name = parts[2]!;
  if (!name.endsWith('.json')) throw new AppError('sync.badPath', { path });
  return { collection: collection as LibraryCollection, id: name.slice(0, -'.json'.length) };
}

function readPiece(path: string, content: string | Uint8Array, collection: LibraryCollection): object {
  const size = typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength;
  if (size > MAX_PIECE_FILE_BYTES) {
    throw new AppError('sync.fileTooLarge', { path, size, limit: MAX_PIECE_FILE_BYTES });
  }
  let text: string;
  try {
    text = typeof content === 'string' ? content : new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    throw new AppError('sync.notUtf8', { path });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError('sync.malformedJson', { path });
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new AppError('sync.notPiece', { path });
  // The exchange format's own checks, on a document of this one piece, naming this file.
  const single = { ...emptyLibraryDocument(), [collection]: [value] };
  return (parseLibraryShape(single, path)[collection] as object[])[0]!;
}
