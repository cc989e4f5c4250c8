import type { SourceDoc } from '../../../../shared/schemas/libraryDocument';
import type { Locale } from '../../../../shared/domain/locales';
import { random4, slugify } from './newNoteRecord';

/**
 * A new citation, not saved yet: `src-<slug-of-title>-<random4>` (at most 64 characters), its
 * title a draft in the language it was typed in. Place, date and address are added in the editor.
 */
export function newSourceRecord(input: { title: string; locale: Locale; issuer: string }): SourceDoc {
  const slug = slugify(input.title, 64 - 'src-'.length - '-xxxx'.length);
  return {
    id: slug ? `src-${slug}-${random4()}` : `src-${random4()}`,
    title: { [input.locale]: { text: input.title.trim(), status: 'draft' } },
    issuer: input.issuer.trim(),
    place: null,
    date: null,
    url: null,
  };
}
