import type { Migration } from './Migration';

/**
 * A pack as a secretariat's paper: its document line (reference or symbol, version, date of
 * issue: set on the pack, never the build's time), an optional logo stored in the library, and
 * a watermark in each language. The watermark was one text in the pack's options, printed in
 * every edition: it becomes the pack's `watermark` texts, the same words in each language and
 * approved, so every edition prints what it printed before. Paragraph numbering is a new
 * option, off.
 */
export const migration005: Migration = {
  version: 5,
  name: 'pack_paper',
  up(db) {
    db.exec(`
      ALTER TABLE packs ADD COLUMN reference TEXT CHECK (reference IS NULL OR length(reference) BETWEEN 1 AND 80);
      ALTER TABLE packs ADD COLUMN version TEXT CHECK (version IS NULL OR length(version) BETWEEN 1 AND 40);
      ALTER TABLE packs ADD COLUMN issued TEXT CHECK (issued IS NULL OR issued GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]');
      ALTER TABLE packs ADD COLUMN logo_type TEXT CHECK (logo_type IS NULL OR logo_type IN ('image/png','image/jpeg'));
      ALTER TABLE packs ADD COLUMN logo BLOB CHECK ((logo IS NULL) = (logo_type IS NULL));
    `);
    const packs = db.prepare('SELECT id, options FROM packs').all() as { id: string; options: string }[];
    const now = new Date().toISOString();
    const addText = db.prepare(
      `INSERT INTO texts (piece_id, field, locale, body, status, updated_at) VALUES (?, 'watermark', ?, ?, 'approved', ?)
       ON CONFLICT (piece_id, field, locale) DO NOTHING`,
    );
    const setOptions = db.prepare('UPDATE packs SET options = ? WHERE id = ?');
    for (const pack of packs) {
      const { watermark, ...options } = JSON.parse(pack.options) as Record<string, unknown> & { watermark?: unknown };
      if (typeof watermark === 'string' && watermark !== '') {
        for (const locale of ['en', 'fr', 'es']) addText.run(pack.id, locale, watermark, now);
      }
      setOptions.run(JSON.stringify({ ...options, numberedParagraphs: options.numberedParagraphs === true }), pack.id);
    }
  },
};
