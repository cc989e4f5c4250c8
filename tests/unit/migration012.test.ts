import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../main/db/migrations';
import { migration012 } from '../../main/db/migrations/012_sync_conflicts';

function dbBefore12(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  for (const m of MIGRATIONS.filter((x) => x.version < 12)) m.up(db);
  return db;
}

const insert = (db: Database.Database, row: Partial<Record<string, unknown>> = {}) => {
  const r = { kind: 'cell', collection: 'notes', piece_id: 'note-1', section_id: null, field: 'title', locale: 'fr', base: '{"text":"a"}', ours: '{"text":"b"}', theirs: '{"text":"c"}', resolved_at: null, kept: null, ...row };
  return db
    .prepare(
      `INSERT INTO sync_conflicts (kind, collection, piece_id, section_id, field, locale, base, ours, theirs, ours_by, theirs_by, found_at, resolved_at, kept)
       VALUES (@kind, @collection, @piece_id, @section_id, @field, @locale, @base, @ours, @theirs, 'Ana (Secretariat)', 'Luc (Ottawa)', '2026-12-03T10:00:00Z', @resolved_at, @kept)`,
    )
    .run(r);
};

describe('migration 012 (sync conflicts)', () => {
  it('is migration 12 in the list, and keeps one open conflict per cell, refusing bad rows', () => {
    expect(MIGRATIONS.find((m) => m.version === 12)).toBe(migration012);
    const db = dbBefore12();
    const texts = db.prepare('SELECT count(*) FROM texts').pluck().get();
    migration012.up(db);
    insert(db);
    // Another language of the same field, and the same cell in a section, are other cells.
    insert(db, { locale: 'es' });
    insert(db, { section_id: 'note-1-s1' });
    expect(() => insert(db)).toThrow(/UNIQUE/);
    // Once resolved, the cell may conflict again.
    db.prepare("UPDATE sync_conflicts SET resolved_at = '2026-12-03T11:00:00Z', kept = 'theirs' WHERE id = 1").run();
    insert(db);
    insert(db, { kind: 'deletedEdited', field: null, locale: null, ours: 'null' });
    expect(db.prepare('SELECT count(*) FROM sync_conflicts').pluck().get()).toBe(5);
    expect(db.prepare('SELECT count(*) FROM texts').pluck().get()).toBe(texts);
    expect(() => insert(db, { locale: 'de', field: 'body' })).toThrow(/CHECK/);
    expect(() => insert(db, { base: 'not json', field: 'body' })).toThrow(/CHECK/);
    expect(() => insert(db, { kind: 'merged', field: 'body' })).toThrow(/CHECK/);
    expect(() => insert(db, { kind: 'deletedEdited', piece_id: 'note-2' })).toThrow(/CHECK/);
    expect(() => insert(db, { field: 'body', kept: 'ours' })).toThrow(/CHECK/);
    expect(() => insert(db, { field: 'body', resolved_at: 'x', kept: 'both' })).toThrow(/CHECK/);
  });
});
