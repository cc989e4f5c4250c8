import type { TermbaseConflict } from './termbaseConflicts';

export interface TermbaseImportReport {
  concepts: number;
  added: number;
  updated: number;
  terms: number;
  /** Forbidden in one concept, allowed in another, once the file is in: the termbase's problem to fix. */
  conflicts: TermbaseConflict[];
  dryRun: boolean;
}
