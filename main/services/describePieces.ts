import type { PieceName } from '../../shared/api/deleteTypes';
import type { Locale } from '../../shared/domain/locales';
import { kindOfCollection, recordKey } from '../../shared/domain/pieceReferences';
import { recordTitle } from '../../shared/descriptors/pieceTitle';
import { LIBRARY_COLLECTIONS } from '../../shared/schemas/libraryDocument';
import type { LibraryStore } from './LibraryStore';

/**
 * The pieces behind ids a message names (a build report's missing texts), by kind and title in
 * `locale`, so the message can say which piece and link to it. Ids no longer in the library are left out.
 */
export function describePieces(store: LibraryStore, ids: readonly string[], locale: Locale): PieceName[] {
  const wanted = new Set(ids);
  // A section is read with its pack; everything else on its own (never the whole library).
  const packOf = store.db.prepare('SELECT pack_id FROM pack_sections WHERE id = ?').pluck();
  const read = new Set<string>();
  for (const id of wanted) read.add(store.kindOf(id) === 'section' ? ((packOf.get(id) as string | undefined) ?? id) : id);
  const doc = store.readRecords(read);
  const out: PieceName[] = [];
  for (const collection of LIBRARY_COLLECTIONS) {
    for (const record of doc[collection] as object[]) {
      if (!wanted.has(recordKey(record))) continue;
      const title = recordTitle(kindOfCollection(collection), record, locale);
      out.push({ kind: kindOfCollection(collection), id: recordKey(record), title: title.text, titleLocale: title.locale });
    }
  }
  for (const pack of doc.packs) {
    pack.sections.forEach((section, index) => {
      if (!wanted.has(section.id)) return;
      const title = recordTitle('section', section, locale);
      out.push({ kind: 'section', id: section.id, title: title.text, titleLocale: title.locale, section: { packId: pack.id, index } });
    });
  }
  return out;
}
