import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../main/db/migrations';
import { migration009 } from '../../main/db/migrations/009_builds';

function dbBefore7(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  for (const m of MIGRATIONS.filter((x) => x.version < 9)) m.up(db);
  return db;
}

const HASH = 'a'.repeat(64);
const insertBuild = (db: Database.Database, id: string, status: string, error: string | null) =>
  db
    .prepare(
      `INSERT INTO builds (id, pack_id, pack_slug, built_at, built_by, mode, editions, options, app_version, fonts_hash, status, error)
       VALUES (?, 'pack-a', 'a', '2026-01-01T00:00:00.000Z', 'Ana', 'all', '["en","fr","es"]', '{}', '0.1.0', ?, ?, ?)`,
    )
    .run(id, HASH, status, error);

describe('migration 009 (builds)', () => {
  it('is listed after the earlier steps, whatever order index.ts names them in', () => {
    const versions = MIGRATIONS.map((m) => m.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(MIGRATIONS.find((m) => m.version === 9)).toBe(migration009);
  });

  it('records builds with their outputs and pieces, refuses bad rows, and removes a build’s rows with it', () => {
    const db = dbBefore7();
    migration009.up(db);
    insertBuild(db, 'b1', 'ok', null);
    expect(() => insertBuild(db, 'b2', 'done', null)).toThrow(/CHECK/);
    expect(() => insertBuild(db, 'b3', 'ok', '{"code":"x"}')).toThrow(/CHECK/);
    expect(() => insertBuild(db, 'b4', 'failed', null)).toThrow(/CHECK/);
    insertBuild(db, 'b5', 'refused', '{"code":"build.incomplete"}');
    db.prepare("INSERT INTO build_outputs VALUES ('b1', 'en', '/tmp/a.pdf', ?, 12, 1000)").run(HASH);
    expect(() => db.prepare("INSERT INTO build_outputs VALUES ('b1', 'de', '/tmp/a.pdf', ?, 12, 1000)").run(HASH)).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO build_outputs VALUES ('nope', 'fr', '/tmp/a.pdf', ?, 12, 1000)").run(HASH)).toThrow(/FOREIGN KEY/);
    db.prepare("INSERT INTO build_pieces VALUES ('b1', 'priority-1', 'priority', ?)").run(HASH);
    db.prepare("DELETE FROM builds WHERE id = 'b1'").run();
    expect(db.prepare('SELECT count(*) FROM build_outputs').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM build_pieces').pluck().get()).toBe(0);
    db.close();
  });
});
