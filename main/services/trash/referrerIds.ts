import type { LibraryStore } from '../LibraryStore';

/**
 * The ids of every piece whose record may name `id`, found through the tables' indexes, so only
 * those records are read; shared/domain/pieceReferences then says exactly where each names it.
 */
export function referrerIds(store: LibraryStore, id: string): string[] {
  const rows = store.db
    .prepare(
      `SELECT piece_id AS id FROM piece_sources WHERE source_id = @id
       UNION SELECT network_id FROM network_members WHERE country_code = @id
       UNION SELECT id FROM meetings WHERE network_id = @id OR host_country = @id
       UNION SELECT meeting_id FROM meeting_participants WHERE country_code = @id
       UNION SELECT id FROM priorities WHERE network_id = @id
       UNION SELECT id FROM instruments WHERE parent_id = @id
       UNION SELECT from_id FROM links WHERE to_id = @id
       UNION SELECT id FROM notes WHERE country_code = @id
       UNION SELECT id FROM packs WHERE meeting_id = @id
       UNION SELECT s.pack_id FROM pack_items i JOIN pack_sections s ON s.id = i.section_id WHERE i.piece_ref = @id`,
    )
    .pluck()
    .all({ id }) as string[];
  return rows.filter((r) => r !== id);
}
