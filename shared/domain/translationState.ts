import { LOCALES, type Locale } from './locales';
import type { LocalizedDoc } from '../schemas/common';
import type { StoredTextStatus, TextStatus } from './pieceKinds';

export type TranslationState = TextStatus | 'stale';

/**
 * The staleness rule, in one place: a translation is out of date when the hash it recorded of
 * its source is not the hash of that source now (or the source is gone: `currentHash` null).
 * Every reader (lists, translator, XLIFF, PDF checks, interface strings) goes through this.
 */
export function stateAgainstSource(status: StoredTextStatus, recordedHash: string | null | undefined, currentHash: string | null | undefined): TranslationState {
  return currentHash === null || currentHash === undefined || currentHash !== recordedHash ? 'stale' : status;
}

/**
 * The state of one field in one locale. A translation is stale when the hash it recorded no
 * longer matches its source text: the original changed after it was translated.
 */
export function translationState(value: LocalizedDoc | null | undefined, locale: Locale, hash: (t: string) => string): TranslationState {
  const entry = value?.[locale];
  if (!entry) return 'missing';
  if (entry.from !== undefined) {
    const source = value?.[entry.from];
    return stateAgainstSource(entry.status, entry.sourceHash, source ? hash(source.text) : null);
  }
  return entry.status;
}

const RANK: Record<TranslationState, number> = { missing: 3, stale: 2, draft: 1, approved: 0 };

/** The worst state among a piece's fields: a piece is only as ready as its least ready text. */
export function worstState(states: readonly TranslationState[]): TranslationState {
  return states.reduce<TranslationState>((worst, s) => (RANK[s] > RANK[worst] ? s : worst), 'approved');
}

export function statesByLocale(
  fields: readonly (LocalizedDoc | null | undefined)[],
  hash: (t: string) => string,
): Record<Locale, TranslationState> {
  const out = {} as Record<Locale, TranslationState>;
  for (const locale of LOCALES) {
    out[locale] = worstState(fields.filter((f) => f !== null && f !== undefined).map((f) => translationState(f, locale, hash)));
  }
  return out;
}
