import fs from 'node:fs';
import Database, { type Database as Db } from 'better-sqlite3';
import { AppError, isAppError } from '../../../shared/errors/AppError';
import { APPLICATION_ID } from '../../db/openLibrary';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../db/migrations';
import { migrate } from '../../db/migrate';

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

let expectedTables: string[] | null = null;

/** The tables a library of this version has: those the migrations create, from an empty one. */
function libraryTables(): string[] {
  if (expectedTables) return expectedTables;
  const fresh = new Database(':memory:');
  try {
    for (const m of MIGRATIONS) m.up(fresh);
    expectedTables = tablesOf(fresh);
  } finally {
    fresh.close();
  }
  return expectedTables;
}

function tablesOf(db: Db): string[] {
  return db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
}

function isDamage(error: unknown): boolean {
  return /^SQLITE_(CORRUPT|NOTADB|IOERR)/.test(String((error as { code?: unknown }).code));
}

/**
 * Checks that `copy` (a scratch copy of the backup called `shownAs`) is a sound library this
 * version can open: SQLite's file, our application id, a schema no newer than ours, an intact
 * file (integrity_check) and every table a library has. With `upgrade`, an older schema is
 * brought up to date in the copy. Every refusal names the backup and what is wrong with it.
 */
export async function verifyLibraryCopy(copy: string, shownAs: string, options: { upgrade: boolean }): Promise<{ schemaVersion: number }> {
  const head = Buffer.alloc(SQLITE_HEADER.length);
  const fd = fs.openSync(copy, 'r');
  let read: number;
  try {
    read = fs.readSync(fd, head, 0, head.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (read < head.length || !head.equals(SQLITE_HEADER)) throw new AppError('backups.notALibrary', { file: shownAs });
  let db: Db;
  try {
    db = new Database(copy, { fileMustExist: true });
  } catch (error) {
    throw new AppError('backups.corrupt', { file: shownAs, detail: (error as Error).message }, [], { cause: error });
  }
  try {
    const appId = db.pragma('application_id', { simple: true }) as number;
    const version = db.pragma('user_version', { simple: true }) as number;
    if (appId !== APPLICATION_ID || version === 0) throw new AppError('backups.notALibrary', { file: shownAs });
    if (version > LATEST_SCHEMA_VERSION) {
      throw new AppError('backups.newerSchema', { file: shownAs, version, supported: LATEST_SCHEMA_VERSION });
    }
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    if (integrity.length !== 1 || integrity[0] !== 'ok') throw new AppError('backups.corrupt', { file: shownAs, detail: integrity[0] ?? '' });
    if (options.upgrade && version < LATEST_SCHEMA_VERSION) await migrate(db, copy, APPLICATION_ID);
    if (options.upgrade || version === LATEST_SCHEMA_VERSION) {
      const present = new Set(tablesOf(db));
      const missing = libraryTables().filter((t) => !present.has(t));
      if (missing.length > 0) throw new AppError('backups.notALibrary', { file: shownAs });
    }
    return { schemaVersion: version };
  } catch (error) {
    if (isAppError(error)) throw error;
    if (isDamage(error)) throw new AppError('backups.corrupt', { file: shownAs, detail: (error as Error).message }, [], { cause: error });
    throw error;
  } finally {
    db.close();
  }
}
