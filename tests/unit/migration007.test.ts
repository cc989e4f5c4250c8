import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../main/db/migrations';
import { migration007 } from '../../main/db/migrations/007_terms';

/** A database with every migration before 007, as an older app left it. */
function dbBefore007(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  for (const m of MIGRATIONS.filter((x) => x.version < 7)) {
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return db;
}

function addConcept(db: Database.Database, id: string): void {
  db.prepare("INSERT INTO concepts (id, subject, note, source, created_at, updated_at) VALUES (?, NULL, NULL, NULL, 't', 't')").run(id);
}

const addTerm = (db: Database.Database, values: Partial<Record<string, string | null>>) => {
  const row = { concept: 'c-tip', locale: 'es', text: 'trata de personas', status: 'preferred', approval: 'draft', by: null, at: null, ...values };
  return db
    .prepare(
      `INSERT INTO terms (concept_id, locale, text, status, note, approval, approved_by, approved_at, updated_at)
       VALUES (@concept, @locale, @text, @status, NULL, @approval, @by, @at, 't')`,
    )
    .run(row);
};

describe('migration 007 (terms)', () => {
  it('adds the concepts and terms tables to a library that had none, keeping what was there', () => {
    const db = dbBefore007();
    db.prepare("INSERT INTO pieces (id, kind, created_at, updated_at) VALUES ('note-a', 'note', 't', 't')").run();
    migration007.up(db);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('concepts','terms') ORDER BY 1").pluck().all();
    expect(tables).toEqual(['concepts', 'terms']);
    expect(db.prepare('SELECT id FROM pieces').pluck().all()).toEqual(['note-a']);
    db.close();
  });

  it('holds terms with their status and approval, and refuses what the termbase cannot mean', () => {
    const db = dbBefore007();
    migration007.up(db);
    addConcept(db, 'c-tip');
    expect(() => addTerm(db, {})).not.toThrow();
    expect(() => addTerm(db, { text: 'trata de seres humanos', status: 'forbidden' })).not.toThrow();
    expect(() => addTerm(db, { locale: 'de', text: 'Menschenhandel' })).toThrow(/CHECK/);
    expect(() => addTerm(db, { text: '   ' })).toThrow(/CHECK/);
    expect(() => addTerm(db, { text: ' trata ' })).toThrow(/CHECK/);
    expect(() => addTerm(db, { text: 'trata', status: 'deprecated' })).toThrow(/CHECK/);
    expect(() => addTerm(db, { text: 'trata', approval: 'reviewed' })).toThrow(/CHECK/);
    // An approval names its approver; a draft names none.
    expect(() => addTerm(db, { text: 'trata', approval: 'approved' })).toThrow(/CHECK/);
    expect(() => addTerm(db, { text: 'trata', approval: 'draft', by: 'Ana', at: 't' })).toThrow(/CHECK/);
    expect(() => addTerm(db, { text: 'trata', approval: 'approved', by: 'Ana', at: '2026-01-01T00:00:00Z' })).not.toThrow();
    // The same term twice in one concept and language is one term.
    expect(() => addTerm(db, {})).toThrow(/UNIQUE/);
    expect(() => addTerm(db, { concept: 'c-missing', text: 'x' })).toThrow(/FOREIGN KEY/);
    expect(() => addConcept(db, 'bad id')).toThrow(/CHECK/);
    db.close();
  });

  it('removes a concept’s terms with it', () => {
    const db = dbBefore007();
    migration007.up(db);
    addConcept(db, 'c-tip');
    addTerm(db, {});
    db.prepare("DELETE FROM concepts WHERE id = 'c-tip'").run();
    expect(db.prepare('SELECT count(*) FROM terms').pluck().get()).toBe(0);
    db.close();
  });
});
