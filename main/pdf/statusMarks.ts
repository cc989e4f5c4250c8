import type { EditionText } from './EditionTexts';

/**
 * The marks a text carries when it is not what the edition promises: `[FR] ` when shown in
 * another language, `[out of date] ` when translated from an original that changed since. Every
 * place the text shows (body, contents, bookmarks, running header, document title) carries
 * them, and the edition's status note explains them (editionStatus.ts).
 */
export function markPrefix(text: EditionText | null | undefined): string {
  if (!text) return '';
  return `${text.fallback ? `[${text.fallback.toUpperCase()}] ` : ''}${text.stale ? `[${text.stale}] ` : ''}`;
}

/** A text with its marks, as plain text. */
export const markedText = (text: EditionText): string => `${markPrefix(text)}${text.text}`;
