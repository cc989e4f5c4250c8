import { expect } from 'vitest';
import { pieceContentHash } from '../../main/services/pieceContentHash';
import type { LibraryStore } from '../../main/services/LibraryStore';
import { LIBRARY_COLLECTIONS } from '../../shared/schemas/libraryDocument';
import { recordKey } from '../../shared/domain/recordKey';

/** Every piece's current record hashes to its last version's hash, and that version is not a delete. */
export function expectHistoryMatchesPieces(store: LibraryStore): number {
  const doc = store.readDocument();
  const last = store.db.prepare('SELECT hash, deleted FROM piece_versions WHERE piece_id = ? ORDER BY number DESC LIMIT 1');
  let checked = 0;
  for (const collection of LIBRARY_COLLECTIONS) {
    for (const record of doc[collection] as object[]) {
      const id = recordKey(record);
      expect(last.get(id), id).toEqual({ hash: pieceContentHash(record), deleted: 0 });
      checked++;
    }
  }
  return checked;
}
