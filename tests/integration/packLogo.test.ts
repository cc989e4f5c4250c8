import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { pngBytes } from '../helpers/images';
import { loadPdf, scratch } from '../helpers/pdf';
import { sha256File } from '../helpers/library';

/** `briefing packs set-logo`: the file is read once and stored in the library; bad files are named. */

const tmp = scratch('briefing-logo-');
afterAll(() => tmp.cleanup());
const dir = tmp.dir('logo-');
const db = path.join(dir, 'lib.sqlite');

beforeAll(async () => {
  expect((await cli(['init', '--db', db])).code).toBe(0);
}, 60_000);

describe('packs set-logo', () => {
  it('stores the logo in the library: the cover has it after the file is gone', async () => {
    const file = path.join(dir, 'logo.png');
    fs.writeFileSync(file, pngBytes(200, 60));
    const set = await cli(['packs', 'set-logo', 'panama-2025', file, '--db', db]);
    expect(set.stderr).toBe('');
    expect(set.code).toBe(0);
    expect(set.stdout).toContain('panama-2025');
    fs.rmSync(file);
    const out = path.join(dir, 'with-logo.pdf');
    const built = await cli(['build', '--db', db, '--pack', 'panama-2025', '--lang', 'fr', '--out', out]);
    expect(built.code, built.stderr).toBe(0);
    const pdf = await loadPdf(out);
    expect(pdf.pages[0]!.images).toBe(1);
    expect(pdf.pages.slice(1).every((p) => p.images === 0)).toBe(true);
  }, 120_000);

  it('names a file that is not an image, too large or missing, and leaves the library unchanged', async () => {
    const before = sha256File(db);
    const text = path.join(dir, 'notes.png');
    fs.writeFileSync(text, 'not an image at all');
    const big = path.join(dir, 'big.png');
    fs.writeFileSync(big, Buffer.alloc(600 * 1024, 1));
    const cases: [string, RegExp][] = [
      [text, /notes\.png is not a PNG or JPEG image/],
      [big, /big\.png is 600 KiB; a logo may be 512 KiB at most/],
      [path.join(dir, 'missing.png'), /missing\.png could not be read/],
    ];
    for (const [file, message] of cases) {
      const result = await cli(['packs', 'set-logo', 'panama-2025', file, '--db', db]);
      expect(result.code, file).toBe(1);
      expect(result.stderr, file).toMatch(message);
    }
    const fr = await cli(['packs', 'set-logo', 'panama-2025', text, '--db', db], { BRIEFING_LOCALE: 'fr' });
    expect(fr.stderr).toMatch(/n’est pas une image PNG ou JPEG/);
    expect(sha256File(db)).toBe(before);
  }, 120_000);

  it('removes the logo with --remove, and asks for a file without it', async () => {
    expect((await cli(['packs', 'set-logo', 'panama-2025', '--db', db])).code).toBe(2);
    const removed = await cli(['packs', 'set-logo', 'panama-2025', '--remove', '--db', db]);
    expect(removed.code, removed.stderr).toBe(0);
    const out = path.join(dir, 'without-logo.pdf');
    expect((await cli(['build', '--db', db, '--pack', 'panama-2025', '--lang', 'en', '--out', out])).code).toBe(0);
    expect((await loadPdf(out)).pages[0]!.images).toBe(0);
  }, 120_000);
});
