import type { Locale } from '../domain/locales';
import type { PieceKind } from '../domain/pieceKinds';
import type { TranslationState } from '../domain/translationState';
import type { LocalizedDoc } from '../schemas/common';

/** The kinds the reading view shows; packs open in the pack builder. */
export const READABLE_KINDS = ['priority', 'instrument', 'country', 'note', 'meeting', 'network', 'source'] as const;
export type ReadableKind = (typeof READABLE_KINDS)[number];

/** How the reading view groups a piece's links, in the order it shows them. */
export const LINK_GROUPS = [
  'network',
  'country',
  'host',
  'participants',
  'parent',
  'priorities',
  'instruments',
  'protocols',
  'notes',
  'meetings',
  'members',
  'memberOf',
  'packs',
  'sources',
  'citedBy',
] as const;
export type LinkGroup = (typeof LINK_GROUPS)[number];

/** A linked piece, titled in the language asked for (or the one it falls back to). */
export interface ReadLink {
  id: string;
  kind: PieceKind;
  title: string;
  titleLocale: Locale;
}

export interface ReadLinks {
  group: LinkGroup;
  /** At most READ_LINKS_SHOWN of them, in the group's own order. */
  items: ReadLink[];
  /** How many there are in all. */
  total: number;
}

/** One piece as the reading view shows it: every text in every language, its facts and its links. */
export interface ReadPiece {
  id: string;
  kind: ReadableKind;
  title: string;
  titleLocale: Locale;
  /** Localized fields that have a text in some language, in the kind's reading order. */
  fields: { name: string; value: LocalizedDoc; markdown: boolean; states: Record<Locale, TranslationState> }[];
  /** Worst state per language over the piece's fields. */
  states: Record<Locale, TranslationState>;
  /** Kind-specific facts that are not translated: numbers, dates, codes, tags, web address. */
  facts: Record<string, string | number | string[] | null>;
  links: ReadLinks[];
}

export const READ_LINKS_SHOWN = 100;
