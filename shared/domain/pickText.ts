import { LOCALES, type Locale } from './locales';
import type { LocalizedDoc } from '../schemas/common';
import type { TextStatus } from './pieceKinds';

export interface PickedText {
  text: string;
  /** The locale the text is in: differs from the one asked for when it fell back. */
  locale: Locale;
  status: TextStatus;
}

/**
 * The text for a reader of `locale`; when it is missing, the original (the locale the others
 * were translated from) and then en, fr, es, so a reader always sees something and knows
 * it is another language.
 */
export function pickText(value: LocalizedDoc | null | undefined, locale: Locale): PickedText | null {
  if (!value) return null;
  const own = value[locale];
  if (own) return { text: own.text, locale, status: own.status };
  const original = LOCALES.find((l) => value[l] && value[l]!.from === undefined);
  const order = original ? [original, ...LOCALES] : LOCALES;
  for (const l of order) {
    const entry = value[l];
    if (entry) return { text: entry.text, locale: l, status: 'missing' };
  }
  return null;
}
