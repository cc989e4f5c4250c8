import type { Migration } from './Migration';
import { foldSqlExpression as foldSql } from '../../../shared/text/foldForSearch';

/**
 * Accent- and case-insensitive full-text search over every text in every locale. The index
 * keeps its own folded copy (keyed by the texts rowid) and triggers keep it in step, so any
 * writer, including a future sync or restore, cannot leave it stale.
 */
export const migration002: Migration = {
  version: 2,
  name: 'search',
  up(db) {
    db.exec(`
      CREATE VIRTUAL TABLE search_index USING fts5(
        piece_id UNINDEXED,
        field UNINDEXED,
        locale UNINDEXED,
        body,
        tokenize = 'unicode61 remove_diacritics 2'
      );
      INSERT INTO search_index(rowid, piece_id, field, locale, body)
        SELECT rowid, piece_id, field, locale, ${foldSql('body')} FROM texts;
      CREATE TRIGGER texts_search_insert AFTER INSERT ON texts BEGIN
        INSERT INTO search_index(rowid, piece_id, field, locale, body)
          VALUES (new.rowid, new.piece_id, new.field, new.locale, ${foldSql('new.body')});
      END;
      CREATE TRIGGER texts_search_update AFTER UPDATE OF body, piece_id, field, locale ON texts BEGIN
        DELETE FROM search_index WHERE rowid = old.rowid;
        INSERT INTO search_index(rowid, piece_id, field, locale, body)
          VALUES (new.rowid, new.piece_id, new.field, new.locale, ${foldSql('new.body')});
      END;
      CREATE TRIGGER texts_search_delete AFTER DELETE ON texts BEGIN
        DELETE FROM search_index WHERE rowid = old.rowid;
      END;
    `);
  },
};
