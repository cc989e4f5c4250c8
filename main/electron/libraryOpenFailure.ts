import fs from 'node:fs';
import path from 'node:path';
import type { MessageBoxOptions } from 'electron';
import { isAppError } from '../../shared/errors/AppError';
import type { Translate } from '../../shared/locales/createTranslator';

/** What the user can do when the library will not open at start. */
export type StartAction = 'retry' | 'restoreBackup' | 'setAside' | 'showFile' | 'quit';

export type OpenFailureKind = 'notLibrary' | 'newer' | 'readOnly' | 'locked' | 'damaged' | 'cannotCreate' | 'other';

/** Each case offers only what can help: a newer library is never set aside, a lock is retried. */
const ACTIONS: Record<OpenFailureKind, StartAction[]> = {
  notLibrary: ['setAside', 'showFile', 'quit'],
  newer: ['showFile', 'quit'],
  readOnly: ['retry', 'showFile', 'quit'],
  locked: ['retry', 'quit'],
  damaged: ['restoreBackup', 'setAside', 'showFile', 'quit'],
  cannotCreate: ['retry', 'quit'],
  other: ['retry', 'quit'],
};

const DETAIL_MAX = 300;

function codeOf(error: unknown): string {
  if (isAppError(error)) return error.code;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

export function openFailureKind(error: unknown): OpenFailureKind {
  const code = codeOf(error);
  if (code === 'db.notADatabase' || code === 'db.isFolder' || code === 'db.foreign' || code === 'SQLITE_NOTADB') return 'notLibrary';
  if (code === 'db.newerSchema') return 'newer';
  if (code === 'db.readOnly' || code.startsWith('SQLITE_READONLY') || code === 'EACCES' || code === 'EPERM') return 'readOnly';
  // better-sqlite3's SQLITE_BUSY / SQLITE_LOCKED, or the library's own "busy" message for them.
  if (/busy|locked/i.test(code)) return 'locked';
  if (code === 'db.corrupt' || code.startsWith('SQLITE_CORRUPT')) return 'damaged';
  if (code === 'db.cannotCreate' || code === 'db.notFound' || code === 'SQLITE_CANTOPEN' || code === 'db.backupFailed') return 'cannotCreate';
  return 'other';
}

/** The error's own words, translated when it is ours, cut so a dialog stays readable. */
function describe(error: unknown, t: Translate): string {
  let text: string;
  if (isAppError(error)) text = String(error.params.detail ?? t(`errors:${error.code}`, error.params));
  else text = (error as Error | null)?.message ?? String(error);
  return text.length > DETAIL_MAX ? `${text.slice(0, DETAIL_MAX - 1)}…` : text;
}

export interface StartDialog extends MessageBoxOptions {
  message: string;
  detail: string;
  buttons: string[];
  /** The action behind each button, in the same order. */
  actions: StartAction[];
}

/** The dialog for a library that will not open: the case in words, the path, the way out. */
export function libraryOpenDialog(error: unknown, libraryPath: string, t: Translate, lastBackup: string | null = null): StartDialog {
  const kind = openFailureKind(error);
  const params = isAppError(error) ? error.params : {};
  const values = { ...params, path: libraryPath, detail: describe(error, t) };
  // A restore is offered only when a backup that would restore exists.
  const actions = ACTIONS[kind].filter((a) => a !== 'restoreBackup' || lastBackup !== null);
  return {
    type: kind === 'locked' ? 'warning' : 'error',
    title: t('common:desktopStart.title'),
    message: t(`common:desktopStart.${kind}.message`, values),
    detail: t(`common:desktopStart.${kind}.detail`, values),
    buttons: actions.map((action) => t(`common:desktopStart.action.${action}`)),
    actions,
    defaultId: 0,
    cancelId: actions.indexOf('quit'),
    noLink: true,
  };
}

export interface StartDeps<T> {
  open(file: string): Promise<T>;
  /** Electron's dialog (or a test's), injected so this runs in plain Node. */
  dialog: { showMessageBox(options: MessageBoxOptions): Promise<{ response: number }> };
  showFile(file: string): void;
  setAside?(file: string): string;
  /** The newest backup that would restore, by name (null: none). */
  lastBackup?(file: string): Promise<string | null>;
  /** Puts that backup in place of the library that will not open; where the damaged file is kept. */
  restoreBackup?(file: string, backup: string): Promise<{ damagedCopy: string | null }>;
  t: Translate;
}

/**
 * Opens the library, and while that fails, says why and does what the user chooses: try
 * again, set the file aside (renamed, never deleted) and start a new one, show it, or quit
 * (null). After a set-aside the new library opens and the user is told where the old file is.
 */
export async function openLibraryOrAsk<T>(libraryPath: string, deps: StartDeps<T>): Promise<T | null> {
  const setAside = deps.setAside ?? setLibraryAside;
  let keptAs: string | null = null;
  let restored: { backup: string; damagedCopy: string | null } | null = null;
  let failure: unknown = null;
  for (;;) {
    if (failure === null) {
      try {
        const opened = await deps.open(libraryPath);
        if (restored) {
          await deps.dialog.showMessageBox({
            type: 'info',
            title: deps.t('common:desktopStart.title'),
            message: deps.t('common:desktopStart.restoreDone', { backup: restored.backup, file: restored.damagedCopy ?? '—' }),
            buttons: [deps.t('common:desktopStart.action.ok')],
            noLink: true,
          });
        } else if (keptAs) {
          await deps.dialog.showMessageBox({
            type: 'info',
            title: deps.t('common:desktopStart.title'),
            message: deps.t('common:desktopStart.setAsideDone', { file: keptAs }),
            buttons: [deps.t('common:desktopStart.action.ok')],
            noLink: true,
          });
        }
        return opened;
      } catch (error) {
        failure = error;
      }
    }
    let action: StartAction;
    const lastBackup = deps.restoreBackup && deps.lastBackup && openFailureKind(failure) === 'damaged' ? await deps.lastBackup(libraryPath) : null;
    do {
      const { actions, ...options } = libraryOpenDialog(failure, libraryPath, deps.t, lastBackup);
      const { response } = await deps.dialog.showMessageBox(options);
      action = actions[response] ?? 'quit';
      if (action === 'showFile') deps.showFile(libraryPath);
    } while (action === 'showFile');
    if (action === 'quit') return null;
    failure = null;
    if (action === 'restoreBackup' && lastBackup && deps.restoreBackup) {
      try {
        restored = { backup: lastBackup, ...(await deps.restoreBackup(libraryPath, lastBackup)) };
      } catch (error) {
        failure = error;
      }
    }
    if (action === 'setAside') {
      try {
        keptAs = setAside(libraryPath);
      } catch (error) {
        // The file could not be moved: say so (as what it is) rather than open it again.
        failure = error;
      }
    }
  }
}

/** Renames the file (and SQLite's -wal and -shm beside it) out of the way; returns its new name. */
export function setLibraryAside(file: string, now = new Date()): string {
  const ext = path.extname(file);
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const target = path.join(path.dirname(file), `${path.basename(file, ext)}-set-aside-${stamp}${ext}`);
  fs.renameSync(file, target);
  for (const suffix of ['-wal', '-shm']) {
    if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, target + suffix);
  }
  return target;
}
