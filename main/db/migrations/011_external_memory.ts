import type { Migration } from './Migration';

/**
 * Translation memory from other tools (TMX imports), kept apart from the library's own texts: a
 * CAT tool's segments are suggestions, never pieces, and must not count as approved translations
 * of anything here. Each unit names the file it came from (`origin`), which matches show; a
 * re-import of the same file name replaces that file's units.
 */
export const migration011: Migration = {
  version: 11,
  name: 'external_memory',
  up(db) {
    db.exec(`
      CREATE TABLE external_memory (
        id INTEGER PRIMARY KEY,
        origin TEXT NOT NULL CHECK (length(origin) BETWEEN 1 AND 200),
        source_locale TEXT NOT NULL CHECK (source_locale IN ('en','fr','es')),
        target_locale TEXT NOT NULL CHECK (target_locale IN ('en','fr','es')),
        source TEXT NOT NULL CHECK (length(trim(source)) >= 1),
        target TEXT NOT NULL CHECK (length(trim(target)) >= 1),
        imported_at TEXT NOT NULL,
        CHECK (source_locale <> target_locale)
      ) STRICT;
      CREATE INDEX external_memory_by_pair ON external_memory (source_locale, target_locale);
      CREATE INDEX external_memory_by_origin ON external_memory (origin);
    `);
  },
};
