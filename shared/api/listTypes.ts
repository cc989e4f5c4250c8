import type { Locale } from '../domain/locales';
import type { TranslationState } from '../domain/translationState';
import type { PieceKind } from '../domain/pieceKinds';

export const LIST_KINDS = ['priorities', 'instruments', 'countries', 'notes', 'meetings', 'networks', 'sources', 'packs'] as const;
export type ListKind = (typeof LIST_KINDS)[number];

/** One row of a library list, in a reader's locale. */
export interface ListEntry {
  id: string;
  title: string;
  /** The locale `title` is in; differs from the one asked for when the text is missing. */
  titleLocale: Locale;
  /** Translation state of the whole piece (its worst field) in the locale asked for. */
  status: TranslationState;
  states: Record<Locale, TranslationState>;
  /** Kind-specific facts: number, kind and year, dates, slug, membership. */
  details: Record<string, string | number | null | string[]>;
}

export interface SearchHit {
  id: string;
  kind: PieceKind;
  title: string;
  /** Where the query matched: field, locale and a short excerpt with the match in [brackets]. */
  matches: { field: string; locale: Locale; excerpt: string }[];
}
