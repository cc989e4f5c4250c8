import type { NoteDoc } from '../../../../shared/schemas/libraryDocument';
import type { Locale } from '../../../../shared/domain/locales';
import { slugify } from '../../../../shared/domain/pieceIds';

export { slugify };

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** Four random letters or digits: keeps ids made from the same title apart. */
export function random4(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(4));
  return [...bytes].map((b) => ALPHABET[b % ALPHABET.length]).join('');
}

/** Today in the user's time zone, as YYYY-MM-DD. */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * A new note, not saved yet: `note-<slug-of-title>-<random4>` (at most 64 characters), dated
 * today, its title an original draft in the language it was typed in. Its body is written in
 * the editor before the first save.
 */
export function newNoteRecord(input: { title: string; locale: Locale; countryCode: string | null }): NoteDoc {
  const slug = slugify(input.title, 64 - 'note-'.length - '-xxxx'.length);
  const id = slug ? `note-${slug}-${random4()}` : `note-${random4()}`;
  return {
    id,
    countryCode: input.countryCode,
    date: today(),
    tags: [],
    title: { [input.locale]: { text: input.title.trim(), status: 'draft' } },
    body: {},
    instruments: [],
    priorities: [],
    sources: [],
  };
}
