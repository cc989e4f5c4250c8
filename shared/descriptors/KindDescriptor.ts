import type { Locale } from '../domain/locales';
import type { PieceKind } from '../domain/pieceKinds';
import type { LocalizedDoc } from '../schemas/common';
import type { FieldSpecs } from './FieldSpec';

/**
 * Everything the app knows about one piece kind, in one record: forms, lists, validation
 * messages, the translator's units, XLIFF units, the exchange format and the delete check read it.
 */
export interface KindDescriptor<F extends FieldSpecs = FieldSpecs> {
  kind: PieceKind;
  /** The array of the exchange document that holds this kind (sections live inside packs). */
  collection: string | null;
  /** The field that identifies a record (`code` for countries). */
  idField: string;
  /** The field that names a piece in lists, headings and messages. */
  titleField: string;
  /**
   * The kind's own naming rule, when it is not "the title field's text in the locale, or in the
   * language it falls back to, or else the id" (pieceTitle.ts applies either).
   */
  title?: (id: string, titleText: LocalizedDoc | null | undefined, locale: Locale) => string;
  /** Locale key of the kind's name (`ui:kinds.…`). */
  label: string;
  /**
   * Facts shown beside the title in the library list, in order; the list's rows carry them under
   * these names (ListEntry.details), and a start date followed by an end date shows as one range.
   */
  listColumns: readonly string[];
  fields: F;
}

/** Checks that the id, title and list columns name fields of the kind. */
export function defineKind<const F extends FieldSpecs>(
  descriptor: KindDescriptor<F> & { idField: keyof F & string; titleField: keyof F & string; listColumns: readonly (keyof F & string)[] },
): KindDescriptor<F> {
  return descriptor;
}
