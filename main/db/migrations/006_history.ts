import type { Migration } from './Migration';

/**
 * Every piece's history: one row per version. To keep the file small only the newest version of
 * a piece (and every 64th) holds the whole record (`snapshot`, deflated canonical JSON); older
 * ones hold `patch`, the fields that take the next version back to this one, also deflated.
 * `who` is NULL only for the version a piece had when history began.
 */
export const migration006: Migration = {
  version: 6,
  name: 'history',
  up(db) {
    db.exec(`
      CREATE TABLE piece_versions (
        piece_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('source','country','network','meeting','priority','instrument','note','pack')),
        number INTEGER NOT NULL CHECK (number > 0),
        at TEXT NOT NULL,
        who TEXT,
        changes TEXT NOT NULL CHECK (json_valid(changes)),
        hash TEXT NOT NULL CHECK (length(hash) = 64),
        snapshot BLOB,
        patch BLOB,
        restored_from INTEGER CHECK (restored_from IS NULL OR restored_from > 0),
        deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
        CHECK (snapshot IS NOT NULL OR patch IS NOT NULL),
        PRIMARY KEY (piece_id, number)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
