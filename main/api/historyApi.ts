import { listVersions, readVersion, restoreVersion } from '../services/history/pieceHistory';
import type { ApiContext } from './ApiContext';
import type { ApiRegistry } from './ApiRegistry';

/** A piece's versions, one version's record, and restoring one (itself a version). */
export function registerHistoryApi(api: ApiRegistry, ctx: ApiContext): void {
  api.register('history.list', ({ id }) => listVersions(ctx.store, id));
  api.register('history.version', ({ id, version }) => readVersion(ctx.store, id, version));
  api.register('history.restore', ({ id, version }) => restoreVersion(ctx.store, id, version));
}
