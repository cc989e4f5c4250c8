import type { Locale } from '../../../shared/domain/locales';
import type { TranslationUnit } from '../../../shared/api/translationTypes';
import { AppError } from '../../../shared/errors/AppError';
import type { LibraryStore } from '../LibraryStore';
import { toUnit } from './listTranslationUnits';

export interface UnitRef {
  pieceId: string;
  field: string;
  source: Locale;
  target: Locale;
}

/**
 * One unit whole, as the editor opens it and as a save returns it. Refused with the reason a
 * save would be refused: the same language twice, no such piece, no source text, or a target
 * that is an original.
 */
export function readTranslationUnit(store: LibraryStore, ref: UnitRef): TranslationUnit {
  if (ref.source === ref.target) throw new AppError('translation.sameLanguage', { locale: ref.source });
  const kind = store.kindOf(ref.pieceId);
  if (!kind) throw new AppError('api.notFound', { id: ref.pieceId });
  const fields = store.texts.readPiece(ref.pieceId);
  const value = fields.get(ref.field);
  if (!value?.[ref.source]) throw new AppError('translation.noSource', { piece: ref.pieceId, field: ref.field, locale: ref.source });
  const target = value[ref.target];
  if (target && target.from === undefined) {
    throw new AppError('translation.isOriginal', { piece: ref.pieceId, field: ref.field, locale: ref.target });
  }
  const packs = store.packs.slugsByPiece().get(ref.pieceId) ?? [];
  return toUnit(store, ref.pieceId, kind, ref.field, value, fields, ref, packs)!;
}
