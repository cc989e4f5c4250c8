import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTranslator } from '../../shared/locales/createTranslator';
import type { BuildManifest } from '../../shared/schemas/buildManifest';
import { cli, tempDir } from '../helpers/cli';
import { sha256File, StarterTemplate } from '../helpers/library';
import { loadPdf } from '../helpers/pdf';

/** `briefing build --recipients FILE.csv`: one copy per recipient, named in its footers, recorded as distributed to them. */

const starter = new StarterTemplate();
let db: string;

const query = <T>(file: string, sql: string, ...params: unknown[]): T[] => {
  const raw = new Database(file, { readonly: true });
  try {
    return raw.prepare(sql).all(...params) as T[];
  } finally {
    raw.close();
  }
};
const csv = (text: string | Uint8Array) => {
  const file = path.join(tempDir(), 'recipients.csv');
  fs.writeFileSync(file, text);
  return file;
};

beforeAll(async () => {
  db = await starter.copy(tempDir());
}, 60_000);

describe('personalized copies from a recipients list', () => {
  it('builds one copy per recipient (their language, or the build’s), names them in every footer and records each as distributed', async () => {
    const out = tempDir();
    const list = csv('name,organisation,language\r\nAna Pérez,Delegation of Panama,fr\r\n"Smith, John",,\r\n');
    const result = await cli(['build', '--db', db, '--pack', 'panama-2025', '--lang', 'en', '--out', out, '--recipients', list]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const fr = path.join(out, 'panama-2025-fr-ana-perez-delegation-of-panama.pdf');
    const en = path.join(out, 'panama-2025-en-smith-john.pdf');
    expect(fs.readdirSync(out).sort()).toEqual([path.basename(en), path.basename(fr)]);
    expect(result.stdout).toContain(`Ana Pérez (Delegation of Panama) — fr: ${fr} (`);
    expect(result.stdout).toContain('2 personalized copies, each recorded as distributed to its recipient.');

    const frPdf = await loadPdf(fr);
    // Every page says whose copy it is, the cover included; the others carry their number too.
    for (const [i, page] of frPdf.pages.entries()) {
      expect(page.text, `page ${i + 1}`).toContain('Exemplaire destiné à Ana Pérez (Delegation of Panama)');
    }
    expect(frPdf.pages[1]!.text).toContain(`Page 2 sur ${frPdf.pages.length}`);
    expect((await loadPdf(en)).text).toContain('Copy for Smith, John');

    const builds = query<{ id: string; options: string }>(db, "SELECT id, options FROM builds WHERE status = 'ok' ORDER BY rowid");
    expect(builds.map((b) => (JSON.parse(b.options) as { recipient: string }).recipient)).toEqual(['Ana Pérez (Delegation of Panama)', 'Smith, John']);
    const sent = query<{ build_id: string; recipient: string }>(db, 'SELECT build_id, recipient FROM build_distributions ORDER BY rowid');
    expect(sent).toEqual([
      { build_id: builds[0]!.id, recipient: 'Ana Pérez (Delegation of Panama)' },
      { build_id: builds[1]!.id, recipient: 'Smith, John' },
    ]);
    const manifest = JSON.parse((await cli(['inspect', fr, '--json'])).stdout) as BuildManifest;
    expect(manifest.options.recipient).toBe('Ana Pérez (Delegation of Panama)');
    expect(manifest.build.id).toBe(builds[0]!.id);

    // A copy is a build like any other: rebuilt, it has the same bytes, its recipient's name included.
    fs.rmSync(fr);
    const again = path.join(tempDir(), 'again.pdf');
    const rebuilt = await cli(['rebuild', '--build', builds[0]!.id, '--out', again, '--db', db]);
    expect(rebuilt.code).toBe(0);
    expect(sha256File(again)).toBe(query<{ sha256: string }>(db, 'SELECT sha256 FROM build_outputs WHERE build_id = ?', builds[0]!.id)[0]!.sha256);
  }, 180_000);

  it('names the bad rows by line and column (en, fr, es), opening no library and building nothing', async () => {
    const copy = path.join(tempDir(), 'lib.sqlite');
    fs.copyFileSync(db, copy);
    const before = sha256File(copy);
    const list = csv('name,language\nAna,fr\n,es\nBen,pt\n');
    const out = tempDir();
    for (const locale of ['en', 'fr', 'es'] as const) {
      const t = createTranslator(locale);
      const result = await cli(['build', '--db', copy, '--pack', 'panama-2025', '--lang', 'en', '--out', out, '--recipients', list], { BRIEFING_LOCALE: locale });
      expect(result.code, locale).toBe(1);
      const first = t('errors:recipients.noName', { line: 3, column: 1 });
      expect(result.stderr).toContain(t('errors:recipients.invalid', { file: list, count: 2, first }));
      expect(result.stderr).toContain(t('errors:recipients.badLanguage', { line: 4, column: 2, value: 'pt' }));
    }
    const latin1 = csv(Uint8Array.from([...new TextEncoder().encode('name\nJos'), 0xe9, 0x0a]));
    const bad = await cli(['build', '--db', copy, '--pack', 'panama-2025', '--lang', 'en', '--out', out, '--recipients', latin1]);
    expect(bad.stderr).toContain('line 2, column 4: the text is not UTF-8');
    const missing = await cli(['build', '--db', copy, '--pack', 'panama-2025', '--lang', 'en', '--out', out, '--recipients', path.join(out, 'none.csv')]);
    expect(missing.stderr).toContain(createTranslator('en')('errors:recipients.unreadable', { file: path.join(out, 'none.csv'), detail: 'ENOENT' }));
    expect(fs.readdirSync(out)).toEqual([]);
    expect(sha256File(copy)).toBe(before);

    // A good list, but a .pdf for many files, or a copy's file already there: refused before building.
    const good = csv('name\nAna\nBen\n');
    const pdf = path.join(out, 'x.pdf');
    const one = await cli(['build', '--db', copy, '--pack', 'panama-2025', '--lang', 'en', '--out', pdf, '--recipients', good]);
    expect(one.stderr).toContain(createTranslator('en')('errors:build.outNeedsFolder', { out: pdf }));
    const there = path.join(out, 'panama-2025-en-ben.pdf');
    fs.writeFileSync(there, 'mine');
    const taken = await cli(['build', '--db', copy, '--pack', 'panama-2025', '--lang', 'en', '--out', out, '--recipients', good], { BRIEFING_LOCALE: 'fr' });
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain(createTranslator('fr')('errors:build.outputExists', { file: there }));
    expect(fs.readFileSync(there, 'utf8')).toBe('mine');
    expect(fs.readdirSync(out)).toEqual([path.basename(there)]);
    expect(query(copy, 'SELECT count(*) AS n FROM builds')).toEqual(query(db, 'SELECT count(*) AS n FROM builds'));
  }, 60_000);

  it('leaves no copy and no distribution when one copy cannot be built (all or none)', async () => {
    const copy = path.join(tempDir(), 'lib.sqlite');
    fs.copyFileSync(db, copy);
    const out = tempDir();
    // What a run killed halfway left (its process is gone) goes; a running one's stays.
    const dead = path.join(out, '.briefing-copies-999999999-abc');
    fs.mkdirSync(dead);
    fs.writeFileSync(path.join(dead, 'half.pdf'), '%PDF-');
    const alive = path.join(out, `.briefing-copies-${process.pid}-live`);
    fs.mkdirSync(alive);
    const builds = query(copy, 'SELECT id FROM builds').length;
    const sent = query(copy, 'SELECT * FROM build_distributions');
    // The first copy builds; the second cannot: its edition's texts are not all approved.
    const list = csv('name,language\nAna Pérez,fr\nJohn Smith,en\n');
    const result = await cli(['build', '--db', copy, '--pack', 'panama-2025', '--lang', 'en', '--require-approved', '--out', out, '--recipients', list]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('panama-2025');
    const after = query<{ status: string; options: string }>(copy, 'SELECT status, options FROM builds ORDER BY rowid').slice(builds);
    expect(after.map((b) => [b.status, (JSON.parse(b.options) as { recipient: string }).recipient])).toEqual([['refused', 'John Smith']]);
    expect(query(copy, 'SELECT * FROM build_distributions')).toEqual(sent);
    expect(fs.readdirSync(out)).toEqual([path.basename(alive)]);
  }, 120_000);
});
