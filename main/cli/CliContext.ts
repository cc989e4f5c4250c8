import type { Command } from 'commander';
import type { Translate } from '../../shared/locales/createTranslator';
import { resolveLibraryPath } from '../db/defaultLibraryPath';
import { openLibrary, type OpenedLibrary } from '../db/openLibrary';
import { LibraryStore } from '../services/LibraryStore';
import { loadStarterLibrary } from '../services/loadStarterLibrary';
import { mapSqliteError } from '../db/sqliteErrors';

export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  env: NodeJS.ProcessEnv;
}

export interface CliContext {
  io: CliIO;
  t: Translate;
  out(line?: string): void;
  json(value: unknown): void;
  /**
   * Opens the library for a command. The per-user default library is created and filled with
   * the starter content on first use, like the desktop app's first run; a path given with
   * --db must exist, unless the command may create it.
   */
  withLibrary<T>(
    command: Command,
    options: { create: boolean; readOnly: boolean },
    run: (store: LibraryStore, library: OpenedLibrary) => T | Promise<T>,
  ): Promise<T>;
}

export function createCliContext(io: CliIO, t: Translate): CliContext {
  return {
    io,
    t,
    out: (line = '') => io.stdout(`${line}\n`),
    json: (value) => io.stdout(`${JSON.stringify(value, null, 2)}\n`),
    async withLibrary(command, options, run) {
      const { db } = command.optsWithGlobals<{ db?: string }>();
      const target = resolveLibraryPath(db, io.env);
      const create = options.create || target.isDefault;
      // BRIEFING_BUSY_TIMEOUT_MS: how long to wait for another program's write (tests shorten it).
      const busy = Number(io.env.BRIEFING_BUSY_TIMEOUT_MS);
      const library = await openLibrary(target.path, {
        create,
        readOnly: options.readOnly && !create,
        busyTimeoutMs: Number.isFinite(busy) && busy >= 0 ? busy : undefined,
      });
      try {
        const store = new LibraryStore(library.db);
        if (target.isDefault && library.created) loadStarterLibrary(store);
        return await run(store, library);
      } catch (error) {
        // Damage can surface on any query, long after opening: name the file it is in.
        throw mapSqliteError(error, target.path);
      } finally {
        library.close();
      }
    },
  };
}
