import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { MessageBoxOptions } from 'electron';
import { afterAll, describe, expect, it } from 'vitest';
import { openLibrary, type OpenedLibrary } from '../../main/db/openLibrary';
import { LATEST_SCHEMA_VERSION } from '../../main/db/migrations';
import { libraryOpenDialog, openFailureKind, openLibraryOrAsk, type StartAction } from '../../main/electron/libraryOpenFailure';
import { AppError } from '../../shared/errors/AppError';
import { createTranslator } from '../../shared/locales/createTranslator';
import { tempDir } from '../helpers/cli';

/**
 * The desktop start when the library cannot be opened: real broken files opened by the real
 * openLibrary, and Electron's dialog replaced by one that records what it was shown and
 * answers with a chosen button.
 */
const en = createTranslator('en');
const fr = createTranslator('fr');
const opened: OpenedLibrary[] = [];
afterAll(() => {
  for (const library of opened) library.close();
});

const open = async (file: string) => {
  const library = await openLibrary(file, { create: true });
  opened.push(library);
  return library;
};

async function failureOf(file: string): Promise<unknown> {
  try {
    (await open(file)).close();
  } catch (error) {
    return error;
  }
  throw new Error(`${file} opened`);
}

/** A folder with a space and an accent, like a real user's profile. */
const dir = () => {
  const d = path.join(tempDir('briefing-start-'), 'Ana Pérez');
  fs.mkdirSync(d);
  return d;
};

const files = {
  text(): string {
    const file = path.join(dir(), 'library.sqlite');
    fs.writeFileSync(file, 'these are my notes, not a database');
    return file;
  },
  foreign(): string {
    const file = path.join(dir(), 'library.sqlite');
    const db = new Database(file);
    db.exec('CREATE TABLE accounts (id INTEGER PRIMARY KEY, name TEXT)');
    db.close();
    return file;
  },
  async newer(): Promise<string> {
    const file = path.join(dir(), 'library.sqlite');
    (await openLibrary(file, { create: true })).close();
    const db = new Database(file);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    db.close();
    return file;
  },
  async readOnly(): Promise<string> {
    const file = path.join(dir(), 'library.sqlite');
    (await openLibrary(file, { create: true })).close();
    fs.chmodSync(file, 0o444);
    return file;
  },
  underAFile(): string {
    const blocker = path.join(dir(), 'not-a-folder');
    fs.writeFileSync(blocker, '');
    return path.join(blocker, 'library.sqlite');
  },
};

/** A dialog that answers each box with the button of the next action, and keeps what it showed. */
function scriptedDialog(answers: StartAction[]) {
  const shown: (MessageBoxOptions & { chosen?: StartAction })[] = [];
  let next = 0;
  return {
    shown,
    dialog: {
      async showMessageBox(options: MessageBoxOptions) {
        shown.push(options);
        if (options.type === 'info') return { response: 0 };
        const wanted = answers[next++];
        const dialog = shown[shown.length - 1]!;
        const labels = options.buttons ?? [];
        const index = labels.indexOf(en(`common:desktopStart.action.${wanted}`));
        if (index < 0) throw new Error(`no "${wanted}" button in: ${labels.join(', ')}`);
        dialog.chosen = wanted;
        return { response: index };
      },
    },
  };
}

describe('which case a failed open is', () => {
  it('names each real failure of openLibrary', async () => {
    expect(openFailureKind(await failureOf(files.text()))).toBe('notLibrary');
    expect(openFailureKind(await failureOf(files.foreign()))).toBe('notLibrary');
    expect(openFailureKind(await failureOf(await files.newer()))).toBe('newer');
    expect(openFailureKind(await failureOf(await files.readOnly()))).toBe('readOnly');
    expect(openFailureKind(await failureOf(files.underAFile()))).toBe('cannotCreate');
  });

  it('names a lock however it arrives, and damage', () => {
    expect(openFailureKind(Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' }))).toBe('locked');
    expect(openFailureKind(Object.assign(new Error('database table is locked'), { code: 'SQLITE_LOCKED' }))).toBe('locked');
    expect(openFailureKind(new AppError('db.busy', { path: 'x' }))).toBe('locked');
    expect(openFailureKind(new AppError('db.corrupt', { path: 'x', detail: 'database disk image is malformed' }))).toBe('damaged');
    expect(openFailureKind(new Error('something else'))).toBe('other');
  });
});

describe('the dialog for each case', () => {
  it('says the case and the path in the interface language, with only the actions that help', async () => {
    const newer = await files.newer();
    const dialog = libraryOpenDialog(await failureOf(newer), newer, fr);
    expect(dialog.message).toBe(`La bibliothèque ${newer} a été enregistrée par une version plus récente de Briefing Pack Builder.`);
    expect(dialog.detail).toContain(`schéma ${LATEST_SCHEMA_VERSION + 5}`);
    expect(dialog.actions).toEqual(['showFile', 'quit']);
    expect(dialog.buttons).toEqual(['Afficher le fichier', 'Quitter']);
    expect(dialog.cancelId).toBe(1);

    const locked = libraryOpenDialog(Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' }), '/x/library.sqlite', en);
    expect(locked.message).toBe('Another program is using the library /x/library.sqlite.');
    expect(locked.actions).toEqual(['retry', 'quit']);
    expect(locked.type).toBe('warning');

    const foreign = files.foreign();
    const notLibrary = libraryOpenDialog(await failureOf(foreign), foreign, en);
    expect(notLibrary.message).toBe(`The file ${foreign} is not a Briefing Pack Builder library.`);
    expect(notLibrary.actions).toEqual(['setAside', 'showFile', 'quit']);

    const readOnly = await files.readOnly();
    expect(libraryOpenDialog(await failureOf(readOnly), readOnly, en).actions).toEqual(['retry', 'showFile', 'quit']);
  });

  it('never shows "Unexpected error", and cuts a long detail', () => {
    const dialog = libraryOpenDialog(new Error(`disk trouble ${'x'.repeat(5000)}`), '/x/library.sqlite', en);
    expect(dialog.message).toBe('The library /x/library.sqlite could not be opened.');
    expect(dialog.detail.length).toBeLessThanOrEqual(300);
    expect(`${dialog.message} ${dialog.detail}`).not.toMatch(/unexpected/i);
  });
});

describe('the start: open, or ask and act', () => {
  it('sets a file that is not a library aside, starts a new library, and says where the old file is', async () => {
    const file = files.text();
    const { dialog, shown } = scriptedDialog(['setAside']);
    const library = await openLibraryOrAsk(file, { open, dialog, showFile: () => undefined, t: en });
    expect(library?.created).toBe(true);
    const kept = fs.readdirSync(path.dirname(file)).filter((f) => f.startsWith('library-set-aside-'));
    expect(kept).toHaveLength(1);
    expect(fs.readFileSync(path.join(path.dirname(file), kept[0]!), 'utf8')).toBe('these are my notes, not a database');
    expect(shown.map((s) => s.type)).toEqual(['error', 'info']);
    expect(shown[1]!.message).toContain(kept[0]);
  });

  it('quits on a newer library without touching it', async () => {
    const file = await files.newer();
    const before = fs.readFileSync(file);
    const revealed: string[] = [];
    const { dialog, shown } = scriptedDialog(['showFile', 'quit']);
    const library = await openLibraryOrAsk(file, { open, dialog, showFile: (f) => revealed.push(f), t: en });
    expect(library).toBeNull();
    expect(revealed).toEqual([file]);
    expect(shown).toHaveLength(2);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['library.sqlite']);
  });

  it('tries again after a lock, and opens once the other program let go', async () => {
    const file = path.join(dir(), 'library.sqlite');
    let attempts = 0;
    const { dialog, shown } = scriptedDialog(['retry']);
    const library = await openLibraryOrAsk(file, {
      open: async (f) => {
        if (attempts++ === 0) throw Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
        return open(f);
      },
      dialog,
      showFile: () => undefined,
      t: en,
    });
    expect(attempts).toBe(2);
    expect(library?.path).toBe(file);
    expect(shown).toHaveLength(1);
  });

  it('says so when the file cannot be set aside, rather than opening it again', async () => {
    const file = files.foreign();
    const { dialog, shown } = scriptedDialog(['setAside', 'retry', 'quit']);
    const setAside = () => {
      throw Object.assign(new Error('EBUSY: resource busy or locked, rename'), { code: 'EBUSY' });
    };
    let opens = 0;
    const library = await openLibraryOrAsk(file, {
      open: (f) => {
        opens++;
        return open(f);
      },
      dialog,
      showFile: () => undefined,
      setAside,
      t: en,
    });
    expect(library).toBeNull();
    expect(shown[1]!.message).toBe(`Another program is using the library ${file}.`);
    expect(opens).toBe(2); // the first open, and the retry the user chose after the failed set-aside
  });
});

describe('a damaged library with a backup', () => {
  it('offers the last good backup, restores it, opens it, and says where the damaged file is', async () => {
    const { lastGoodBackup } = await import('../../main/services/backups/lastGoodBackup');
    const { replaceDamagedLibrary } = await import('../../main/services/backups/replaceDamagedLibrary');
    const { createBackup } = await import('../../main/services/backups/createBackup');
    const file = path.join(dir(), 'library.sqlite');
    const library = await openLibrary(file, { create: true });
    library.db.prepare("INSERT INTO settings (key, value) VALUES ('user.name', 'Ana')").run();
    const backup = await createBackup(library.db, file, 'manual');
    library.close();
    const bytes = fs.readFileSync(file);
    for (let i = 100; i < 4096; i++) bytes[i] = (i * 31) % 256;
    fs.writeFileSync(file, bytes);
    const deps = {
      lastBackup: async (f: string) => (await lastGoodBackup(f)).good?.name ?? null,
      restoreBackup: (f: string, b: string) => replaceDamagedLibrary(f, b),
    };
    const { dialog, shown } = scriptedDialog(['restoreBackup']);
    const reopened = await openLibraryOrAsk(file, { open, dialog, showFile: () => undefined, t: en, ...deps });
    expect(reopened?.db.prepare("SELECT value FROM settings WHERE key = 'user.name'").pluck().get()).toBe('Ana');
    expect(shown.map((s) => s.type)).toEqual(['error', 'info']);
    expect(shown[0]!.buttons?.[0]).toBe(en('common:desktopStart.action.restoreBackup'));
    expect(shown[1]!.message).toContain(backup.name);
    expect(shown[1]!.message).toContain('-damaged-');
  });

  it('offers no restore when there is no backup', async () => {
    const file = path.join(dir(), 'library.sqlite');
    (await openLibrary(file, { create: true })).close();
    const bytes = fs.readFileSync(file);
    for (let i = 100; i < 4096; i++) bytes[i] = (i * 31) % 256;
    fs.writeFileSync(file, bytes);
    const { lastGoodBackup } = await import('../../main/services/backups/lastGoodBackup');
    const { dialog, shown } = scriptedDialog(['quit']);
    const result = await openLibraryOrAsk(file, {
      open,
      dialog,
      showFile: () => undefined,
      t: en,
      lastBackup: async (f) => (await lastGoodBackup(f)).good?.name ?? null,
      restoreBackup: async () => ({ damagedCopy: null }),
    });
    expect(result).toBeNull();
    expect(shown[0]!.buttons).not.toContain(en('common:desktopStart.action.restoreBackup'));
  });
});
