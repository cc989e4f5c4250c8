import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../main/db/migrations';
import { migration008 } from '../../main/db/migrations/008_text_hashes';
import { hashSourceText } from '../../main/db/textHash';
import { LibraryStore } from '../../main/services/LibraryStore';
import { applyLibraryDocument } from '../../main/services/importLibrary';
import { emptyDocument, tri } from '../helpers/documents';

/** A database at exactly `version`, built with the real migrations, as an older app left it. */
function dbAtVersion(version: number): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  for (const m of MIGRATIONS.filter((x) => x.version <= version)) {
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return db;
}

const hashes = (db: Database.Database) =>
  db.prepare('SELECT locale, body, body_hash AS hash FROM texts ORDER BY locale').all() as { locale: string; body: string; hash: string | null }[];

describe('migration 008 (text hashes)', () => {
  it('gives every existing text the hash of its body, as a translation records it', () => {
    const db = dbAtVersion(migration008.version - 1);
    db.prepare("INSERT INTO pieces (id, kind, created_at, updated_at) VALUES ('note-a', 'note', 't', 't')").run();
    const add = db.prepare("INSERT INTO texts (piece_id, field, locale, body, status, updated_at) VALUES ('note-a', 'title', ?, ?, 'approved', 't')");
    add.run('fr', 'Élection à Panamá');
    // Decomposed accents: the hash is of the NFC form, as hashSourceText gives.
    add.run('en', 'Cafe\u0301');
    migration008.up(db);
    expect(hashes(db)).toEqual([
      { locale: 'en', body: 'Cafe\u0301', hash: hashSourceText('Café') },
      { locale: 'fr', body: 'Élection à Panamá', hash: hashSourceText('Élection à Panamá') },
    ]);
  });

  it('keeps the hash with the body: written by the store, dropped when the body changes another way', () => {
    const db = dbAtVersion(migration008.version);
    const store = new LibraryStore(db);
    const doc = emptyDocument();
    doc.sources.push({ id: 'src-a', title: tri('Rapport'), issuer: 'ONU', place: null, date: null, url: null });
    applyLibraryDocument(store, doc);
    expect(hashes(db).map((t) => t.hash)).toEqual(hashes(db).map((t) => hashSourceText(t.body)));
    doc.sources[0]!.title = tri('Rapport révisé');
    applyLibraryDocument(store, doc);
    expect(hashes(db).find((t) => t.locale === 'fr')).toEqual({ locale: 'fr', body: 'Rapport révisé', hash: hashSourceText('Rapport révisé') });
    expect(hashes(db).map((t) => t.hash)).toEqual(hashes(db).map((t) => hashSourceText(t.body)));
    db.prepare("UPDATE texts SET body = 'Autre' WHERE locale = 'fr'").run();
    expect(hashes(db).find((t) => t.locale === 'fr')?.hash).toBeNull();
    // A change of status alone leaves the body's hash as it is.
    db.prepare("UPDATE texts SET status = 'draft' WHERE locale = 'en'").run();
    expect(hashes(db).find((t) => t.locale === 'en')?.hash).toBe(hashSourceText(hashes(db).find((t) => t.locale === 'en')!.body));
  });
});
