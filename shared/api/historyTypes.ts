import type { FieldChange } from '../domain/history/recordChanges';
import type { PieceKind } from '../domain/pieceKinds';

/** One version of a piece as the history lists it. */
export interface PieceVersionInfo {
  number: number;
  at: string;
  /** Null for the version a piece had when its library began keeping history. */
  who: string | null;
  changes: FieldChange[];
  restoredFrom: number | null;
  deleted: boolean;
}

export interface PieceVersion extends PieceVersionInfo {
  id: string;
  kind: PieceKind;
  /** The record in the exchange format as it was at this version. */
  record: Record<string, unknown>;
}
