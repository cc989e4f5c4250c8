import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../../main/db/openLibrary';
import { openFailureKind } from '../../main/electron/libraryOpenFailure';
import { cli, tempDir } from '../helpers/cli';
import { oneLine } from '../helpers/library';

/** `--db` given a folder (the library's folder instead of its file) is named as a folder. */
describe('a folder given as the library', () => {
  it('is said to be a folder, with the file to give instead, in each language; nothing is created in it', async () => {
    const dir = tempDir();
    for (const args of [['list', 'notes'], ['init'], ['check']]) {
      const result = await cli([...args, '--db', dir]);
      expect(result.code, args.join(' ')).toBe(1);
      expect(oneLine(result.stderr)).toBe(`${dir} is a folder, not a library file. Give the library's file itself (for example ${dir}/library.sqlite).`);
    }
    expect(oneLine((await cli(['list', 'notes', '--db', dir], { BRIEFING_LOCALE: 'fr' })).stderr)).toBe(
      `${dir} est un dossier, pas un fichier de bibliothèque. Indiquez le fichier de la bibliothèque lui-même (par exemple ${dir}/library.sqlite).`,
    );
    expect(oneLine((await cli(['list', 'notes', '--db', dir], { BRIEFING_LOCALE: 'es' })).stderr)).toContain(`${dir} es una carpeta`);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('is a "not a library" case for the desktop start (set aside, start anew)', async () => {
    const dir = path.join(tempDir(), 'library.sqlite');
    fs.mkdirSync(dir);
    const error = await openLibrary(dir, { create: true }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'db.isFolder', params: { path: dir } });
    expect(openFailureKind(error)).toBe('notLibrary');
  });
});
