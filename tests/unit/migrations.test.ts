import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../main/db/migrations';
import { migration001 } from '../../main/db/migrations/001_schema';
import { migration002 } from '../../main/db/migrations/002_search';
import { migration003 } from '../../main/db/migrations/003_translation';
import { hashSourceText } from '../../main/db/textHash';
import { migration004 } from '../../main/db/migrations/004_participants';
import { LibraryStore } from '../../main/services/LibraryStore';
import { migrate } from '../../main/db/migrate';
import { APPLICATION_ID, openLibrary } from '../../main/db/openLibrary';
import { AppError } from '../../shared/errors/AppError';
import { tempDir } from '../helpers/cli';
import { sha256File } from '../helpers/library';

const MIGRATIONS_DIR = fileURLToPath(new URL('../../main/db/migrations/', import.meta.url));

function memoryDb(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  return db;
}

/** A database at exactly `version`, built with the real migrations, as an older app left it. */
function dbAtVersion(db: Database.Database, version: number): Database.Database {
  for (const m of MIGRATIONS.filter((x) => x.version <= version)) {
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
      db.pragma(`application_id = ${APPLICATION_ID}`);
    })();
  }
  return db;
}

function tableNames(db: Database.Database): string[] {
  return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[]).filter(
    (n) => !n.startsWith('sqlite_'),
  );
}

function addPiece(db: Database.Database, id: string, kind = 'note'): void {
  db.prepare("INSERT INTO pieces (id, kind, created_at, updated_at) VALUES (?, ?, 't', 't')").run(id, kind);
}

function addText(db: Database.Database, pieceId: string, field: string, locale: string, body: string): number {
  return Number(
    db
      .prepare(
        "INSERT INTO texts (piece_id, field, locale, body, status, updated_at) VALUES (?, ?, ?, ?, 'approved', 't')",
      )
      .run(pieceId, field, locale, body).lastInsertRowid,
  );
}

function search(db: Database.Database, match: string): string[] {
  return db
    .prepare('SELECT piece_id || \'/\' || field || \'/\' || locale FROM search_index WHERE search_index MATCH ? ORDER BY 1')
    .pluck()
    .all(match) as string[];
}

async function expectAppError(promise: Promise<unknown>, code: string): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

describe('migration registry', () => {
  it('lists versions 1..N in order with no gap, and LATEST_SCHEMA_VERSION is N', () => {
    const versions = MIGRATIONS.map((m) => m.version);
    expect(versions.length).toBeGreaterThanOrEqual(2);
    expect(versions).toEqual(versions.map((_, i) => i + 1));
    expect(LATEST_SCHEMA_VERSION).toBe(versions.length);
    expect(new Set(MIGRATIONS.map((m) => m.name)).size).toBe(MIGRATIONS.length);
  });

  it('registers every numbered migration file under its own number', () => {
    const files = fs.readdirSync(MIGRATIONS_DIR).filter((f) => /^\d{3}_.+\.ts$/.test(f));
    expect(files.length).toBe(MIGRATIONS.length);
    for (const file of files) {
      const number = Number(file.slice(0, 3));
      const name = file.slice(4, -3);
      expect(MIGRATIONS[number - 1], file).toBeDefined();
      expect(MIGRATIONS[number - 1]!.version, file).toBe(number);
      expect(MIGRATIONS[number - 1]!.name, file).toBe(name);
    }
  });
});

describe('migration 001 (schema)', () => {
  it('creates the library tables on an empty database', () => {
    const db = memoryDb();
    expect(tableNames(db)).toEqual([]);
    migration001.up(db);
    expect(tableNames(db)).toEqual(
      [
        'countries',
        'instruments',
        'links',
        'meetings',
        'network_members',
        'networks',
        'note_tags',
        'notes',
        'pack_items',
        'pack_sections',
        'packs',
        'piece_sources',
        'pieces',
        'priorities',
        'sources',
        'texts',
      ].sort(),
    );
    db.close();
  });

  it('refuses a text for a piece that does not exist (foreign key texts → pieces)', () => {
    const db = memoryDb();
    migration001.up(db);
    expect(() => addText(db, 'note-missing', 'title', 'en', 'x')).toThrow(/FOREIGN KEY/);
    addPiece(db, 'note-here');
    expect(() => addText(db, 'note-here', 'title', 'en', 'x')).not.toThrow();
    db.close();
  });

  it('deleting a piece removes its texts (ON DELETE CASCADE)', () => {
    const db = memoryDb();
    migration001.up(db);
    addPiece(db, 'note-here');
    addText(db, 'note-here', 'title', 'fr', 'x');
    db.prepare("DELETE FROM pieces WHERE id = 'note-here'").run();
    expect(db.prepare('SELECT count(*) FROM texts').pluck().get()).toBe(0);
    db.close();
  });

  it('enforces the CHECK constraints on locale, status, source locale and hash, kind and dates', () => {
    const db = memoryDb();
    migration001.up(db);
    addPiece(db, 'note-here');
    expect(() => addText(db, 'note-here', 'title', 'de', 'x')).toThrow(/CHECK/);
    expect(() => addText(db, 'note-here', 'title', 'en', '')).toThrow(/CHECK/);
    const insert = db.prepare(
      "INSERT INTO texts (piece_id, field, locale, body, status, source_locale, source_hash, updated_at) VALUES ('note-here', 'title', ?, 'x', ?, ?, ?, 't')",
    );
    expect(() => insert.run('en', 'final', null, null)).toThrow(/CHECK/);
    expect(() => insert.run('en', 'draft', 'en', 'h')).toThrow(/CHECK/); // from itself
    expect(() => insert.run('en', 'draft', 'fr', null)).toThrow(/CHECK/); // from without hash
    expect(() => insert.run('en', 'draft', null, 'h')).toThrow(/CHECK/); // hash without from
    expect(() => insert.run('en', 'draft', 'fr', 'h')).not.toThrow();
    expect(() => addPiece(db, 'thing-x', 'thing')).toThrow(/CHECK/);
    addPiece(db, 'net-x', 'network');
    db.prepare("INSERT INTO networks (id) VALUES ('net-x')").run();
    addPiece(db, 'PA', 'country');
    db.prepare("INSERT INTO countries (code) VALUES ('PA')").run();
    addPiece(db, 'meet-x', 'meeting');
    expect(() =>
      db
        .prepare("INSERT INTO meetings (id, network_id, host_country, start_date, end_date) VALUES ('meet-x', 'net-x', 'PA', '2025-11-28', '2025-11-27')")
        .run(),
    ).toThrow(/CHECK/);
    db.close();
  });

  it('keeps priority numbers unique within a network', () => {
    const db = memoryDb();
    migration001.up(db);
    addPiece(db, 'net-x', 'network');
    db.prepare("INSERT INTO networks (id) VALUES ('net-x')").run();
    addPiece(db, 'prio-a', 'priority');
    addPiece(db, 'prio-b', 'priority');
    db.prepare("INSERT INTO priorities (id, network_id, number) VALUES ('prio-a', 'net-x', 1)").run();
    expect(() => db.prepare("INSERT INTO priorities (id, network_id, number) VALUES ('prio-b', 'net-x', 1)").run()).toThrow(
      /UNIQUE/,
    );
    expect(() => db.prepare("INSERT INTO priorities (id, network_id, number) VALUES ('prio-b', 'net-nope', 2)").run()).toThrow(
      /FOREIGN KEY/,
    );
    db.close();
  });
});

describe('migration 002 (search)', () => {
  it('creates the FTS index and its three triggers', () => {
    const db = dbAtVersion(memoryDb(), 1);
    migration002.up(db);
    const objects = db.prepare("SELECT type || ':' || name FROM sqlite_master WHERE name LIKE '%search%' ORDER BY 1").pluck().all();
    expect(objects).toEqual(
      expect.arrayContaining([
        'table:search_index',
        'trigger:texts_search_delete',
        'trigger:texts_search_insert',
        'trigger:texts_search_update',
      ]),
    );
    const sql = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'search_index'").pluck().get() as string;
    expect(sql).toMatch(/fts5/i);
    db.close();
  });

  it('backfills texts that existed at schema 1', () => {
    const db = dbAtVersion(memoryDb(), 1);
    addPiece(db, 'note-old');
    addText(db, 'note-old', 'title', 'fr', 'La sécurité à l’école');
    addText(db, 'note-old', 'body', 'fr', 'Mise en Œuvre du plan');
    addText(db, 'note-old', 'body', 'es', 'Los niños');
    migration002.up(db);
    expect(db.prepare('SELECT count(*) FROM search_index').pluck().get()).toBe(3);
    expect(search(db, 'securite')).toEqual(['note-old/title/fr']);
    expect(search(db, 'ecole')).toEqual(['note-old/title/fr']);
    expect(search(db, 'oeuvre')).toEqual(['note-old/body/fr']);
    expect(search(db, 'ninos')).toEqual(['note-old/body/es']);
    db.close();
  });

  it('keeps the index in step on insert, update and delete, folding œ, æ and ß', () => {
    const db = dbAtVersion(memoryDb(), 2);
    addPiece(db, 'note-a');
    const rowid = addText(db, 'note-a', 'body', 'fr', 'La mise en œuvre');
    expect(search(db, 'oeuvre')).toEqual(['note-a/body/fr']);
    expect(search(db, 'mise')).toEqual(['note-a/body/fr']);

    db.prepare('UPDATE texts SET body = ? WHERE rowid = ?').run('Curriculum vitæ, Straße', rowid);
    expect(search(db, 'oeuvre')).toEqual([]);
    expect(search(db, 'vitae')).toEqual(['note-a/body/fr']);
    expect(search(db, 'strasse')).toEqual(['note-a/body/fr']);

    db.prepare("UPDATE texts SET locale = 'en' WHERE rowid = ?").run(rowid);
    expect(search(db, 'vitae')).toEqual(['note-a/body/en']);

    db.prepare('DELETE FROM texts WHERE rowid = ?').run(rowid);
    expect(search(db, 'vitae')).toEqual([]);
    expect(db.prepare('SELECT count(*) FROM search_index').pluck().get()).toBe(0);

    addText(db, 'note-a', 'title', 'en', 'ŒUVRE complète');
    expect(search(db, 'oeuvre')).toEqual(['note-a/title/en']);
    db.prepare("DELETE FROM pieces WHERE id = 'note-a'").run(); // cascade
    expect(search(db, 'oeuvre')).toEqual([]);
    db.close();
  });
});

describe('migration 003 (translation)', () => {
  function addTranslation(db: Database.Database, pieceId: string, field: string, locale: string, body: string, from: string, hash: string) {
    db.prepare(
      "INSERT INTO texts (piece_id, field, locale, body, status, source_locale, source_hash, updated_at) VALUES (?, ?, ?, ?, 'draft', ?, ?, 't')",
    ).run(pieceId, field, locale, body, from, hash);
  }

  it('adds approval columns, source_texts, ui_strings and settings', () => {
    const db = dbAtVersion(memoryDb(), 3);
    expect(tableNames(db)).toEqual(expect.arrayContaining(['source_texts', 'ui_strings', 'settings']));
    const columns = (db.prepare('PRAGMA table_info(texts)').all() as { name: string }[]).map((c) => c.name);
    expect(columns).toEqual(expect.arrayContaining(['approved_by', 'approved_at']));
    db.close();
  });

  it('keeps the source of every translation whose source is unchanged, and only those', () => {
    const db = dbAtVersion(memoryDb(), 2);
    addPiece(db, 'note-a');
    addText(db, 'note-a', 'title', 'fr', 'La sécurité');
    addTranslation(db, 'note-a', 'title', 'en', 'Security', 'fr', hashSourceText('La sécurité'));
    addTranslation(db, 'note-a', 'title', 'es', 'Seguridad', 'fr', hashSourceText('Un texte plus ancien'));
    migration003.up(db);
    const kept = db.prepare('SELECT hash, body FROM source_texts').all();
    expect(kept).toEqual([{ hash: hashSourceText('La sécurité'), body: 'La sécurité' }]);
    db.close();
  });

  it('enforces the constraints of ui_strings (locale, namespace, source differs from target)', () => {
    const db = dbAtVersion(memoryDb(), 3);
    const insert = db.prepare(
      `INSERT INTO ui_strings (locale, namespace, key, value, status, source_locale, source_hash, updated_at)
       VALUES (?, ?, ?, 'x', 'draft', ?, ?, 't')`,
    );
    const hash = 'a'.repeat(64);
    insert.run('es', 'ui', 'nav.library', 'en', hash);
    expect(() => insert.run('de', 'ui', 'nav.x', 'en', hash)).toThrow(/CHECK/);
    expect(() => insert.run('es', 'cli', 'nav.x', 'en', hash)).toThrow(/CHECK/);
    expect(() => insert.run('es', 'ui', 'nav.y', 'es', hash)).toThrow(/CHECK/);
    expect(() => insert.run('es', 'ui', 'nav.library', 'en', hash)).toThrow(/UNIQUE|PRIMARY/);
    db.close();
  });

  it('leaves the search index working on texts with the new columns', () => {
    const db = dbAtVersion(memoryDb(), 3);
    addPiece(db, 'note-a');
    addText(db, 'note-a', 'title', 'fr', 'La sécurité');
    db.prepare("UPDATE texts SET approved_by = 'Ana', approved_at = 't'").run();
    expect(search(db, 'securite')).toEqual(['note-a/title/fr']);
    db.close();
  });
});

describe('migration 004 (participants)', () => {
  /** A schema-3 library with a network, two countries and a meeting hosted by one of them. */
  function meetingAtVersion3(): Database.Database {
    const db = dbAtVersion(memoryDb(), 3);
    addPiece(db, 'net-a', 'network');
    db.prepare('INSERT INTO networks (id) VALUES (?)').run('net-a');
    for (const code of ['PA', 'MX']) {
      addPiece(db, code, 'country');
      db.prepare('INSERT INTO countries (code) VALUES (?)').run(code);
    }
    db.prepare("INSERT INTO network_members (network_id, country_code) VALUES ('net-a', 'MX')").run();
    addPiece(db, 'meet-a', 'meeting');
    db.prepare(
      "INSERT INTO meetings (id, network_id, host_country, start_date, end_date) VALUES ('meet-a', 'net-a', 'PA', '2025-11-27', '2025-11-28')",
    ).run();
    addText(db, 'meet-a', 'title', 'fr', 'Réunion');
    addText(db, 'meet-a', 'place', 'fr', 'Panama');
    return db;
  }

  it('adds meeting_participants, leaving meetings and network members as they were', () => {
    const db = meetingAtVersion3();
    const before = db.prepare('SELECT * FROM meetings').all();
    migration004.up(db);
    expect(tableNames(db)).toContain('meeting_participants');
    expect(db.prepare('SELECT * FROM meetings').all()).toEqual(before);
    expect(db.prepare('SELECT country_code FROM network_members').pluck().all()).toEqual(['MX']);
    expect(db.prepare('SELECT count(*) FROM meeting_participants').pluck().get()).toBe(0);
    db.close();
  });

  it('reads an older meeting with no participants, and keeps the participants written', () => {
    const db = meetingAtVersion3();
    migration004.up(db);
    // The store reads the latest schema: the migrations after this one run too.
    for (const later of MIGRATIONS.filter((m) => m.version > 4)) later.up(db);
    const store = new LibraryStore(db);
    // The meetings are what this migration is about.
    expect(store.readDocument(['meetings']).meetings[0]!.participants).toEqual([]);
    const meeting = { ...store.readDocument(['meetings']).meetings[0]!, participants: ['PA', 'MX', 'MX'] };
    store.writeMeeting(meeting, 't2');
    expect(store.readDocument(['meetings']).meetings[0]!.participants).toEqual(['MX', 'PA']);
    store.writeMeeting({ ...meeting, participants: ['PA'] }, 't3');
    expect(store.readDocument(['meetings']).meetings[0]!.participants).toEqual(['PA']);
    db.close();
  });

  it('refuses a participant that is not a country, and drops participants with their meeting or country', () => {
    const db = meetingAtVersion3();
    migration004.up(db);
    const insert = db.prepare('INSERT INTO meeting_participants (meeting_id, country_code) VALUES (?, ?)');
    insert.run('meet-a', 'PA');
    insert.run('meet-a', 'MX');
    expect(() => insert.run('meet-a', 'ZZ')).toThrow(/FOREIGN KEY/);
    expect(() => insert.run('meet-zz', 'PA')).toThrow(/FOREIGN KEY/);
    expect(() => insert.run('meet-a', 'PA')).toThrow(/UNIQUE|PRIMARY/);
    db.prepare("DELETE FROM network_members WHERE country_code = 'MX'").run();
    db.prepare("DELETE FROM pieces WHERE id = 'MX'").run();
    expect(db.prepare('SELECT country_code FROM meeting_participants').pluck().all()).toEqual(['PA']);
    db.prepare("DELETE FROM pieces WHERE id = 'meet-a'").run();
    expect(db.prepare('SELECT count(*) FROM meeting_participants').pluck().get()).toBe(0);
    db.close();
  });
});

describe('openLibrary', () => {
  it('creates a new library at the latest schema with the application id, without a backup', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'new.sqlite');
    const lib = await openLibrary(file, { create: true });
    expect(lib.created).toBe(true);
    expect(lib.migration).toEqual({ from: 0, to: LATEST_SCHEMA_VERSION, backupPath: null });
    expect(lib.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(lib.db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    lib.close();
    expect(fs.existsSync(path.join(dir, 'backups'))).toBe(false);
    const again = await openLibrary(file, { create: false });
    expect(again.created).toBe(false);
    expect(again.migration).toEqual({ from: LATEST_SCHEMA_VERSION, to: LATEST_SCHEMA_VERSION, backupPath: null });
    again.close();
  });

  function newerLibrary(): string {
    const file = path.join(tempDir(), 'newer.sqlite');
    const db = dbAtVersion(new Database(file), LATEST_SCHEMA_VERSION);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    db.close();
    return file;
  }

  it('refuses a library written by a newer schema with db.newerSchema', async () => {
    const file = newerLibrary();
    const error = await expectAppError(openLibrary(file, { create: false }), 'db.newerSchema');
    expect(error.params).toMatchObject({ path: file, version: LATEST_SCHEMA_VERSION + 1, supported: LATEST_SCHEMA_VERSION });
    await expectAppError(openLibrary(file, { create: false, readOnly: true }), 'db.newerSchema');
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION + 1);
    db.close();
  });

  it('leaves a library from a newer schema byte for byte as it was when refusing it', async () => {
    const file = newerLibrary();
    const before = sha256File(file);
    await expectAppError(openLibrary(file, { create: false }), 'db.newerSchema');
    expect(sha256File(file), 'a refused library must not be written to (e.g. switched to WAL)').toBe(before);
  });

  it('backs up a schema-1 library into backups/ (a valid schema-1 database) before migrating it', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'old.sqlite');
    const db = dbAtVersion(new Database(file), 1);
    addPiece(db, 'note-old');
    addText(db, 'note-old', 'title', 'fr', 'Mise en œuvre à l’école');
    db.close();

    const lib = await openLibrary(file, { create: false });
    expect(lib.migration.from).toBe(1);
    expect(lib.migration.to).toBe(LATEST_SCHEMA_VERSION);
    expect(lib.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(search(lib.db, 'oeuvre')).toEqual(['note-old/title/fr']);
    lib.close();

    const backups = fs.readdirSync(path.join(dir, 'backups'));
    expect(backups).toHaveLength(1);
    const backup = path.join(dir, 'backups', backups[0]!);
    expect(lib.migration.backupPath).toBe(backup);
    expect(backups[0]).toMatch(/^old-schema1-.+\.sqlite$/);
    const copy = new Database(backup, { readonly: true, fileMustExist: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.pragma('user_version', { simple: true })).toBe(1);
    expect(copy.prepare('SELECT body FROM texts').pluck().all()).toEqual(['Mise en œuvre à l’école']);
    expect(tableNames(copy)).not.toContain('search_index');
    copy.close();
  });

  it('does not migrate when the backup cannot be written (db.backupFailed)', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'old.sqlite');
    dbAtVersion(new Database(file), 1).close();
    fs.writeFileSync(path.join(dir, 'backups'), 'a file where the backups folder should be');
    await expectAppError(openLibrary(file, { create: false }), 'db.backupFailed');
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    db.close();
  });

  it('rolls a failed migration back, leaving the library at its previous version', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'old.sqlite');
    const db = dbAtVersion(new Database(file), 1);
    db.exec('CREATE TABLE search_index (x)'); // makes migration 002 fail
    db.close();
    await expect(openLibrary(file, { create: false })).rejects.toThrow(/search_index/);
    const after = new Database(file, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(1);
    expect(after.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'").pluck().get()).toBe(0);
    after.close();
  });

  function foreignDatabase(): string {
    const file = path.join(tempDir(), 'other.sqlite');
    const db = new Database(file);
    db.exec("CREATE TABLE accounts (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO accounts (name) VALUES ('x')");
    db.close();
    return file;
  }

  it("refuses another app's SQLite database (tables, user_version 0) with db.foreign", async () => {
    const file = foreignDatabase();
    const error = await expectAppError(openLibrary(file, { create: false }), 'db.foreign');
    expect(error.params).toMatchObject({ path: file });
    await expectAppError(openLibrary(file, { create: true }), 'db.foreign');
    await expectAppError(openLibrary(file, { create: false, readOnly: true }), 'db.foreign');
    const reopened = new Database(file, { readonly: true });
    expect(reopened.pragma('user_version', { simple: true })).toBe(0);
    expect(tableNames(reopened)).toEqual(['accounts']);
    reopened.close();
  });

  it("leaves another app's SQLite database byte for byte as it was when refusing it", async () => {
    const file = foreignDatabase();
    const before = sha256File(file);
    await expectAppError(openLibrary(file, { create: false }), 'db.foreign');
    expect(sha256File(file), "another app's database must not be written to (e.g. switched to WAL)").toBe(before);
    const reopened = new Database(file, { readonly: true });
    expect(reopened.pragma('journal_mode', { simple: true })).toBe('delete');
    reopened.close();
  });

  it('refuses an empty SQLite database that carries another application id', async () => {
    const file = path.join(tempDir(), 'other.sqlite');
    const db = new Database(file);
    db.pragma('application_id = 1234');
    db.close();
    await expectAppError(openLibrary(file, { create: false }), 'db.foreign');
  });

  it('brings a library to the latest schema through migrate() and reports each step', async () => {
    const file = path.join(tempDir(), 'm.sqlite');
    const db = new Database(file);
    const report = await migrate(db, file, APPLICATION_ID);
    expect(report).toEqual({ from: 0, to: LATEST_SCHEMA_VERSION, backupPath: null });
    expect(await migrate(db, file, APPLICATION_ID)).toEqual({
      from: LATEST_SCHEMA_VERSION,
      to: LATEST_SCHEMA_VERSION,
      backupPath: null,
    });
    db.close();
  });
});
