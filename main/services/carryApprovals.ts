import { LOCALES } from '../../shared/domain/locales';
import type { LibraryDocument } from '../../shared/schemas/libraryDocument';
import { localizedFields } from '../../shared/schemas/localizedFields';
import type { LibraryStore } from './LibraryStore';

/** Who is approving, and when. */
export interface Approver {
  by: string;
  at: string;
}

/**
 * Fills in who approved each approved text of an incoming document that does not say so itself:
 * an approval already recorded for the same text, made from the same source, is kept; a new
 * approval (or an approved text whose wording or source changed) is recorded as the approver's, now; with no approver (the starter
 * library) it stays unrecorded rather than invented. Mutates `doc`.
 */
export function carryApprovals(store: LibraryStore, doc: LibraryDocument, approver: Approver | null): void {
  const storedPieces = new Map<string, ReturnType<LibraryStore['texts']['readPiece']>>();
  for (const { pieceId, field, value } of localizedFields(doc)) {
    for (const locale of LOCALES) {
      const entry = value[locale];
      if (!entry) continue;
      if (entry.status !== 'approved') {
        delete entry.approvedBy;
        delete entry.approvedAt;
        continue;
      }
      if (entry.approvedAt !== undefined) continue;
      let stored = storedPieces.get(pieceId);
      if (!stored) storedPieces.set(pieceId, (stored = store.texts.readPiece(pieceId)));
      const before = stored.get(field)?.[locale];
      const sameApproval =
        before?.status === 'approved' &&
        before.text === entry.text &&
        before.from === entry.from &&
        before.sourceHash === entry.sourceHash;
      if (before && sameApproval) {
        if (before.approvedBy !== undefined) entry.approvedBy = before.approvedBy;
        if (before.approvedAt !== undefined) entry.approvedAt = before.approvedAt;
      } else if (approver) {
        entry.approvedBy = approver.by;
        entry.approvedAt = approver.at;
      }
    }
  }
}

/** An approval the caller cannot vouch for (an untrusted renderer) is dropped before carrying. */
export function dropClaimedApprovals(doc: LibraryDocument): void {
  for (const { value } of localizedFields(doc)) {
    for (const locale of LOCALES) {
      delete value[locale]?.approvedBy;
      delete value[locale]?.approvedAt;
    }
  }
}
