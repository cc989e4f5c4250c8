import type { Locale } from '../domain/locales';
import type { StoredTextStatus } from '../domain/pieceKinds';

/** A term's standing for translators, as TBX's administrative status gives it. */
export const TERM_STATUSES = ['preferred', 'admitted', 'forbidden'] as const;
export type TermStatus = (typeof TERM_STATUSES)[number];

export interface Term {
  locale: Locale;
  text: string;
  status: TermStatus;
  note: string | null;
  /** Review state, as for every translated text: starter and imported terms are drafts. */
  approval: StoredTextStatus;
  approvedBy: string | null;
  approvedAt: string | null;
}

export interface Concept {
  id: string;
  subject: string | null;
  /** A definition or note on the concept. */
  note: string | null;
  /** Where the terms come from (a document, an official title). */
  source: string | null;
  terms: Term[];
}
