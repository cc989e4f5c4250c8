import type { PieceKind } from '../../../../shared/domain/pieceKinds';
import { LIBRARY_KINDS, type LibraryKind } from '../../navigation/Route';

const TAB: Partial<Record<PieceKind, string>> = {
  priority: 'priorities',
  instrument: 'instruments',
  country: 'countries',
  note: 'notes',
  meeting: 'meetings',
  source: 'sources',
  network: 'networks',
};

/** The library tab a piece of `kind` belongs to; a kind without a tab of its own stays on `current`. */
export function libraryTabOf(kind: PieceKind, current: LibraryKind): LibraryKind {
  const tab = TAB[kind];
  return (LIBRARY_KINDS as readonly string[]).includes(tab ?? '') ? (tab as LibraryKind) : current;
}
