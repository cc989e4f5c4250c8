import { LOCALES } from '../../shared/domain/locales';
import type { LibraryDocument } from '../../shared/schemas/libraryDocument';
import { localizedFields } from '../../shared/schemas/localizedFields';
import { approvalAfterEdit, type Approver } from '../../shared/translation/approvalAfterEdit';
import type { LibraryStore } from './LibraryStore';

export type { Approver };

/**
 * Applies the approval rule (shared/translation/approvalAfterEdit) to every text of an incoming
 * document against what the library holds: unchanged approvals kept, changed approved texts made
 * drafts, new approvals recorded as the approver's. Mutates `doc`.
 */
export function carryApprovals(store: LibraryStore, doc: LibraryDocument, approver: Approver | null): void {
  const storedPieces = new Map<string, ReturnType<LibraryStore['texts']['readPiece']>>();
  for (const { pieceId, field, value } of localizedFields(doc)) {
    for (const locale of LOCALES) {
      const entry = value[locale];
      if (!entry) continue;
      let stored = storedPieces.get(pieceId);
      if (!stored) storedPieces.set(pieceId, (stored = store.texts.readPiece(pieceId)));
      value[locale] = approvalAfterEdit(stored.get(field)?.[locale], entry, { approver });
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
