import type { Migration } from './Migration';

/**
 * Build records: what each build of a pack used and made, so the app can list past builds and a
 * PDF's manifest can be traced back. A record outlives its pack (no foreign key to pieces): the
 * PDFs it describes are still out there after the pack is deleted. Pieces are named by their
 * content hash (pieceContentHash), the key the history uses for the same version.
 */
export const migration009: Migration = {
  version: 9,
  name: 'builds',
  up(db) {
    db.exec(`
      CREATE TABLE builds (
        id TEXT PRIMARY KEY,
        pack_id TEXT NOT NULL,
        pack_slug TEXT NOT NULL,
        built_at TEXT NOT NULL,
        built_by TEXT NOT NULL,
        mode TEXT NOT NULL CHECK (mode IN ('en','fr','es','all','parallel')),
        editions TEXT NOT NULL CHECK (json_valid(editions) AND json_type(editions) = 'array'),
        options TEXT NOT NULL CHECK (json_valid(options) AND json_type(options) = 'object'),
        app_version TEXT NOT NULL,
        fonts_hash TEXT NOT NULL CHECK (length(fonts_hash) = 64),
        status TEXT NOT NULL CHECK (status IN ('ok','failed','refused')),
        error TEXT CHECK (error IS NULL OR json_valid(error)),
        CHECK ((status = 'ok') = (error IS NULL))
      );
      CREATE INDEX builds_by_pack ON builds (pack_id, built_at);
      CREATE TABLE build_outputs (
        build_id TEXT NOT NULL REFERENCES builds (id) ON DELETE CASCADE,
        edition TEXT NOT NULL CHECK (edition IN ('en','fr','es','parallel')),
        path TEXT NOT NULL,
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        pages INTEGER NOT NULL CHECK (pages > 0),
        bytes INTEGER NOT NULL CHECK (bytes > 0),
        PRIMARY KEY (build_id, edition)
      );
      CREATE TABLE build_pieces (
        build_id TEXT NOT NULL REFERENCES builds (id) ON DELETE CASCADE,
        piece_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        content_hash TEXT NOT NULL CHECK (length(content_hash) = 64),
        PRIMARY KEY (build_id, piece_id)
      );
    `);
  },
};
