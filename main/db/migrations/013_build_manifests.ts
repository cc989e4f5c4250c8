import type { Migration } from './Migration';

/**
 * The manifest each output of a successful build carries, kept in the library as well: a build
 * whose PDFs were moved, deleted or edited can still be rebuilt from its record (`briefing
 * rebuild --build ID`, the Rebuild action of Past builds). One row per edition; the JSON is the
 * file's manifest exactly (its own contentHash included), so a rebuild embeds the same bytes.
 * Builds made before this migration have no rows: only their PDFs can say what they held.
 */
export const migration013: Migration = {
  version: 13,
  name: 'build_manifests',
  up(db) {
    db.exec(`
      CREATE TABLE build_manifests (
        build_id TEXT NOT NULL REFERENCES builds (id) ON DELETE CASCADE,
        edition TEXT NOT NULL CHECK (edition IN ('en','fr','es','parallel')),
        manifest TEXT NOT NULL CHECK (json_valid(manifest) AND json_extract(manifest, '$.edition') = edition
          AND json_extract(manifest, '$.build.id') = build_id),
        PRIMARY KEY (build_id, edition)
      );
    `);
  },
};
