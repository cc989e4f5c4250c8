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

/** A run of an excerpt: the words that matched the query are `hit`. */
export interface ExcerptPart {
  text: string;
  hit: boolean;
}

/** One piece found by the header's search, with the text that matched best for the reader. */
export interface FoundPiece {
  id: string;
  kind: PieceKind;
  title: string;
  titleLocale: Locale;
  /** Where it matched: the field and language of the excerpt (the title's when the title matched). */
  field: string;
  locale: Locale;
  /** The excerpt is the piece's title (in `locale`), the matching words marked. */
  inTitle: boolean;
  excerpt: ExcerptPart[];
}

export interface SearchGroup {
  kind: PieceKind;
  hits: FoundPiece[];
  /** Pieces of this kind that match, counted in the texts searched (see `truncated`). */
  total: number;
}

export interface LibrarySearchResult {
  query: string;
  /** In the order the header shows kinds; kinds with no match are left out. */
  groups: SearchGroup[];
  /** So many texts matched that only the first ones were looked at: more words narrow it. */
  truncated: boolean;
}
