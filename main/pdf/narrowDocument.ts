import type { PieceKind } from '../../shared/domain/pieceKinds';
import { collectionOfKind } from '../../shared/domain/pieceReferences';
import { emptyLibraryDocument, type LibraryCollection, type LibraryDocument } from '../../shared/schemas/libraryDocument';

type Rec = { id?: string; code?: string };

/**
 * The library cut down to the pieces a build reads (recordedBuild's piecesUsed: the pack, what
 * its sections list, every piece whose texts the editions show), in the library's order. This is
 * what goes to each worker instead of the whole library: the same PDF for a fraction of the copy
 * (structured clone) per edition. A piece kind the engine does not know keeps its whole collection.
 */
export function narrowDocument(doc: LibraryDocument, pieces: readonly { id: string; kind: string }[]): LibraryDocument {
  const wanted = new Map<LibraryCollection, Set<string>>();
  for (const p of pieces) {
    const collection = collectionOfKind(p.kind as PieceKind);
    if (!collection) return doc;
    let ids = wanted.get(collection);
    if (!ids) wanted.set(collection, (ids = new Set()));
    ids.add(p.id);
  }
  const out = emptyLibraryDocument();
  for (const key of Object.keys(out) as (keyof LibraryDocument)[]) {
    const list = doc[key];
    if (!Array.isArray(list)) {
      (out as Record<string, unknown>)[key] = list;
      continue;
    }
    const ids = wanted.get(key as LibraryCollection);
    (out as Record<string, unknown>)[key] = ids ? (list as Rec[]).filter((r) => ids.has((r.id ?? r.code)!)) : [];
  }
  return out;
}
