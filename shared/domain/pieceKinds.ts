/** Every row in `pieces` has one of these kinds; ids are unique across all of them. */
export const PIECE_KINDS = [
  'source',
  'country',
  'network',
  'meeting',
  'priority',
  'instrument',
  'note',
  'pack',
  'section',
] as const;
export type PieceKind = (typeof PIECE_KINDS)[number];

export const INSTRUMENT_KINDS = ['convention', 'protocol', 'plan-of-action', 'compact', 'declaration'] as const;
export type InstrumentKind = (typeof INSTRUMENT_KINDS)[number];

export const TEXT_STATUSES = ['draft', 'approved'] as const;
export type StoredTextStatus = (typeof TEXT_STATUSES)[number];
/** What a reader of one locale gets: a stored status, or missing when there is no text. */
export type TextStatus = StoredTextStatus | 'missing';

/** Kinds a pack section may list, and what `briefing list` accepts. */
export const PACK_ITEM_KINDS = ['priority', 'instrument', 'note', 'country'] as const;
export type PackItemKind = (typeof PACK_ITEM_KINDS)[number];

export const PAPER_SIZES = ['a4', 'letter'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];
