import type { ErrorParams } from '../errors/AppError';
import type { Edition, LanguageMode } from './buildTypes';
import type { PackChanges } from '../domain/packChanges';

export const BUILD_STATUSES = ['ok', 'failed', 'refused'] as const;
export type BuildStatus = (typeof BUILD_STATUSES)[number];

export interface BuildOptionsRecord {
  paper: 'a4' | 'letter';
  watermark: string | null;
  strict: boolean;
  requireApproved: boolean;
  /** The earlier build the PDFs list changes since (absent in records made before it existed). */
  changesSince?: string | null;
  /** A personalized copy: who it was made for (briefing build --recipients). */
  recipient?: string;
}

/** One build as the library records it (migration 007). */
export interface BuildRecord {
  id: string;
  packId: string;
  packSlug: string;
  builtAt: string;
  builtBy: string;
  mode: LanguageMode;
  editions: Edition[];
  options: BuildOptionsRecord;
  appVersion: string;
  fontsHash: string;
  status: BuildStatus;
  /** Why a build failed or was refused: the message's key and values. */
  error: { code: string; params: ErrorParams } | null;
  outputs: { edition: Edition; path: string; sha256: string; pages: number; bytes: number }[];
  pieces: { id: string; kind: string; hash: string }[];
}

/** One recipient of a build (migration 011): who received it, when it was marked, by whom. */
export interface Distribution {
  recipient: string;
  at: string;
  by: string;
}

/** A build as the pack builder lists it: outputs with the state of their file now. */
export interface PastBuild extends Omit<BuildRecord, 'pieces' | 'outputs'> {
  pieceCount: number;
  /** The library kept the manifests of its files (migration 013): it can be rebuilt without them. */
  rebuildable: boolean;
  distributedTo: Distribution[];
  outputs: (BuildRecord['outputs'][number] & { file: 'present' | 'missing' | 'changed' })[];
}

/** The changes in a pack since one of its builds (main/pdf/changesSince). */
export interface BuildChangesResult {
  buildId: string;
  builtAt: string;
  changes: PackChanges;
}
