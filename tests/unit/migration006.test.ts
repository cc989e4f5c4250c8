import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../main/db/migrations';
import { migration006 } from '../../main/db/migrations/006_history';
import { LibraryStore } from '../../main/services/LibraryStore';
import { applyLibraryDocument } from '../../main/services/importLibrary';
import { listVersions } from '../../main/services/history/pieceHistory';
import { pieceContentHash } from '../../main/services/pieceContentHash';
import { smallDocument } from '../helpers/documents';

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

describe('migration 006 (history)', () => {
  it('a library from before history: no version is recorded until 006 exists, then each piece gets one as it stood', () => {
    // Every later step but 006: the store of today (which needs later columns) writes as an app
    // without history would have, then 006 arrives.
    const db = dbAtVersion(Number.MAX_SAFE_INTEGER);
    db.exec('DROP TABLE piece_versions');
    const store = new LibraryStore(db);
    applyLibraryDocument(store, smallDocument());
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'piece_versions'").pluck().get()).toBe(0);
    migration006.up(db);
    const later = new LibraryStore(db);
    const before = later.readRecords(['t-prio-1']).priorities[0]!;
    const versions = listVersions(later, 't-prio-1');
    expect(versions).toEqual([{ number: 1, at: expect.any(String), who: null, changes: [], restoredFrom: null, deleted: false }]);
    const hash = db.prepare("SELECT hash FROM piece_versions WHERE piece_id = 't-prio-1'").pluck().get();
    expect(hash).toBe(pieceContentHash(before));
    // Sections are part of their pack's record, never pieces of their own in the history.
    expect(db.prepare("SELECT count(*) FROM piece_versions WHERE kind = 'section'").pluck().get()).toBe(0);
    expect(db.prepare("SELECT count(DISTINCT piece_id) FROM piece_versions").pluck().get()).toBe(
      db.prepare("SELECT count(*) FROM pieces WHERE kind <> 'section'").pluck().get(),
    );
    db.close();
  });

  it('refuses rows that do not describe a version', () => {
    const db = dbAtVersion(6);
    const insert = (kind: string, number: number, changes: string, hash: string, snapshot: Buffer | null, deleted = 0) =>
      db
        .prepare('INSERT INTO piece_versions (piece_id, kind, number, at, who, changes, hash, snapshot, patch, restored_from, deleted) VALUES (?, ?, ?, ?, NULL, ?, ?, ?, NULL, NULL, ?)')
        .run('p', kind, number, 't', changes, hash, snapshot, deleted);
    const h = 'a'.repeat(64);
    expect(() => insert('priority', 1, '[]', h, Buffer.from('x'))).not.toThrow();
    expect(() => insert('priority', 1, '[]', h, Buffer.from('x'))).toThrow(/UNIQUE|PRIMARY/);
    expect(() => insert('section', 2, '[]', h, Buffer.from('x'))).toThrow(/CHECK/);
    expect(() => insert('priority', 0, '[]', h, Buffer.from('x'))).toThrow(/CHECK/);
    expect(() => insert('priority', 3, 'not json', h, Buffer.from('x'))).toThrow(/CHECK/);
    expect(() => insert('priority', 4, '[]', 'short', Buffer.from('x'))).toThrow(/CHECK/);
    expect(() => insert('priority', 5, '[]', h, null)).toThrow(/CHECK/);
    expect(() => insert('priority', 6, '[]', h, Buffer.from('x'), 2)).toThrow(/CHECK/);
    db.close();
  });
});
