import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../main/db/migrations';
import { migration011 } from '../../main/db/migrations/011_external_memory';

function dbBefore12(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  for (const m of MIGRATIONS.filter((x) => x.version < 11)) m.up(db);
  return db;
}

const insert = (db: Database.Database, origin: string, from: string, to: string, source: string, target: string) =>
  db
    .prepare('INSERT INTO external_memory (origin, source_locale, target_locale, source, target, imported_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(origin, from, to, source, target, '2026-01-01T00:00:00.000Z');

describe('migration 011 (external memory)', () => {
  it('is listed in order, and keeps imported units apart from the texts, refusing bad rows', () => {
    const versions = MIGRATIONS.map((m) => m.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(MIGRATIONS).toContain(migration011);
    const db = dbBefore12();
    const texts = db.prepare('SELECT count(*) FROM texts').pluck().get();
    migration011.up(db);
    insert(db, 'trados.tmx', 'en', 'es', 'Trafficking in persons', 'Trata de personas');
    expect(db.prepare('SELECT count(*) FROM external_memory').pluck().get()).toBe(1);
    expect(db.prepare('SELECT count(*) FROM texts').pluck().get()).toBe(texts);
    expect(() => insert(db, 'x.tmx', 'en', 'de', 'a', 'b')).toThrow(/CHECK/);
    expect(() => insert(db, 'x.tmx', 'en', 'en', 'a', 'b')).toThrow(/CHECK/);
    expect(() => insert(db, '', 'en', 'fr', 'a', 'b')).toThrow(/CHECK/);
    expect(() => insert(db, 'x.tmx', 'en', 'fr', '  ', 'b')).toThrow(/CHECK/);
  });
});
