import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError, isAppError } from '../../shared/errors/AppError';
import { LATEST_SCHEMA_VERSION } from './migrations';
import { migrate, type MigrationReport } from './migrate';
import { mapSqliteError } from './sqliteErrors';

/** Written to the SQLite header so another app's database is never mistaken for a library. */
export const APPLICATION_ID = 0x4250_4231; // "BPB1"
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export interface OpenLibraryOptions {
  /** Create the file (and its folder) when it does not exist. */
  create: boolean;
  /** Only reads will follow: a read-only file is then acceptable. */
  readOnly?: boolean;
  /** How long SQLite waits for another program's write lock before saying busy (ms). */
  busyTimeoutMs?: number;
}

export interface OpenedLibrary {
  db: Database.Database;
  path: string;
  readOnly: boolean;
  /** The file did not exist (or was empty) before this open. */
  created: boolean;
  migration: MigrationReport;
  close(): void;
}

function isWritableByMode(file: string): boolean {
  // Root ignores permission bits, so fs.access would say yes; a user who removed every write
  // bit still means "do not change this file".
  return (fs.statSync(file).mode & 0o222) !== 0;
}

function checkHeader(file: string): void {
  const stat = fs.statSync(file);
  // --db given a folder is a common slip: say so, not that a file holds something else.
  if (stat.isDirectory()) throw new AppError('db.isFolder', { path: file });
  if (!stat.isFile()) throw new AppError('db.notADatabase', { path: file });
  if (stat.size === 0) return;
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(SQLITE_HEADER.length);
    const read = fs.readSync(fd, head, 0, head.length, 0);
    if (read < head.length || !head.equals(SQLITE_HEADER)) throw new AppError('db.notADatabase', { path: file });
  } finally {
    fs.closeSync(fd);
  }
}

export async function openLibrary(file: string, options: OpenLibraryOptions): Promise<OpenedLibrary> {
  try {
    return await openLibraryFile(file, options);
  } catch (error) {
    // On a full disk SQLite cannot even create the WAL's index to read; a command that only
    // reads (list, export to another disk) still works from a copy of the file in memory.
    if (options.readOnly && isAppError(error) && error.code === 'disk.full') return openInMemoryCopy(file, error);
    throw error;
  }
}

/**
 * The library's bytes in memory, read-only. Only when the WAL holds nothing (a library closed
 * cleanly): otherwise the file alone would miss the last changes, and the full disk is named.
 */
async function openInMemoryCopy(file: string, full: AppError): Promise<OpenedLibrary> {
  const wal = `${file}-wal`;
  if (fs.existsSync(wal) && fs.statSync(wal).size > 0) throw full;
  const bytes = fs.readFileSync(file);
  // Bytes 18 and 19 say "WAL"; an in-memory database reads the file as a rollback-journal one.
  bytes[18] = 1;
  bytes[19] = 1;
  const db = new Database(bytes, { readonly: true });
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (db.pragma('application_id', { simple: true }) !== APPLICATION_ID) throw new AppError('db.foreign', { path: file });
    if (version !== LATEST_SCHEMA_VERSION) throw full;
    const migration: MigrationReport = { from: version, to: version, backupPath: null };
    return { db, path: file, readOnly: true, created: false, migration, close: () => db.close() };
  } catch (error) {
    db.close();
    throw error;
  }
}

async function openLibraryFile(file: string, options: OpenLibraryOptions): Promise<OpenedLibrary> {
  const exists = fs.existsSync(file);
  if (!exists && !options.create) throw new AppError('db.notFound', { path: file });
  let created = !exists;
  let readOnly = false;
  if (exists) {
    checkHeader(file);
    created = fs.statSync(file).size === 0;
    if (!isWritableByMode(file)) {
      if (!options.readOnly) throw new AppError('db.readOnly', { path: file });
      readOnly = true;
    }
  } else {
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
    } catch (error) {
      throw new AppError('db.cannotCreate', { path: file, detail: (error as Error).message }, [], { cause: error });
    }
  }

  let db: Database.Database;
  try {
    db = new Database(file, { readonly: readOnly, fileMustExist: exists });
  } catch (error) {
    throw mapSqliteError(error, file);
  }
  try {
    db.pragma(`busy_timeout = ${Math.max(0, Math.round(options.busyTimeoutMs ?? 5000))}`);
    db.pragma('foreign_keys = ON');
    const version = db.pragma('user_version', { simple: true }) as number;
    const appId = db.pragma('application_id', { simple: true }) as number;
    if (version > LATEST_SCHEMA_VERSION) {
      throw new AppError('db.newerSchema', { path: file, version, supported: LATEST_SCHEMA_VERSION });
    }
    if (version === 0) {
      const tables = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").get() as {
        n: number;
      };
      if (tables.n > 0 || (appId !== 0 && appId !== APPLICATION_ID)) throw new AppError('db.foreign', { path: file });
    } else if (appId !== APPLICATION_ID) {
      throw new AppError('db.foreign', { path: file });
    }
    if (version < LATEST_SCHEMA_VERSION && readOnly) throw new AppError('db.readOnly', { path: file });
    // Only a file known to be ours (or new) is ever written to, WAL mode included.
    if (!readOnly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
    }
    const migration = await migrate(db, file, APPLICATION_ID);
    return { db, path: file, readOnly, created, migration, close: () => db.close() };
  } catch (error) {
    db.close();
    throw mapSqliteError(error, file);
  }
}
