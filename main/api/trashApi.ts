import { deletePiece, listTrash, pieceReferences, restorePiece } from '../services/trash/deletePiece';
import { Trash } from '../services/trash/Trash';
import { describePieces } from '../services/describePieces';
import type { ApiContext } from './ApiContext';
import type { ApiRegistry } from './ApiRegistry';

/** Naming pieces for messages; deleting any piece (seeing what refers to it first), the recently deleted, and restoring. */
export function registerTrashApi(api: ApiRegistry, ctx: ApiContext): void {
  // One per running app: deleted pieces can be restored until it closes.
  const trash = new Trash();
  api.register('library.references', ({ id, locale }) => pieceReferences(ctx.store, id, locale));
  api.register('library.delete', (input) => deletePiece(ctx.store, trash, input));
  api.register('library.restore', (input) => restorePiece(ctx.store, trash, input));
  api.register('library.trash', ({ locale }) => listTrash(trash, locale));
  api.register('library.describePieces', ({ ids, locale }) => describePieces(ctx.store, ids, locale));
}
