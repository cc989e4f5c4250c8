import type { Locale } from '../domain/locales';
import type { PieceKind } from '../domain/pieceKinds';
import { pickText } from '../domain/pickText';
import type { LocalizedDoc } from '../schemas/common';
import { DESCRIPTORS } from './descriptors';

export interface PieceTitle {
  text: string;
  /** The language the text is in (a fallback when the piece has no title in the locale asked for). */
  locale: Locale;
}

/**
 * The one naming rule for every kind: lists, headings, search results, messages and the delete
 * check all call it. `titleText` is the value of the kind's title field (descriptor.titleField).
 */
export function pieceTitle(kind: PieceKind, id: string, titleText: LocalizedDoc | null | undefined, locale: Locale): PieceTitle {
  const own = DESCRIPTORS[kind].title;
  if (own) return { text: own(id, titleText, locale), locale };
  const picked = pickText(titleText, locale);
  return picked ? { text: picked.text, locale: picked.locale } : { text: id, locale };
}

/** A whole record's name, read through its kind's id and title fields. */
export function recordTitle(kind: PieceKind, record: object, locale: Locale): PieceTitle {
  const r = record as Record<string, unknown>;
  const { idField, titleField } = DESCRIPTORS[kind];
  return pieceTitle(kind, String(r[idField]), r[titleField] as LocalizedDoc | null | undefined, locale);
}

/** Every field some kind is named by (for a query that reads only titles). */
export const TITLE_FIELDS: readonly string[] = [...new Set(Object.values(DESCRIPTORS).map((d) => d.titleField))];
