import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../main/db/migrations';
import { migration013 } from '../../main/db/migrations/013_build_manifests';

function dbBefore13(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  for (const m of MIGRATIONS.filter((x) => x.version < 13)) m.up(db);
  return db;
}

const manifest = (buildId: string, edition: string) => JSON.stringify({ format: 'briefing-manifest', build: { id: buildId }, edition });

describe('migration 013 (build manifests)', () => {
  it('is registered under its number', () => {
    expect(MIGRATIONS.find((m) => m.version === 13)).toBe(migration013);
    expect(migration013.name).toBe('build_manifests');
  });

  it('keeps one manifest per edition of a build, refusing one that names another build or edition, and goes with its build', () => {
    const db = dbBefore13();
    migration013.up(db);
    db.prepare(
      `INSERT INTO builds (id, pack_id, pack_slug, built_at, built_by, mode, editions, options, app_version, fonts_hash, status, error)
       VALUES ('b1', 'pack-a', 'a', '2026-01-01T00:00:00.000Z', 'Ana', 'all', '["en","fr","es"]', '{}', '0.1.0', ?, 'ok', NULL)`,
    ).run('a'.repeat(64));
    const add = (build: string, edition: string, json: string) => db.prepare('INSERT INTO build_manifests (build_id, edition, manifest) VALUES (?, ?, ?)').run(build, edition, json);
    add('b1', 'en', manifest('b1', 'en'));
    add('b1', 'fr', manifest('b1', 'fr'));
    expect(() => add('b1', 'en', manifest('b1', 'en'))).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => add('b1', 'es', manifest('b1', 'fr'))).toThrow(/CHECK/);
    expect(() => add('b1', 'es', manifest('b2', 'es'))).toThrow(/CHECK/);
    expect(() => add('b1', 'es', '{not json')).toThrow(/CHECK|malformed/);
    expect(() => add('b1', 'de', manifest('b1', 'de'))).toThrow(/CHECK/);
    expect(() => add('b2', 'es', manifest('b2', 'es'))).toThrow(/FOREIGN KEY/);
    expect(db.prepare('SELECT edition FROM build_manifests ORDER BY rowid').pluck().all()).toEqual(['en', 'fr']);
    db.prepare("DELETE FROM builds WHERE id = 'b1'").run();
    expect(db.prepare('SELECT count(*) FROM build_manifests').pluck().get()).toBe(0);
    db.close();
  });

  it('leaves the builds recorded before it as they were, with no manifest', () => {
    const db = dbBefore13();
    db.prepare(
      `INSERT INTO builds (id, pack_id, pack_slug, built_at, built_by, mode, editions, options, app_version, fonts_hash, status, error)
       VALUES ('old', 'pack-a', 'a', '2025-01-01T00:00:00.000Z', 'Ana', 'en', '["en"]', '{}', '0.1.0', ?, 'ok', NULL)`,
    ).run('b'.repeat(64));
    migration013.up(db);
    expect(db.prepare('SELECT id FROM builds').pluck().all()).toEqual(['old']);
    expect(db.prepare('SELECT count(*) FROM build_manifests').pluck().get()).toBe(0);
    db.close();
  });
});
