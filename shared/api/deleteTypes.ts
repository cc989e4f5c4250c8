import type { Locale } from '../domain/locales';
import type { PieceKind } from '../domain/pieceKinds';

/** A piece as the delete dialog and the trash name it: its kind and title in the interface language. */
export interface NamedPiece {
  kind: PieceKind;
  id: string;
  title: string;
  titleLocale: Locale;
}

/** One place that names the piece about to be deleted. */
export interface PieceReference {
  /** The piece that refers to it (for a pack item: the pack). */
  from: NamedPiece;
  /** The referring field's label key (`ui:fields.<label>`). */
  label: string;
  /** The referring piece cannot do without it (a meeting's network): change or delete that piece first. */
  required: boolean;
  /** A pack item: the section it is in, by title. */
  section?: { id: string; title: string; titleLocale: Locale };
}

export interface ReferencesResult {
  piece: NamedPiece;
  references: PieceReference[];
}

export interface DeleteResult {
  piece: NamedPiece;
  /** Keeps the deleted piece (and the references removed with it) until the app closes. */
  trashId: string;
  removedReferences: number;
}

export interface TrashEntry {
  trashId: string;
  piece: NamedPiece;
  deletedAt: string;
  removedReferences: number;
}

export interface RestoreResult {
  piece: NamedPiece;
  /** References put back; those whose piece (or section) has gone since are dropped. */
  restoredReferences: number;
  droppedReferences: number;
}

/** A piece named for a message: its kind and title, and for a pack's section, its pack and place. */
export interface PieceName extends NamedPiece {
  section?: { packId: string; index: number };
}
