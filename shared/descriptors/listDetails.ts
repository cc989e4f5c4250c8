import type { ListEntry } from '../api/listTypes';
import type { PieceKind } from '../domain/pieceKinds';
import { DESCRIPTORS } from './descriptors';

type Detail = ListEntry['details'][string];

/**
 * A list row's facts: the kind's list columns (its descriptor) under their field names, then the
 * facts other screens need that the row does not show (a priority's network for numbering).
 */
export function listDetails(kind: PieceKind, values: Record<string, Detail | undefined>, extras: Record<string, Detail> = {}): ListEntry['details'] {
  const out: ListEntry['details'] = {};
  for (const column of DESCRIPTORS[kind].listColumns) out[column] = values[column] ?? null;
  return { ...out, ...extras };
}
