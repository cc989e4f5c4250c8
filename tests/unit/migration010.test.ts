import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../main/db/migrations';
import { migration010 } from '../../main/db/migrations/010_distribution';

function dbBefore10(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  for (const m of MIGRATIONS.filter((x) => x.version < 10)) m.up(db);
  return db;
}

describe('migration 010 (distribution)', () => {
  it('is registered under its number', () => {
    expect(MIGRATIONS.find((m) => m.version === 10)).toBe(migration010);
    expect(migration010.name).toBe('distribution');
  });

  it('records recipients of a build once each, refuses blank names and unknown builds, and goes with its build', () => {
    const db = dbBefore10();
    migration010.up(db);
    db.prepare(
      `INSERT INTO builds (id, pack_id, pack_slug, built_at, built_by, mode, editions, options, app_version, fonts_hash, status, error)
       VALUES ('b1', 'pack-a', 'a', '2026-01-01T00:00:00.000Z', 'Ana', 'en', '["en"]', '{}', '0.1.0', ?, 'ok', NULL)`,
    ).run('a'.repeat(64));
    const add = (build: string, name: string) =>
      db.prepare("INSERT INTO build_distributions VALUES (?, ?, '2026-01-02T00:00:00.000Z', 'Ana')").run(build, name);
    add('b1', 'Delegation of Panama');
    expect(() => add('b1', 'Delegation of Panama')).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => add('b1', '   ')).toThrow(/CHECK/);
    expect(() => add('b1', 'x'.repeat(201))).toThrow(/CHECK/);
    expect(() => add('nope', 'Ana')).toThrow(/FOREIGN KEY/);
    db.prepare("DELETE FROM builds WHERE id = 'b1'").run();
    expect(db.prepare('SELECT count(*) FROM build_distributions').pluck().get()).toBe(0);
    db.close();
  });
});
