import type { Migration } from './Migration';
import { hashSourceText } from '../textHash';

/**
 * Each text keeps the hash of its own body (hashSourceText: the hash a translation records of
 * its source). Whether a translation is out of date is then a comparison of two stored hashes,
 * so a list at 10,000 pieces no longer reads and hashes every original body to show its states.
 * TextsRepository writes the hash with the body; a row written some other way has none, and a
 * body changed without its hash loses it (the trigger), so readers hash such a body themselves
 * instead of trusting a hash of an older text.
 */
export const migration008: Migration = {
  version: 8,
  name: 'text_hashes',
  up(db) {
    db.exec(`
      ALTER TABLE texts ADD COLUMN body_hash TEXT CHECK (body_hash IS NULL OR length(body_hash) = 64);
      CREATE TRIGGER texts_body_hash_follows_body AFTER UPDATE OF body ON texts
        WHEN NEW.body IS NOT OLD.body AND NEW.body_hash IS OLD.body_hash
        BEGIN UPDATE texts SET body_hash = NULL WHERE rowid = NEW.rowid; END;
    `);
    const rows = db.prepare('SELECT rowid, body FROM texts').raw().iterate() as IterableIterator<[number, string]>;
    const set = db.prepare('UPDATE texts SET body_hash = ? WHERE rowid = ?');
    const hashes: [string, number][] = [];
    for (const [rowid, body] of rows) hashes.push([hashSourceText(body), rowid]);
    for (const [hash, rowid] of hashes) set.run(hash, rowid);
  },
};
