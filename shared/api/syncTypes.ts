import type { Locale } from '../domain/locales';

/** Where the library syncs, how many conflicts wait, and when it last synced (null: never). */
export interface SyncStatus {
  remote: string | null;
  openConflicts: number;
  lastSync: string | null;
}

/** What one sync did (the service's report). */
export interface SyncRunResult {
  url: string;
  /** Local changes committed by this sync (they were queued if the remote could not be reached). */
  committedLocal: boolean;
  /** What came from the remote: nothing, its commits taken as they were, or merged with ours. */
  integrated: 'none' | 'fastForward' | 'merged';
  /** Pieces this sync changed in the library. */
  changedPieces: number;
  /** Conflicts this sync found, and how many are open now. */
  newConflicts: number;
  openConflicts: number;
  pushed: boolean;
  /** The push was refused once because the remote moved meanwhile: fetched and merged again. */
  retried: boolean;
  head: string;
}

/** A stored conflict as the Conflicts view shows it; `title` is the piece's title in the asked language. */
export interface SyncConflictView {
  id: number;
  kind: 'cell' | 'deletedEdited';
  collection: string;
  pieceId: string;
  title: string;
  section: string | null;
  field: string | null;
  locale: Locale | null;
  base: unknown;
  ours: unknown;
  theirs: unknown;
  oursBy: string;
  theirsBy: string;
  foundAt: string;
  resolvedAt: string | null;
  kept: 'ours' | 'theirs' | null;
}
