import type { Locale } from '../../../shared/domain/locales';
import type { StoredTextStatus } from '../../../shared/domain/pieceKinds';
import type { TranslationUnit } from '../../../shared/api/translationTypes';
import { AppError } from '../../../shared/errors/AppError';
import { LIMITS } from '../../../shared/schemas/common';
import { textLimitOf } from '../../../shared/descriptors/descriptors';
import { approvalAfterEdit, type Approver } from '../../../shared/translation/approvalAfterEdit';
import type { LibraryStore } from '../LibraryStore';
import { hashSourceText } from '../../db/textHash';
import { readTranslationUnit } from './readTranslationUnit';
import { assertApprovable } from './assertApprovable';
import { TermIndex } from '../../../shared/terms/TermIndex';

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
  /**
   * Whether an approved status is an act of approval (the translator's Approve, the default) or
   * only a claim carried by a file (XLIFF import): a claim cannot keep changed words approved.
   */
  approving?: boolean;
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
  // The termbase is read only for an approval: a draft is saved whatever its terms.
  const terms = edit.status === 'approved' && !edit.force ? { index: new TermIndex(store.terms.readAll()), source: edit.source, target: edit.target } : undefined;
  assertApprovable(source.text, edit.text, edit.status, edit.force ?? false, { piece: edit.pieceId, field: edit.field }, terms);
  const next = approvalAfterEdit(
    current,
    { text: edit.text, status: edit.status, from: edit.source, sourceHash: edit.sourceHash },
    { approver, approving: edit.approving ?? edit.status === 'approved' },
  );
  store.texts.replaceField(edit.pieceId, edit.field, { ...value, [edit.target]: next }, approver.at);
  store.pieces.touch(edit.pieceId, kind, approver.at);
}

/** Saves one translation in its own transaction and returns the unit as it now stands. */
export function saveTranslation(store: LibraryStore, edit: TranslationEdit, approver: Approver): TranslationUnit {
  store.write(() => writeTranslation(store, edit, approver));
  return readTranslationUnit(store, edit);
}
