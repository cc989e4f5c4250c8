import { createHash } from 'node:crypto';

/** The hash a translation records of the source text it was made from (NFC, so input method does not matter). */
export function hashSourceText(text: string): string {
  return createHash('sha256').update(text.normalize('NFC'), 'utf8').digest('hex');
}
