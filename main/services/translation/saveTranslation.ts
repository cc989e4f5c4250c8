import type { Locale } from '../../../shared/domain/locales';
import type { StoredTextStatus } from '../../../shared/domain/pieceKinds';
import type { TranslationUnit } from '../../../shared/api/translationTypes';
import { AppError } from '../../../shared/errors/AppError';
import { LIMITS } from '../../../shared/schemas/common';
import { textLimitOf } from '../../../shared/descriptors/descriptors';
import type { Approver } from '../carryApprovals';
import type { LibraryStore } from '../LibraryStore';
import { hashSourceText } from '../../db/textHash';
import { readTranslationUnit } from './readTranslationUnit';
import { assertApprovable } from './assertApprovable';

export interface TranslationEdit {
  pieceId: string;
  field: string;
  source: Locale;
  target: Locale;
  text: string;
  status: StoredTextStatus;
  /** The source's hash as the translator saw it. */
  sourceHash: string;
  /** Approve although a check failed (never for an empty text). */
  force?: boolean;
}

/**
 * Writes one translation: checked against the source the translator saw (a source edited
 * meanwhile is refused, not silently overwritten), recorded as made from that source, and
 * stamped with the approver when approved. Throws before writing anything on any problem.
 */
export function writeTranslation(store: LibraryStore, edit: TranslationEdit, approver: Approver): void {
  const kind = store.kindOf(edit.pieceId);
  if (!kind) throw new AppError('api.notFound', { id: edit.pieceId });
  const fields = store.texts.readPiece(edit.pieceId);
  const value = fields.get(edit.field);
  const source = value?.[edit.source];
  if (!value || !source) {
    throw new AppError('translation.noSource', { piece: edit.pieceId, field: edit.field, locale: edit.source });
  }
  const current = value[edit.target];
  if (current && current.from === undefined) {
    throw new AppError('translation.isOriginal', { piece: edit.pieceId, field: edit.field, locale: edit.target });
  }
  if (hashSourceText(source.text) !== edit.sourceHash) {
    throw new AppError('translation.sourceChanged', { piece: edit.pieceId, field: edit.field, locale: edit.source });
  }
  const max = textLimitOf(kind, edit.field) ?? LIMITS.shortText;
  if (edit.text.length > max) throw new AppError('translation.tooLong', { piece: edit.pieceId, field: edit.field, max });
  assertApprovable(source.text, edit.text, edit.status, edit.force ?? false, { piece: edit.pieceId, field: edit.field });
  // The same words approved again against the same source keep their approval; against a changed
  // source (a stale text confirmed) they are a new approval.
  const unchangedApproval =
    edit.status === 'approved' &&
    current?.status === 'approved' &&
    current.text === edit.text &&
    current.from === edit.source &&
    current.sourceHash === edit.sourceHash;
  store.texts.replaceField(
    edit.pieceId,
    edit.field,
    {
      ...value,
      [edit.target]: {
        text: edit.text,
        status: edit.status,
        from: edit.source,
        sourceHash: edit.sourceHash,
        ...(edit.status === 'approved'
          ? unchangedApproval
            ? { approvedBy: current.approvedBy, approvedAt: current.approvedAt }
            : { approvedBy: approver.by, approvedAt: approver.at }
          : {}),
      },
    },
    approver.at,
  );
  store.pieces.touch(edit.pieceId, kind, approver.at);
}

/** Saves one translation in its own transaction and returns the unit as it now stands. */
export function saveTranslation(store: LibraryStore, edit: TranslationEdit, approver: Approver): TranslationUnit {
  store.db.transaction(() => writeTranslation(store, edit, approver))();
  return readTranslationUnit(store, edit);
}
