import type { Migration } from './Migration';

/**
 * Conflicts a sync between offices found: two different changes to one cell (piece × field ×
 * language, or one of a pack's sections), or a piece deleted on one side and edited on the other.
 * The library keeps ours until the conflict is resolved; the row keeps base, ours and theirs (as
 * JSON, null when absent) and who made each side. At most one open conflict per cell: a later sync
 * replaces it. A resolved row stays, with which side was kept.
 */
export const migration012: Migration = {
  version: 12,
  name: 'sync_conflicts',
  up(db) {
    db.exec(`
      CREATE TABLE sync_conflicts (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('cell','deletedEdited')),
        collection TEXT NOT NULL CHECK (length(collection) BETWEEN 1 AND 40),
        piece_id TEXT NOT NULL CHECK (length(piece_id) BETWEEN 1 AND 64),
        section_id TEXT CHECK (section_id IS NULL OR length(section_id) BETWEEN 1 AND 64),
        field TEXT CHECK (field IS NULL OR length(field) BETWEEN 1 AND 64),
        locale TEXT CHECK (locale IS NULL OR locale IN ('en','fr','es')),
        base TEXT NOT NULL CHECK (json_valid(base)),
        ours TEXT NOT NULL CHECK (json_valid(ours)),
        theirs TEXT NOT NULL CHECK (json_valid(theirs)),
        ours_by TEXT NOT NULL,
        theirs_by TEXT NOT NULL,
        found_at TEXT NOT NULL,
        resolved_at TEXT,
        kept TEXT CHECK (kept IS NULL OR kept IN ('ours','theirs')),
        CHECK ((resolved_at IS NULL) = (kept IS NULL)),
        CHECK (kind = 'cell' OR (field IS NULL AND locale IS NULL))
      ) STRICT;
      CREATE UNIQUE INDEX sync_conflicts_open_cell ON sync_conflicts
        (piece_id, ifnull(section_id, ''), ifnull(field, ''), ifnull(locale, '')) WHERE resolved_at IS NULL;
    `);
  },
};
