import { AppError } from '../../shared/errors/AppError';
import type { BuildChangesResult } from '../../shared/api/buildRecordTypes';
import { packChanges, type PieceAt } from '../../shared/domain/packChanges';
import type { PieceKind } from '../../shared/domain/pieceKinds';
import { collectionOfKind } from '../../shared/domain/pieceReferences';
import type { LibraryDocument } from '../../shared/schemas/libraryDocument';
import type { LibraryStore } from '../services/LibraryStore';
import { lastDistributedBuild } from '../services/distribution';
import { readVersionRecord } from '../services/history/HistoryRecorder';
import { piecesUsed } from './recordedBuild';
import { findVersionByHash } from '../services/history/pieceHistory';

/** An earlier build named by id, `distributed` (the pack's last build sent to anyone) or `none`. */
export type ChangesSince = string | 'distributed' | 'none';

export type BuildChanges = BuildChangesResult;

interface BuildRow {
  id: string;
  pack_id: string;
  pack_slug: string;
  built_at: string;
  status: string;
}

/**
 * The changes in a pack since an earlier build of it: that build's pieces read back from the
 * history at the versions it used, compared with what the pack uses now. `distributed` with no
 * build sent yet, and `none`, give null: there is nothing to compare with.
 */
export function changesSince(store: LibraryStore, doc: LibraryDocument, packRef: string, since: ChangesSince): BuildChanges | null {
  if (since === 'none') return null;
  const pack = doc.packs.find((p) => p.id === packRef || p.slug === packRef);
  if (!pack) throw new AppError('build.unknownPack', { pack: packRef });
  const buildId = since === 'distributed' ? lastDistributedBuild(store, pack.id) : since;
  if (buildId === null) return null;
  const build = store.db.prepare('SELECT id, pack_id, pack_slug, built_at, status FROM builds WHERE id = ?').get(buildId) as BuildRow | undefined;
  if (!build) throw new AppError('changes.unknownBuild', { build: buildId });
  if (build.pack_id !== pack.id) throw new AppError('changes.otherPack', { build: buildId, pack: pack.slug, other: build.pack_slug });
  if (build.status !== 'ok') throw new AppError('changes.notBuilt', { build: buildId, status: build.status });

  const earlier = new Map<string, PieceAt>();
  const missing: string[] = [];
  const rows = store.db.prepare('SELECT piece_id AS id, kind, content_hash AS hash FROM build_pieces WHERE build_id = ? ORDER BY piece_id').all(buildId) as {
    id: string;
    kind: PieceKind;
    hash: string;
  }[];
  for (const row of rows) {
    const number = findVersionByHash(store, row.id, row.hash);
    const record = number === null ? null : readVersionRecord(store.db, row.id, number);
    if (record) earlier.set(row.id, { kind: row.kind, record });
    else missing.push(row.id);
  }
  if (missing.length > 0) {
    throw new AppError('changes.versionsMissing', { build: buildId, count: missing.length, pieces: missing.slice(0, 5).join(', ') });
  }

  const now = new Map<string, PieceAt>();
  const used = piecesUsed(store, pack.id, doc);
  const records = store.readRecords(used.map((p) => p.id));
  const byId = new Map<string, Record<string, unknown>>();
  for (const p of used) {
    const collection = collectionOfKind(p.kind as PieceKind);
    if (!collection) continue;
    for (const r of records[collection] as Record<string, unknown>[]) byId.set(String(r.id ?? r.code), r);
  }
  for (const p of used) {
    const record = byId.get(p.id);
    if (record) now.set(p.id, { kind: p.kind as PieceKind, record });
  }
  return { buildId, builtAt: build.built_at, changes: packChanges(pack.id, earlier, now) };
}
