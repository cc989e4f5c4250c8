import type { NoteDoc, SourceDoc } from '../../../shared/schemas/libraryDocument';
import type { PieceRecord } from '../../../shared/api/apiContract';

export const LIBRARY_KINDS = ['priorities', 'instruments', 'countries', 'notes', 'meetings', 'networks', 'sources'] as const;
export type LibraryKind = (typeof LIBRARY_KINDS)[number];

/** Where the user is: the app has no URLs of its own (the desktop app has no address bar). */
export type Route =
  | { screen: 'library'; kind: LibraryKind; pieceId?: string; newNote?: NoteDoc; newSource?: SourceDoc; newPiece?: PieceRecord }
  | { screen: 'packs'; packId?: string }
  | { screen: 'translate' }
  | { screen: 'settings' };
