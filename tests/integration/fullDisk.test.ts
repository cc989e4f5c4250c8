import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../shared/errors/AppError';
import { sweepBuildLeftovers, writeOutputs } from '../../main/pdf/writeOutputs';
import { writeFileAtomic } from '../../main/services/writeFileAtomic';
import { cli, tempDir } from '../helpers/cli';
import { sha256File, StarterTemplate, writeJson } from '../helpers/library';
import { smallDocument } from '../helpers/documents';
import { mountSmallDisk } from '../helpers/smallDisk';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const starter = new StarterTemplate();
const PACK = 'panama-2025';

afterEach(() => vi.restoreAllMocks());

function noSpace(): never {
  throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
}

describe('a full disk, injected (ENOSPC)', () => {
  it('a multi-edition write names the file it could not write and leaves nothing behind', () => {
    const dir = tempDir();
    const files = ['a-en.pdf', 'a-fr.pdf', 'a-es.pdf'].map((name) => ({ file: path.join(dir, name), bytes: new Uint8Array(10) }));
    const real = fs.writeFileSync;
    let calls = 0;
    vi.spyOn(fs, 'writeFileSync').mockImplementation((...args: Parameters<typeof fs.writeFileSync>) => {
      if (++calls === 2) noSpace();
      return real(...args);
    });
    let caught: unknown;
    try {
      writeOutputs(files, false);
    } catch (error) {
      caught = error;
    }
    // The second edition is the one that did not fit, and it is the one named.
    expect(caught).toBeInstanceOf(AppError);
    expect(caught).toMatchObject({ code: 'disk.full', params: { file: files[1]!.file, folder: dir } });
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('an export names the disk as full', () => {
    const file = path.join(tempDir(), 'out.json');
    vi.spyOn(fs, 'writeFileSync').mockImplementation(noSpace);
    expect(() => writeFileAtomic(file, 'x', { force: false })).toThrow(
      expect.objectContaining({ code: 'disk.full', params: { file, folder: path.dirname(file) } }),
    );
    vi.restoreAllMocks();
    expect(fs.readdirSync(path.dirname(file))).toEqual([]);
  });
});

describe('leftovers of killed builds', () => {
  async function deadPid(): Promise<number> {
    const child = spawn(process.execPath, ['-e', '0']);
    await new Promise((resolve) => child.once('exit', resolve));
    return child.pid!;
  }

  it('temporary files of a dead build are removed; a committed build is finished; a live one is left alone', async () => {
    const dir = tempDir();
    const dead = await deadPid();
    fs.writeFileSync(path.join(dir, `.p-en.pdf.${dead}.tmp`), 'half');
    fs.writeFileSync(path.join(dir, `.p-fr.pdf.${process.pid}.tmp`), 'mine, being written');
    expect(sweepBuildLeftovers(dir)).toEqual({ finished: 0, removed: 1 });
    expect(fs.readdirSync(dir)).toEqual([`.p-fr.pdf.${process.pid}.tmp`]);

    const other = tempDir();
    const renames = ['q-en.pdf', 'q-fr.pdf', 'q-es.pdf'].map((name) => ({ temp: path.join(other, `.${name}.${dead}.tmp`), file: path.join(other, name) }));
    fs.writeFileSync(renames[0]!.file, 'already renamed');
    for (const r of renames.slice(1)) fs.writeFileSync(r.temp, r.file);
    fs.writeFileSync(path.join(other, `.briefing-build.${dead}.json`), JSON.stringify({ renames }));
    expect(sweepBuildLeftovers(other)).toEqual({ finished: 2, removed: 0 });
    expect(fs.readdirSync(other).sort()).toEqual(['q-en.pdf', 'q-es.pdf', 'q-fr.pdf']);
  });
});

describe('kill -9 during a --lang all build', () => {
  it('the target holds all three editions or none, once the next build has swept it', async () => {
    const db = await starter.copy();
    for (const moment of ['first temporary file', 'journal'] as const) {
      const out = tempDir('briefing-kill-');
      const child = spawn(process.execPath, [path.join(ROOT, 'main/bin/briefing.mjs'), 'build', '--pack', PACK, '--lang', 'all', '--out', out, '--db', db], {
        env: { ...process.env, BRIEFING_LOCALE: 'en' },
        stdio: 'ignore',
      });
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      let killedAt: string[] | null = null;
      while (killedAt === null && child.exitCode === null) {
        const names = fs.readdirSync(out);
        const hit = moment === 'journal' ? names.some((n) => n.startsWith('.briefing-build.')) : names.some((n) => n.endsWith('.tmp'));
        if (hit) {
          child.kill('SIGKILL');
          killedAt = names;
        } else await new Promise((resolve) => setImmediate(resolve));
      }
      await exited;
      const pdfs = () => fs.readdirSync(out).filter((n) => n.endsWith('.pdf'));
      const left = fs.readdirSync(out);
      // Before any sweep: all, none, or a journal that says how to finish.
      expect(pdfs().length === 0 || pdfs().length === 3 || left.some((n) => n.startsWith('.briefing-build.')), left.join(', ')).toBe(true);
      sweepBuildLeftovers(out);
      expect([0, 3], `${moment}: ${fs.readdirSync(out).join(', ')}`).toContain(pdfs().length);
      expect(fs.readdirSync(out).filter((n) => n.startsWith('.'))).toEqual([]);
    }
  }, 180_000);
});

describe('a small full filesystem (tmpfs)', () => {
  const disk = mountSmallDisk(4096);
  afterAll(() => disk?.unmount());

  it.skipIf(!disk)('list and export to another disk still work; an import says the disk is full and changes nothing', async () => {
    const db = path.join(disk!.dir, 'lib.sqlite');
    fs.copyFileSync(await starter.copy(), db);
    const doc = writeJson(path.join(tempDir(), 'doc.json'), smallDocument());
    disk!.fill(0);
    const before = sha256File(db);

    const list = await cli(['list', 'priorities', '--db', db]);
    expect(list.stderr).toBe('');
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('prio-rps-1');
    const out = path.join(tempDir(), 'export.json');
    const exported = await cli(['export', '--db', db, '--out', out]);
    expect(exported.stderr).toBe('');
    expect(JSON.parse(fs.readFileSync(out, 'utf8')).format).toBe('briefing-library');

    const imported = await cli(['import', doc, '--db', db]);
    expect(imported.code).toBe(1);
    expect(imported.stderr).toContain(`The disk holding ${disk!.dir} is full, so ${db} could not be written; nothing was changed.`);
    expect(imported.stderr).not.toMatch(/Unexpected|disk I\/O error/);
    expect(sha256File(db)).toBe(before);
  });

  it.skipIf(!disk)('a --lang all build onto the full disk names it and leaves no file, temporary or not', async () => {
    const db = await starter.copy();
    const out = path.join(disk!.dir, 'packs');
    fs.mkdirSync(out);
    const result = await cli(['build', '--pack', PACK, '--lang', 'all', '--out', out, '--db', db]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`^The disk holding ${out} is full, so ${out}/${PACK}-(en|fr|es)\\.pdf could not be written`));
    expect(fs.readdirSync(out)).toEqual([]);
  }, 120_000);
});
