import type { Migration } from './Migration';
import { hashSourceText } from '../textHash';

/**
 * Translation workflow: who approved a text and when; the source texts translations were made
 * from, by hash, so a stale translation can show what changed; interface strings edited by
 * translators, layered over the bundled ones; and per-library settings (the user's name).
 */
export const migration003: Migration = {
  version: 3,
  name: 'translation',
  up(db) {
    db.exec(`
      ALTER TABLE texts ADD COLUMN approved_by TEXT CHECK (approved_by IS NULL OR length(approved_by) BETWEEN 1 AND 200);
      ALTER TABLE texts ADD COLUMN approved_at TEXT;

      -- Content-addressed: a body is stored once however many translations were made from it.
      CREATE TABLE source_texts (
        hash TEXT PRIMARY KEY CHECK (length(hash) = 64),
        body TEXT NOT NULL
      ) STRICT;

      CREATE TABLE ui_strings (
        locale TEXT NOT NULL CHECK (locale IN ('en','fr','es')),
        namespace TEXT NOT NULL CHECK (namespace IN ('ui','common','errors','pdf')),
        key TEXT NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
        value TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('draft','approved')),
        source_locale TEXT NOT NULL CHECK (source_locale IN ('en','fr','es') AND source_locale <> locale),
        source_hash TEXT NOT NULL CHECK (length(source_hash) = 64),
        updated_by TEXT,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (locale, namespace, key)
      ) STRICT;

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
    `);
    // Translations whose source is unchanged still have it: keep it, so a later edit can be diffed.
    const rows = db
      .prepare(
        `SELECT t.source_hash AS hash, s.body AS body FROM texts t
         JOIN texts s ON s.piece_id = t.piece_id AND s.field = t.field AND s.locale = t.source_locale
         WHERE t.source_hash IS NOT NULL`,
      )
      .all() as { hash: string; body: string }[];
    const keep = db.prepare('INSERT OR IGNORE INTO source_texts (hash, body) VALUES (?, ?)');
    for (const row of rows) if (hashSourceText(row.body) === row.hash) keep.run(row.hash, row.body);
  },
};
