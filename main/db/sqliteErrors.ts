import { AppError } from '../../shared/errors/AppError';
import { diskFullError, isNearlyFull } from './diskFull';

interface SqliteLikeError {
  code?: unknown;
  message?: unknown;
}

/** Turns better-sqlite3's error codes into messages a user can act on; others pass through. */
export function mapSqliteError(error: unknown, dbPath: string): unknown {
  if (error instanceof AppError || typeof error !== 'object' || error === null) return error;
  const { code, message } = error as SqliteLikeError;
  if (typeof code !== 'string') return error;
  const detail = typeof message === 'string' ? message : code;
  // Another connection holds the write lock (or, rarely, a read lock SQLite needs to get past).
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return new AppError('db.busy', { path: dbPath }, [], { cause: error });
  // A full disk arrives as SQLITE_FULL, or as an I/O error while growing the WAL or its index.
  if (code === 'SQLITE_FULL' || (code.startsWith('SQLITE_IOERR') && dbPath !== '' && isNearlyFull(dbPath))) {
    return diskFullError(dbPath, error);
  }
  if (code === 'SQLITE_NOTADB') return new AppError('db.notADatabase', { path: dbPath }, [], { cause: error });
  if (code.startsWith('SQLITE_CORRUPT')) return new AppError('db.corrupt', { path: dbPath, detail }, [], { cause: error });
  if (code.startsWith('SQLITE_READONLY')) return new AppError('db.readOnly', { path: dbPath }, [], { cause: error });
  if (code === 'SQLITE_CANTOPEN') return new AppError('db.cannotCreate', { path: dbPath, detail }, [], { cause: error });
  // "malformed database schema" arrives as a plain SQLITE_ERROR.
  if (/malformed|database disk image/i.test(detail)) {
    return new AppError('db.corrupt', { path: dbPath, detail }, [], { cause: error });
  }
  return error;
}
