import { LOCALES, type Locale } from '../../../shared/domain/locales';
import type { LocalizedDoc, LocalizedTextDoc } from '../../../shared/schemas/common';
import type { StoredTextStatus } from '../../../shared/domain/pieceKinds';

/** Pure edits of a Localized value, as the editor makes them. */

function finish(next: LocalizedDoc, nullable: boolean): LocalizedDoc | null {
  const empty = LOCALES.every((l) => next[l] === undefined);
  return empty && nullable ? null : next;
}

/** The language the others were translated from: the one text with no `from`. */
export function originalLocale(value: LocalizedDoc | null): Locale | undefined {
  return LOCALES.find((l) => value?.[l] && value[l]!.from === undefined);
}

/**
 * Sets one language's text. An emptied text is removed (missing). A new text starts as a draft
 * translated from the original, if there is one; main computes its sourceHash on save.
 */
export function setText(value: LocalizedDoc | null, locale: Locale, text: string, nullable: boolean): LocalizedDoc | null {
  const next: LocalizedDoc = { ...(value ?? {}) };
  const entry = next[locale];
  if (text === '') delete next[locale];
  else if (entry) next[locale] = { ...unsigned(entry), text };
  else {
    const original = originalLocale(value);
    const created: LocalizedTextDoc = { text, status: 'draft' };
    if (original && original !== locale) created.from = original;
    next[locale] = created;
  }
  return finish(next, nullable);
}

export function setStatus(value: LocalizedDoc | null, locale: Locale, status: StoredTextStatus): LocalizedDoc | null {
  const entry = value?.[locale];
  if (!value || !entry) return value;
  return { ...value, [locale]: { ...unsigned(entry), status } };
}

/** A changed text is no longer what was approved: main records the new approval on save. */
function unsigned(entry: LocalizedTextDoc): LocalizedTextDoc {
  const { approvedBy: _by, approvedAt: _at, ...rest } = entry;
  return rest;
}

/**
 * Marks a text as (re)translated from `from` (or as an original, with null): the recorded
 * sourceHash is dropped so main records the source text as it is now.
 */
export function setTranslatedFrom(value: LocalizedDoc | null, locale: Locale, from: Locale | null): LocalizedDoc | null {
  const entry = value?.[locale];
  if (!value || !entry) return value;
  const { from: _from, sourceHash: _hash, ...rest } = entry;
  const next: LocalizedTextDoc = from ? { ...rest, from } : rest;
  return { ...value, [locale]: next };
}
