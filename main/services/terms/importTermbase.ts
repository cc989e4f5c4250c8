import type { Concept } from '../../../shared/terms/termTypes';
import { termbaseConflicts } from '../../../shared/terms/termbaseConflicts';
import type { TermbaseImportReport } from '../../../shared/terms/termbaseImportReport';
import type { LibraryStore } from '../LibraryStore';

export type { TermbaseImportReport };

/**
 * Puts a file's concepts in the termbase, all in one write: each replaces the concept of the same
 * id, others stay. Terms arrive as drafts, except a term the library had approved and the file
 * gives unchanged (same language, words and status), which keeps its approval.
 */
export function importTermbase(store: LibraryStore, concepts: readonly Concept[], options: { dryRun: boolean; now?: string }): TermbaseImportReport {
  const now = options.now ?? new Date().toISOString();
  const run = () => {
    const existing = new Map(store.terms.readAll().map((c) => [c.id, c]));
    let added = 0;
    for (const concept of concepts) {
      const before = existing.get(concept.id);
      if (!before) added += 1;
      const terms = concept.terms.map((t) => {
        const kept = before?.terms.find((b) => b.locale === t.locale && b.text === t.text && b.status === t.status && b.approval === 'approved');
        return kept ? { ...t, approval: kept.approval, approvedBy: kept.approvedBy, approvedAt: kept.approvedAt } : t;
      });
      existing.set(concept.id, { ...concept, terms });
      if (!options.dryRun) store.terms.replace({ ...concept, terms }, now);
    }
    return {
      concepts: concepts.length,
      added,
      updated: concepts.length - added,
      terms: concepts.reduce((n, c) => n + c.terms.length, 0),
      conflicts: termbaseConflicts([...existing.values()]),
      dryRun: options.dryRun,
    };
  };
  return options.dryRun ? run() : store.write(run);
}
