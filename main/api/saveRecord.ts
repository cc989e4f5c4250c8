import { AppError } from '../../shared/errors/AppError';
import { checkLibraryDocument } from '../../shared/schemas/checkLibraryDocument';
import { emptyLibraryDocument, type LibraryCollection, type LibraryDocument } from '../../shared/schemas/libraryDocument';
import { normalizeLibraryDocument } from '../../shared/schemas/normalizeLibraryDocument';
import { problemFromDocumentIssue } from '../../shared/schemas/validationProblems';
import { applyLibraryDocument } from '../services/importLibrary';
import type { LibraryStore } from '../services/LibraryStore';
import { hashSourceText } from '../db/textHash';
import { carryApprovals, dropClaimedApprovals, type Approver } from '../services/carryApprovals';

/**
 * Saves one record from the editor through the same checks and writer as an import (ids,
 * references, numbering), in one transaction: a failed save changes nothing.
 */
export function saveRecord<C extends LibraryCollection>(
  store: LibraryStore,
  collection: C,
  record: LibraryDocument[C][number],
  approver: Approver,
): LibraryDocument[C][number] {
  const doc = { ...emptyLibraryDocument(), [collection]: [record] } as LibraryDocument;
  const issues = checkLibraryDocument(doc, store);
  if (issues.length > 0) {
    const problems = issues.map((issue) => problemFromDocumentIssue(issue, doc));
    throw new AppError('api.invalidRecord', { count: problems.length }, problems);
  }
  const normalized = normalizeLibraryDocument(doc, hashSourceText);
  // Who approved is recorded here, never taken from the caller: the renderer is not trusted.
  dropClaimedApprovals(normalized);
  carryApprovals(store, normalized, approver);
  applyLibraryDocument(store, normalized, approver);
  return normalized[collection][0] as LibraryDocument[C][number];
}
