import type { LibraryCollection } from '../schemas/libraryDocument';

export interface ImportCounts {
  added: number;
  updated: number;
  unchanged: number;
}

/** What an import of a library file changes (dry run) or changed, per collection. */
export interface LibraryImportReport {
  file: string;
  dryRun: boolean;
  counts: Record<LibraryCollection, ImportCounts>;
}
