import type { LocalizedDoc } from '../schemas/common';
import type { LibraryCollection } from '../schemas/libraryDocument';
import { countryName } from './countryName';
import type { Locale } from './locales';
import { pickText } from './pickText';

/** The field that names a record of each collection (a country is named by its code's name). */
const TITLE_FIELD: Record<Exclude<LibraryCollection, 'countries'>, string> = {
  sources: 'title',
  networks: 'name',
  meetings: 'title',
  priorities: 'title',
  instruments: 'shortName',
  notes: 'title',
  packs: 'title',
};

/** A record's name in `locale` (or its best fallback, with the language it is in). */
export function recordTitle(collection: LibraryCollection, record: object, locale: Locale): { text: string; locale: Locale } {
  const r = record as Record<string, unknown>;
  if (collection === 'countries') {
    return { text: countryName(String(r.code), locale, r.formalName as LocalizedDoc | null), locale };
  }
  const picked = pickText(r[TITLE_FIELD[collection]] as LocalizedDoc | null, locale);
  return picked ? { text: picked.text, locale: picked.locale } : { text: String(r.id), locale };
}
