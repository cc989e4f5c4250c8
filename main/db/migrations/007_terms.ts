import type { Migration } from './Migration';

/**
 * The termbase: concepts, each with terms per language. A term's `status` is its standing for
 * translators (TBX's administrative status: preferred, admitted, forbidden); its `approval` is
 * the review state every translated text has (draft until someone approves it), so starter and
 * imported terms can be told from reviewed ones.
 */
export const migration007: Migration = {
  version: 7,
  name: 'terms',
  up(db) {
    db.exec(`
      CREATE TABLE concepts (
        id TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 64 AND id NOT GLOB '*[^A-Za-z0-9._-]*'),
        subject TEXT CHECK (subject IS NULL OR length(subject) BETWEEN 1 AND 200),
        note TEXT CHECK (note IS NULL OR length(note) BETWEEN 1 AND 2000),
        source TEXT CHECK (source IS NULL OR length(source) BETWEEN 1 AND 500),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE terms (
        id INTEGER PRIMARY KEY,
        concept_id TEXT NOT NULL REFERENCES concepts (id) ON DELETE CASCADE,
        locale TEXT NOT NULL CHECK (locale IN ('en','fr','es')),
        text TEXT NOT NULL CHECK (length(trim(text)) BETWEEN 1 AND 300 AND text = trim(text)),
        status TEXT NOT NULL CHECK (status IN ('preferred','admitted','forbidden')),
        note TEXT CHECK (note IS NULL OR length(note) BETWEEN 1 AND 2000),
        approval TEXT NOT NULL CHECK (approval IN ('draft','approved')),
        approved_by TEXT CHECK (approved_by IS NULL OR length(approved_by) BETWEEN 1 AND 200),
        approved_at TEXT,
        updated_at TEXT NOT NULL,
        -- An approved term names who approved it; a draft names no one.
        CHECK ((approval = 'approved') = (approved_by IS NOT NULL AND approved_at IS NOT NULL)),
        UNIQUE (concept_id, locale, text)
      ) STRICT;

      CREATE INDEX terms_by_concept ON terms (concept_id, locale);
    `);
  },
};
