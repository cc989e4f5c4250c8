import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { filesIn, loadPdf, scratch } from '../helpers/pdf';

const tmp = scratch('briefing-pdf-badinput-');
afterAll(() => tmp.cleanup());

/** Builds that cannot succeed: a clear error, the right exit code, and no file left behind. */

const root = tmp.dir('bad-');
const template = path.join(root, 'template.sqlite');
let copies = 0;

/** A fresh copy of the starter library with a small pack `small` (one section, one priority). */
function library(): string {
  const file = path.join(root, `lib-${++copies}.sqlite`);
  fs.copyFileSync(template, file);
  return file;
}

function outDir(): string {
  return path.join(tmp.dir('bad-out-'), 'out');
}

beforeAll(async () => {
  expect((await cli(['init', '--db', template])).code).toBe(0);
  const created = await cli(['packs', 'create', '--db', template, '--slug', 'small', '--title', 'Small pack']);
  expect(created.stderr).toBe('');
  const added = await cli(['packs', 'add-section', 'small', '--db', template, '--title', 'Priorities', '--items', 'priority:prio-rps-1']);
  expect(added.stderr).toBe('');
  expect(added.code).toBe(0);
}, 60_000);

describe('briefing build refuses bad input', () => {
  it('an unknown pack: exit 1, names the pack, writes nothing', async () => {
    const db = library();
    const out = outDir();
    const result = await cli(['build', '--db', db, '--pack', 'no-such-pack', '--lang', 'en', '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('No pack "no-such-pack" in the library. See: briefing packs list\n');
    expect(filesIn(out)).toEqual([]);
  });

  it('an empty pack: exit 1, says it is empty, writes nothing', async () => {
    const db = library();
    const out = outDir();
    const created = await cli(['packs', 'create', '--db', db, '--slug', 'empty-pack', '--title', 'Nothing yet']);
    expect(created.code).toBe(0);
    const result = await cli(['build', '--db', db, '--pack', 'empty-pack', '--lang', 'all', '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^The pack empty-pack is empty/);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(filesIn(out)).toEqual([]);
  });

  it('a pack with sections but no pieces and no text is empty too', async () => {
    const db = library();
    const out = outDir();
    expect((await cli(['packs', 'create', '--db', db, '--slug', 'hollow', '--title', 'Hollow'])).code).toBe(0);
    expect((await cli(['packs', 'add-section', 'hollow', '--db', db, '--title', 'Nothing here'])).code).toBe(0);
    const result = await cli(['build', '--db', db, '--pack', 'hollow', '--lang', 'en', '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^The pack hollow is empty/);
    expect(filesIn(out)).toEqual([]);
  });

  it('an unknown language: usage error, exit 2', async () => {
    const db = library();
    const out = outDir();
    const result = await cli(['build', '--db', db, '--pack', 'small', '--lang', 'de', '--out', out]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('Unknown language mode "de": use en, fr, es, all or parallel.');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('an unknown paper size: usage error, exit 2, naming the option and the value', async () => {
    const db = library();
    const out = outDir();
    const result = await cli(['build', '--db', db, '--pack', 'small', '--lang', 'en', '--paper', 'a3', '--out', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('a4');
    expect(result.stderr).toContain('letter');
    expect(result.stderr).toContain('--paper');
    expect(result.stderr).toContain('a3');
    expect(fs.existsSync(out)).toBe(false);
  });

  it('an output path under a regular file: exit 1, cannot write, nothing written', async () => {
    const db = library();
    const base = tmp.dir('bad-blocked-');
    const blocker = path.join(base, 'not-a-folder');
    fs.writeFileSync(blocker, 'a plain file');
    for (const [lang, out] of [
      ['en', path.join(blocker, 'out.pdf')],
      ['all', path.join(blocker, 'sub')],
    ] as const) {
      const result = await cli(['build', '--db', db, '--pack', 'small', '--lang', lang, '--out', out]);
      expect(result.code, lang).toBe(1);
      expect(result.stderr, lang).toMatch(/^Cannot write to /);
      expect(result.stderr, lang).toContain('not-a-folder');
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(fs.readFileSync(blocker, 'utf8')).toBe('a plain file');
    expect(filesIn(base)).toEqual(['not-a-folder']);
  });

  it('an existing output file: exit 1 without --force (file untouched), replaced with --force', async () => {
    const db = library();
    const dir = tmp.dir('bad-exists-');
    const file = path.join(dir, 'small.pdf');
    fs.writeFileSync(file, 'keep me');
    const refused = await cli(['build', '--db', db, '--pack', 'small', '--lang', 'en', '--out', file]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(`${file} already exists. Use --force to replace it.\n`);
    expect(fs.readFileSync(file, 'utf8')).toBe('keep me');
    expect(filesIn(dir)).toEqual(['small.pdf']);

    const forced = await cli(['build', '--db', db, '--pack', 'small', '--lang', 'en', '--out', file, '--force']);
    expect(forced.stderr).toBe('');
    expect(forced.code).toBe(0);
    expect(filesIn(dir)).toEqual(['small.pdf']);
    const pdf = await loadPdf(file);
    expect(pdf.info.Title).toBe('Small pack');
    expect(pdf.text).toContain('Priority 1 — ');
  });

  it('--lang all writes all three files or none: one existing file stops the whole build', async () => {
    const db = library();
    const dir = tmp.dir('bad-allornone-');
    fs.writeFileSync(path.join(dir, 'small-fr.pdf'), 'old french edition');
    const result = await cli(['build', '--db', db, '--pack', 'small', '--lang', 'all', '--out', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('small-fr.pdf already exists');
    expect(filesIn(dir)).toEqual(['small-fr.pdf']);
    expect(fs.readFileSync(path.join(dir, 'small-fr.pdf'), 'utf8')).toBe('old french edition');
  });

  it('--lang all with a .pdf file name: exit 1, asks for a folder, writes nothing', async () => {
    const db = library();
    const dir = tmp.dir('bad-needsfolder-');
    for (const lang of ['all']) {
      const file = path.join(dir, 'x.pdf');
      const result = await cli(['build', '--db', db, '--pack', 'small', '--lang', lang, '--out', file]);
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(`${file} is a file name, but this language mode writes several files: give a folder.\n`);
    }
    expect(filesIn(dir)).toEqual([]);
  });

  it('a folder named like a PDF, with --force: exit 1, the folder is left as it was', async () => {
    const db = library();
    const dir = tmp.dir('bad-dirpdf-');
    const folder = path.join(dir, 'looks-like.pdf');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, 'inside.txt'), 'inside');
    const result = await cli(['build', '--db', db, '--pack', 'small', '--lang', 'en', '--out', folder, '--force']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^Cannot write to /);
    expect(filesIn(dir)).toEqual([path.join('looks-like.pdf', 'inside.txt')]);
  });
});

describe('a piece deleted after it was added to a pack', () => {
  const NOTE = 'note-omsac-palermo-25-2025';
  let db: string;

  beforeAll(async () => {
    db = library();
    expect((await cli(['packs', 'create', '--db', db, '--slug', 'with-gap', '--title', 'With a gap'])).code).toBe(0);
    const added = await cli([
      'packs',
      'add-section',
      'with-gap',
      '--db',
      db,
      '--title',
      'Recent',
      '--items',
      `priority:prio-rps-2,note:${NOTE}`,
    ]);
    expect(added.stderr).toBe('');
    const before = await cli(['check', '--db', db]);
    expect(before.code).toBe(0);
    const conn = new Database(db, { fileMustExist: true });
    try {
      conn.pragma('foreign_keys = ON');
      expect(conn.prepare('DELETE FROM pieces WHERE id = ?').run(NOTE).changes).toBe(1);
    } finally {
      conn.close();
    }
  }, 60_000);

  it('stops the build with exit 1, naming the pack, the piece and the section, and writes nothing', async () => {
    const out = outDir();
    const result = await cli(['build', '--db', db, '--pack', 'with-gap', '--lang', 'en', '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `The pack with-gap lists note "${NOTE}" in section 1, but it is no longer in the library. Remove it from the pack or restore it.\n`,
    );
    expect(filesIn(out)).toEqual([]);
  });

  it('stops the starter pack too (section 4 lists the same note)', async () => {
    const out = outDir();
    const result = await cli(['build', '--db', db, '--pack', 'panama-2025', '--lang', 'parallel', '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`note "${NOTE}" in section 4`);
    expect(filesIn(out)).toEqual([]);
  });

  it('is reported by briefing check, which exits 1', async () => {
    const result = await cli(['check', '--db', db]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`pack pack-with-gap lists note "${NOTE}", which no longer exists`);
    expect(result.stdout).toContain(`pack pack-panama-2025 lists note "${NOTE}", which no longer exists`);
    const json = await cli(['check', '--db', db, '--json']);
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout) as { ok: boolean; problems: { key: string; values: Record<string, string> }[] };
    expect(report.ok).toBe(false);
    expect(report.problems.filter((p) => p.key === 'danglingPackItem')).toEqual([
      { key: 'danglingPackItem', values: { pack: 'pack-panama-2025', kind: 'note', ref: NOTE } },
      { key: 'danglingPackItem', values: { pack: 'pack-with-gap', kind: 'note', ref: NOTE } },
    ]);
  });
});
