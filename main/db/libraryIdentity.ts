import fs from 'node:fs';
import type { Database } from 'better-sqlite3';
import { AppError } from '../../shared/errors/AppError';

/**
 * Which file an open connection writes to: its path and the device and inode it had when opened.
 * SQLite keeps writing to a file deleted or replaced under it (by a sync tool, a restore, a user
 * in the file manager) and every save "succeeds" into a file no one will open again.
 */
export class LibraryIdentity {
  private constructor(
    readonly path: string,
    private readonly dev: number,
    private readonly ino: number,
  ) {}

  /** The identity of the file `db` opened, or null for an in-memory or temporary database. */
  static of(db: Database): LibraryIdentity | null {
    const file = db.name;
    if (!file || file === ':memory:' || db.memory) return null;
    const stat = fs.statSync(file);
    return new LibraryIdentity(file, stat.dev, stat.ino);
  }

  /** Throws db.libraryGone or db.libraryReplaced when the path no longer holds the file opened. */
  check(): void {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(this.path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') throw new AppError('db.libraryGone', { path: this.path }, [], { cause: error });
      throw new AppError('db.libraryUnreachable', { path: this.path, detail: code ?? String(error) }, [], { cause: error });
    }
    if (stat.dev !== this.dev || stat.ino !== this.ino) throw new AppError('db.libraryReplaced', { path: this.path });
  }
}
