import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/server';
import { cli, tempDir } from '../helpers/cli';
import { createTranslator } from '../../shared/locales/createTranslator';
import { openLibrary } from '../../main/db/openLibrary';
import { LATEST_SCHEMA_VERSION } from '../../main/db/migrations';
import { LibraryStore } from '../../main/services/LibraryStore';
import { loadStarterLibrary } from '../../main/services/loadStarterLibrary';
import { checkLibrary } from '../../main/services/checkLibrary';
import { createBackup } from '../../main/services/backups/createBackup';
import { listBackups } from '../../main/services/backups/listBackups';
import { startBackupSchedule } from '../../main/services/backups/backupSchedule';
import { serializeLibrary } from '../../main/services/exportLibrary';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const en = createTranslator('en');
const fr = createTranslator('fr');

let app: TestApp;
const store = () => app.ctx.store;
const exported = () => serializeLibrary(store().readDocument());
const setName = async (name: string) => expect((await app.api.invoke('app.setUserName', { name })).ok).toBe(true);
const userName = async () => ((await app.api.invoke('app.info', {})) as { ok: true; value: { userName: string } }).value.userName;

beforeAll(async () => {
  app = await startTestApp();
}, 60_000);

afterAll(async () => {
  await app?.close();
});

describe('backups of the open library', () => {
  it('lists a backup made now with its reason, size and time, beside the library', async () => {
    const made = await app.api.invoke('backups.create', {});
    expect(made.ok).toBe(true);
    const listed = await app.api.invoke('backups.list', {});
    if (!listed.ok || !made.ok) throw new Error('backups failed');
    const value = listed.value as { folder: string; backups: { name: string; reason: string; bytes: number }[] };
    expect(value.folder).toBe(path.join(path.dirname(app.library.path), 'backups'));
    expect(value.backups[0]).toMatchObject({ name: (made.value as { name: string }).name, reason: 'manual' });
    expect(value.backups[0]!.bytes).toBe(fs.statSync(path.join(value.folder, value.backups[0]!.name)).size);
    // A self-contained file: no WAL, so it can be read where it lies.
    const copy = new Database(path.join(value.folder, value.backups[0]!.name), { readonly: true });
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    copy.close();
  });

  it('restores: the open app reads the old library at once, keeps writing, and the restore can be undone', async () => {
    await setName('Before Restore');
    const before = exported();
    const backup = (await app.api.invoke('backups.create', {})) as { ok: true; value: { name: string } };
    await setName('After Backup');
    const after = exported();
    const restored = await app.api.invoke('backups.restore', { name: backup.value.name });
    expect(restored.ok).toBe(true);
    if (!restored.ok) return;
    const undo = (restored.value as { undo: { name: string; reason: string } }).undo;
    expect(undo.reason).toBe('restore');
    expect(await userName()).toBe('Before Restore');
    expect(exported()).toBe(before);
    // The write gate still sees its own file: the next save is not refused, and lands in the file.
    await setName('Written After Restore');
    const reopened = await openLibrary(app.library.path, { create: false, readOnly: true });
    expect(new LibraryStore(reopened.db).settings.get('user.name')).toBe('Written After Restore');
    reopened.close();
    const list = (await app.api.invoke('backups.list', {})) as { ok: true; value: { lastRestore: { undo: { name: string } } | null } };
    expect(list.value.lastRestore?.undo.name).toBe(undo.name);
    // Undo: the library as it was just before the restore.
    expect((await app.api.invoke('backups.restore', { name: undo.name, undo: true })).ok).toBe(true);
    expect(await userName()).toBe('After Backup');
    expect(exported()).toBe(after);
    const afterUndo = (await app.api.invoke('backups.list', {})) as { ok: true; value: { lastRestore: unknown } };
    expect(afterUndo.value.lastRestore).toBeNull();
    expect(checkLibrary(store().db).problems).toEqual([]);
  });

  it('refuses a path or an unknown name from the page', async () => {
    expect(await app.api.invoke('backups.restore', { name: '../library.sqlite' })).toMatchObject({ ok: false, error: { code: 'api.invalidInput' } });
    expect(await app.api.invoke('backups.restore', { name: 'nothing-here.sqlite' })).toMatchObject({
      ok: false,
      error: { code: 'backups.notFound', params: { name: 'nothing-here.sqlite' } },
    });
  });

  it('backs up before a library import and before an XLIFF import (not before a dry run)', async () => {
    const count = (reason: string) => listBackups(app.library.path).filter((b) => b.reason === reason).length;
    const text = exported();
    const importsBefore = count('import');
    expect((await app.api.invoke('library.importFile', { text, fileName: 'l.json', dryRun: true })).ok).toBe(true);
    expect(count('import')).toBe(importsBefore);
    expect((await app.api.invoke('library.importFile', { text, fileName: 'l.json', dryRun: false })).ok).toBe(true);
    expect(count('import')).toBe(importsBefore + 1);
    const xliff = await app.api.invoke('translation.exportXliff', { source: 'en', target: 'fr', ui: true });
    expect(xliff).toMatchObject({ ok: true });
    if (!xliff.ok) return;
    const xliffBefore = count('xliff');
    expect((await app.api.invoke('translation.importXliff', { xml: (xliff.value as { xml: string }).xml, dryRun: false })).ok).toBe(true);
    expect(count('xliff')).toBe(xliffBefore + 1);
  });

  it('the schedule backs up only when something changed since the last one', async () => {
    const scheduled = () => listBackups(app.library.path).filter((b) => b.reason === 'scheduled').length;
    const schedule = startBackupSchedule({ db: () => store().db, libraryPath: app.library.path, intervalMs: 3_600_000 });
    try {
      const start = scheduled();
      await schedule.tick();
      expect(scheduled()).toBe(start);
      await setName('Scheduled Change');
      await schedule.tick();
      expect(scheduled()).toBe(start + 1);
      await schedule.tick();
      expect(scheduled()).toBe(start + 1);
    } finally {
      schedule.stop();
    }
  });
});

describe('restoring a bad backup: refused with its name, nothing changed, nothing backed up', () => {
  const folder = () => path.join(path.dirname(app.library.path), 'backups');

  async function refused(file: string, code: string) {
    const before = exported();
    const backupsBefore = listBackups(app.library.path).map((b) => b.name);
    const result = await app.api.invoke('backups.restore', { name: path.basename(file) });
    expect(result).toMatchObject({ ok: false, error: { code, params: { file: path.basename(file) } } });
    if (result.ok) return;
    for (const t of [en, fr]) {
      const message = t(`errors:${code}`, result.error.params);
      expect(message).toContain(path.basename(file));
      expect(message).not.toContain('{{');
    }
    expect(exported()).toBe(before);
    expect(checkLibrary(store().db).problems).toEqual([]);
    // No "before a restore" backup for a restore that never happened; the bad file is left as it was.
    expect(listBackups(app.library.path).map((b) => b.name)).toEqual(backupsBefore);
    expect(fs.existsSync(file)).toBe(true);
  }

  async function goodCopy(target: string): Promise<string> {
    const made = await createBackup(store().db, app.library.path, 'manual');
    // Named as one of today's, so the retention keeps it.
    fs.renameSync(made.path, target);
    return target;
  }

  it('a damaged backup', async () => {
    const file = await goodCopy(path.join(folder(), `library-manual-${new Date().toISOString().slice(0, 10)}T00-00-00-001Z.sqlite`));
    const bytes = fs.readFileSync(file);
    // Pages 3 to 8 overwritten: the header still says SQLite, the b-trees are garbage.
    for (let i = 4096 * 2; i < 4096 * 8; i++) bytes[i] = (i * 7919) % 251;
    fs.writeFileSync(file, bytes);
    await refused(file, 'backups.corrupt');
  });

  it('a backup from a newer schema', async () => {
    const file = await goodCopy(path.join(folder(), `library-manual-${new Date().toISOString().slice(0, 10)}T00-00-00-002Z.sqlite`));
    const db = new Database(file);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    db.close();
    await refused(file, 'backups.newerSchema');
  });

  it('a file that is not a database, and another program’s SQLite database', async () => {
    const day = new Date().toISOString().slice(0, 10);
    const text = path.join(folder(), `library-manual-${day}T00-00-00-003Z.sqlite`);
    fs.writeFileSync(text, 'These are my notes, not a library.\n'.repeat(200));
    await refused(text, 'backups.notALibrary');
    const other = path.join(folder(), `library-manual-${day}T00-00-00-004Z.sqlite`);
    const db = new Database(other);
    db.exec('CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES (\'soup\')');
    db.pragma('user_version = 3');
    db.close();
    await refused(other, 'backups.notALibrary');
  });

});

describe('kill -9 during a restore', () => {
  /** A starter library with a large setting, so the copy takes many steps; and a backup of it. */
  async function libraryWithBackup(dir: string) {
    const file = path.join(dir, 'library.sqlite');
    const opened = await openLibrary(file, { create: true });
    const s = new LibraryStore(opened.db);
    loadStarterLibrary(s);
    s.write(() => s.settings.set('userName', `Old ${'x'.repeat(4_000_000)}`));
    const backup = await createBackup(opened.db, file, 'manual');
    s.write(() => s.settings.set('userName', 'New'));
    const current = serializeLibrary(s.readDocument());
    opened.close();
    return { file, backup: backup.path, current };
  }

  function restoreInChild(file: string, backup: string, step: number): Promise<'killed' | 'done'> {
    const child = spawn(process.execPath, ['main/bin/run-ts.mjs', 'tests/helpers/restoreChild.ts', file, backup, String(step)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    return new Promise((resolve, reject) => {
      child.once('error', reject);
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('step')) child.kill('SIGKILL');
      });
      child.once('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve('killed') : out.includes('done') ? resolve('done') : reject(new Error(out))));
    });
  }

  it.each([
    ['as the copy begins', 1],
    ['mid-copy', 3],
  ])('killed %s: the library passes briefing check and is the old one', async (_when, step) => {
    const dir = tempDir();
    const { file, backup, current } = await libraryWithBackup(dir);
    expect(await restoreInChild(file, backup, step)).toBe('killed');
    // The library as it was had already been backed up, complete, for the undo.
    expect(listBackups(file).map((b) => b.reason)).toContain('restore');
    const check = await cli(['check', '--db', file]);
    expect(check.code).toBe(0);
    const opened = await openLibrary(file, { create: false });
    const s = new LibraryStore(opened.db);
    expect(s.settings.get('userName')).toBe('New');
    expect(serializeLibrary(s.readDocument())).toBe(current);
    opened.close();
  }, 60_000);

  it('killed at any moment: the library passes briefing check and is the old one or the new one', async () => {
    for (const delayMs of [0, 40, 120, 250]) {
      const dir = tempDir();
      const { file, backup, current } = await libraryWithBackup(dir);
      const child = spawn(process.execPath, ['main/bin/run-ts.mjs', 'tests/helpers/restoreChild.ts', file, backup, '-1'], {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      await new Promise<void>((resolve) => {
        child.stdout.on('data', (chunk: Buffer) => {
          if (chunk.toString().includes('started')) setTimeout(() => child.kill('SIGKILL'), delayMs);
        });
        child.once('exit', () => resolve());
      });
      expect((await cli(['check', '--db', file])).code).toBe(0);
      const opened = await openLibrary(file, { create: false });
      const s = new LibraryStore(opened.db);
      const name = s.settings.get('userName');
      if (name === 'New') expect(serializeLibrary(s.readDocument())).toBe(current);
      else expect(name).toMatch(/^Old x{4000000}$/);
      opened.close();
    }
  }, 120_000);

  it('not killed: the library is the backup, and passes briefing check', async () => {
    const dir = tempDir();
    const { file, backup } = await libraryWithBackup(dir);
    expect(await restoreInChild(file, backup, -1)).toBe('done');
    expect((await cli(['check', '--db', file])).code).toBe(0);
    const opened = await openLibrary(file, { create: false });
    expect(new LibraryStore(opened.db).settings.get('userName')).toMatch(/^Old x/);
    opened.close();
  }, 60_000);
});

describe('briefing backup and briefing check', () => {
  it('lists, creates and restores from the command line; check names the last good backup and an unusable one', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'library.sqlite');
    expect((await cli(['init', '--db', db])).code).toBe(0);
    expect((await cli(['backup', 'list', '--db', db])).stdout).toContain(en('cli:backup.none', { folder: path.join(dir, 'backups') }));
    // No backups yet: check says nothing of them.
    const none = await cli(['check', '--db', db]);
    expect(none.stdout).toBe(`${en('cli:check.ok', { path: db, version: LATEST_SCHEMA_VERSION })}\n`);
    // Only an unusable one: check says there is no good backup, and why that one is not.
    fs.mkdirSync(path.join(dir, 'backups'));
    const junk = path.join(dir, 'backups', 'library-manual-2026-01-01T00-00-00-000Z.sqlite');
    fs.writeFileSync(junk, 'junk');
    const onlyBad = await cli(['check', '--db', db]);
    expect(onlyBad.stdout).toContain(en('cli:check.noBackup'));
    expect(onlyBad.stdout).toContain(en('errors:backups.notALibrary', { file: path.basename(junk) }));
    fs.rmSync(junk);
    const created = await cli(['backup', 'create', '--db', db, '--json']);
    expect(created.code).toBe(0);
    const made = JSON.parse(created.stdout) as { name: string; reason: string };
    expect(made.reason).toBe('manual');
    const listed = await cli(['backup', 'list', '--db', db]);
    expect(listed.stdout).toContain(made.name);
    expect(listed.stdout).toContain(en('cli:backup.reasons.manual'));
    const check = await cli(['check', '--db', db]);
    expect(check.code).toBe(0);
    expect(check.stdout).toContain(en('cli:check.lastBackup', { name: made.name, when: made.name.match(/(\d{4}-[\d-]+T[\d-]+Z)/)![1]!.replace(/T(\d\d)-(\d\d)-(\d\d)-(\d{3})Z/, 'T$1:$2:$3.$4Z') }));
    // A newer file that is damaged: check says so, and still names the good one.
    const bad = path.join(dir, 'backups', `library-scheduled-${new Date(Date.now() + 1000).toISOString().replace(/[:.]/g, '-')}.sqlite`);
    fs.writeFileSync(bad, 'not a database');
    const checked = await cli(['check', '--db', db, '--json']);
    const report = JSON.parse(checked.stdout) as { lastGoodBackup: { name: string }; unusableBackups: { name: string; code: string }[] };
    expect(report.lastGoodBackup.name).toBe(made.name);
    expect(report.unusableBackups).toEqual([{ name: path.basename(bad), code: 'backups.notALibrary' }]);
    fs.rmSync(bad);
    // Restore by name (without .sqlite), in French.
    expect((await cli(['packs', 'create', '--db', db, '--slug', 'later', '--title', 'Later'])).code).toBe(0);
    const restored = await cli(['backup', 'restore', made.name.replace(/\.sqlite$/, ''), '--db', db], { BRIEFING_LOCALE: 'fr' });
    expect(restored.code).toBe(0);
    expect(restored.stdout).toContain('briefing backup restore');
    expect((await cli(['packs', 'list', '--db', db])).stdout).not.toContain('later');
    const itself = await cli(['backup', 'restore', db, '--db', db]);
    expect(itself.code).toBe(1);
    expect(itself.stderr).toContain(en('errors:backups.isTheLibrary', { file: db }));
    const missing = await cli(['backup', 'restore', 'no-such-backup', '--db', db]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(en('errors:backups.notFound', { name: 'no-such-backup', folder: path.join(dir, 'backups') }));
  });
});

describe('restoring over a library that will not open', () => {
  it('puts the backup in place of a damaged library and keeps the damaged file', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'library.sqlite');
    expect((await cli(['init', '--db', db])).code).toBe(0);
    const made = JSON.parse((await cli(['backup', 'create', '--db', db, '--json'])).stdout) as { name: string };
    const bytes = fs.readFileSync(db);
    // The schema page overwritten: SQLite says "malformed" on the first query.
    for (let i = 100; i < 4096; i++) bytes[i] = (i * 31) % 256;
    fs.writeFileSync(db, bytes);
    const damaged = Buffer.from(bytes);
    expect((await cli(['check', '--db', db])).code).toBe(1);
    const restored = await cli(['backup', 'restore', made.name, '--db', db]);
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    expect((await cli(['check', '--db', db])).code).toBe(0);
    const kept = fs.readdirSync(path.join(dir, 'backups')).find((n) => n.includes('-damaged-'));
    expect(kept).toBeDefined();
    expect(fs.readFileSync(path.join(dir, 'backups', kept!)).equals(damaged)).toBe(true);
  });

  it('puts a backup back where the library was deleted', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'library.sqlite');
    expect((await cli(['init', '--db', db])).code).toBe(0);
    const made = JSON.parse((await cli(['backup', 'create', '--db', db, '--json'])).stdout) as { name: string };
    fs.rmSync(db);
    expect((await cli(['backup', 'restore', made.name, '--db', db])).code).toBe(0);
    expect((await cli(['check', '--db', db])).code).toBe(0);
  });
});

describe('a restore by another program while the app is open', () => {
  it('the open app reads the restored library and keeps saving to it', async () => {
    await setName('Before CLI Backup');
    const made = JSON.parse((await cli(['backup', 'create', '--db', app.library.path, '--json'])).stdout) as { name: string };
    await setName('After CLI Backup');
    expect((await cli(['backup', 'restore', made.name, '--db', app.library.path])).code).toBe(0);
    expect(await userName()).toBe('Before CLI Backup');
    await setName('Saved After CLI Restore');
    expect(await userName()).toBe('Saved After CLI Restore');
  });
});

describe('briefing check on a library too damaged to open', () => {
  it('says it is damaged and names the last good backup', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'library.sqlite');
    expect((await cli(['init', '--db', db])).code).toBe(0);
    const made = JSON.parse((await cli(['backup', 'create', '--db', db, '--json'])).stdout) as { name: string };
    const bytes = fs.readFileSync(db);
    for (let i = 100; i < 4096; i++) bytes[i] = (i * 31) % 256;
    fs.writeFileSync(db, bytes);
    const check = await cli(['check', '--db', db]);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain(db);
    expect(check.stdout).toContain(made.name);
  });
});

describe('retention after each backup, and the command line imports', () => {
  it('prunes the folder by the rule after each backup: five of today stay', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'library.sqlite');
    const opened = await openLibrary(file, { create: true });
    const day = Date.parse('2026-05-04T08:00:00.000Z');
    const names: string[] = [];
    for (let i = 0; i < 7; i++) {
      names.push((await createBackup(opened.db, file, 'scheduled', { now: new Date(day + i * 60_000) })).name);
    }
    opened.close();
    expect(listBackups(file).map((b) => b.name)).toEqual(names.slice(2).reverse());
    // Another library's backups in the same folder are neither listed nor pruned.
    const other = path.join(dir, 'backups', 'other-scheduled-2020-01-01T00-00-00-000Z.sqlite');
    fs.writeFileSync(other, 'x');
    const again = await openLibrary(file, { create: false });
    await createBackup(again.db, file, 'manual', { now: new Date(day + 10 * 60_000) });
    again.close();
    expect(fs.existsSync(other)).toBe(true);
    expect(listBackups(file)).toHaveLength(5);
  });

  it('briefing import and briefing xliff import back up first; a dry run does not', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'library.sqlite');
    expect((await cli(['init', '--db', db])).code).toBe(0);
    const json = path.join(dir, 'library.json');
    expect((await cli(['export', '--db', db, '--out', json])).code).toBe(0);
    expect((await cli(['import', json, '--db', db, '--dry-run'])).code).toBe(0);
    expect(listBackups(db)).toHaveLength(0);
    expect((await cli(['import', json, '--db', db])).code).toBe(0);
    expect(listBackups(db).map((b) => b.reason)).toEqual(['import']);
    const xlf = path.join(dir, 'ui.xlf');
    expect((await cli(['xliff', 'export', '--db', db, '--lang', 'fr', '--ui', '--out', xlf])).code).toBe(0);
    expect((await cli(['xliff', 'import', xlf, '--db', db])).code).toBe(0);
    expect(listBackups(db).map((b) => b.reason)).toEqual(['xliff', 'import']);
  });
});
