import type { NoteDoc, SourceDoc } from '../../../shared/schemas/libraryDocument';
import type { PieceRecord } from '../../../shared/api/apiContract';

export const LIBRARY_KINDS = ['priorities', 'instruments', 'countries', 'notes', 'meetings', 'networks', 'sources'] as const;
export type LibraryKind = (typeof LIBRARY_KINDS)[number];

/** Where the user is: the app has no URLs of its own (the desktop app has no address bar). */
export type Route =
  | {
      screen: 'library';
      kind: LibraryKind;
      /** The editor of this piece. */
      pieceId?: string;
      /** The reading view of this piece (read-only; Edit is a separate step). */
      readId?: string;
      /** The kind's search box starts with this query ("Show all" from the header's search). */
      query?: string;
      newNote?: NoteDoc;
      newSource?: SourceDoc;
      /** A new piece of any kind, not yet saved (the descriptor's form). */
      newPiece?: PieceRecord;
    }
  | { screen: 'packs'; packId?: string }
  | { screen: 'translate' }
  | { screen: 'terms' }
  | { screen: 'settings' }
  /** `pieceId`: only that piece's conflicts (from the piece's own page). */
  | { screen: 'sync'; pieceId?: string };
