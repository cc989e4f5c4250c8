import fs from 'node:fs';
import path from 'node:path';
import { DESCRIPTORS } from '../../../shared/descriptors/descriptors';
import type { PieceKind } from '../../../shared/domain/pieceKinds';
import { LIBRARY_FORMAT_VERSION, type LibraryCollection } from '../../../shared/schemas/libraryDocument';
import type { LibraryStore } from '../LibraryStore';
import { writeFileAtomic } from '../writeFileAtomic';
import { pieceFilePath } from './libraryFiles';

/** Kept in the repository's folder: git ignores a file it does not know there. */
export const SYNC_MARK_FILE = 'briefing-synced.json';
const MARK_FORMAT = 'briefing-synced';

/**
 * Each piece's kind and the content hash of its newest version (its history's, which the write gate
 * records with every change); null where no version is recorded, so the piece is always read.
 */
export type PieceState = Map<string, { kind: PieceKind; hash: string | null }>;

/** What the library held when the repository's main was last made from it (or it from main). */
export interface SyncMark {
  commit: string;
  pieces: PieceState;
}

/**
 * The mark is only worth what it was measured against: the same schema and exchange format (a
 * migration or a new canonical form can change the files without a new version being recorded).
 */
const markStamp = (store: LibraryStore) => `${String(store.db.pragma('user_version', { simple: true }))}/${LIBRARY_FORMAT_VERSION}`;

export const markPath = (gitdir: string) => path.join(gitdir, SYNC_MARK_FILE);

export function pieceStates(store: LibraryStore): PieceState {
  const rows = store.db
    .prepare(
      `SELECT p.id AS id, p.kind AS kind,
         (SELECT CASE WHEN v.deleted THEN NULL ELSE v.hash END FROM piece_versions v WHERE v.piece_id = p.id ORDER BY v.number DESC LIMIT 1) AS hash
       FROM pieces p WHERE p.kind <> 'section'`,
    )
    .all() as { id: string; kind: PieceKind; hash: string | null }[];
  return new Map(rows.map((r) => [r.id, { kind: r.kind, hash: r.hash }]));
}

export function collectionOf(kind: PieceKind): LibraryCollection {
  return DESCRIPTORS[kind].collection as LibraryCollection;
}

export const piecePath = (id: string, kind: PieceKind) => pieceFilePath(collectionOf(kind), id);

/** The mark, or null when it is missing, unreadable or from another schema: then sync reads everything. */
export function readSyncMark(gitdir: string, store: LibraryStore): SyncMark | null {
  try {
    const value = JSON.parse(fs.readFileSync(markPath(gitdir), 'utf8')) as {
      format?: unknown;
      stamp?: unknown;
      commit?: unknown;
      pieces?: unknown;
    };
    if (value.format !== MARK_FORMAT || value.stamp !== markStamp(store)) return null;
    if (typeof value.commit !== 'string' || !/^[0-9a-f]{40}$/.test(value.commit)) return null;
    if (!value.pieces || typeof value.pieces !== 'object' || Array.isArray(value.pieces)) return null;
    const pieces: PieceState = new Map();
    for (const [id, entry] of Object.entries(value.pieces as Record<string, unknown>)) {
      if (!Array.isArray(entry) || entry.length !== 2) return null;
      const [kind, hash] = entry as unknown[];
      if (typeof kind !== 'string' || !(kind in DESCRIPTORS) || !DESCRIPTORS[kind as PieceKind].collection) return null;
      if (hash !== null && typeof hash !== 'string') return null;
      pieces.set(id, { kind: kind as PieceKind, hash: hash as string | null });
    }
    return { commit: value.commit, pieces };
  } catch {
    return null;
  }
}

export function writeSyncMark(gitdir: string, store: LibraryStore, mark: SyncMark): void {
  const pieces = Object.fromEntries([...mark.pieces].map(([id, p]) => [id, [p.kind, p.hash]]));
  writeFileAtomic(markPath(gitdir), JSON.stringify({ format: MARK_FORMAT, stamp: markStamp(store), commit: mark.commit, pieces }), { force: true });
}

/** The pieces whose newest version differs from the mark's (or has none), and those gone since. */
export function piecesChangedSince(mark: PieceState, now: PieceState): { changed: string[]; removed: { id: string; kind: PieceKind }[] } {
  const changed: string[] = [];
  for (const [id, p] of now) {
    const before = mark.get(id);
    if (p.hash === null || !before || before.hash !== p.hash || before.kind !== p.kind) changed.push(id);
  }
  const removed: { id: string; kind: PieceKind }[] = [];
  for (const [id, p] of mark) {
    const still = now.get(id);
    if (!still || still.kind !== p.kind) removed.push({ id, kind: p.kind });
  }
  return { changed, removed };
}
