import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../helpers/cli';
import { oneLine, StarterTemplate } from '../helpers/library';

/**
 * An output path whose folder is a file (`--out notes.json/x.json`): every write through
 * writeFileAtomic fails at its temporary file, and the clean-up of that temporary file must not
 * turn the named "cannot write" into an "Unexpected error" of its own.
 */
const starter = new StarterTemplate();

describe('an output path under a file', () => {
  it('is "cannot write" naming the path, for every command that writes a file, and leaves the file as it was', async () => {
    const db = await starter.copy();
    const dir = tempDir();
    const blocker = path.join(dir, 'notes.json');
    fs.writeFileSync(blocker, 'kept');
    for (const args of [
      ['export', '--out', path.join(blocker, 'library.json')],
      ['terms', 'export', path.join(blocker, 'terms.tbx')],
      ['xliff', 'export', '--lang', 'en', '--out', path.join(blocker, 'en.xlf')],
    ]) {
      const result = await cli([...args, '--db', db]);
      expect(result.code, args.join(' ')).toBe(1);
      const message = oneLine(result.stderr);
      expect(message).toMatch(new RegExp(`^Cannot write ${blocker.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/[\\w.]+: ENOTDIR$`));
      expect(message).not.toContain('Unexpected error');
    }
    expect(fs.readFileSync(blocker, 'utf8')).toBe('kept');
    expect(fs.readdirSync(dir)).toEqual(['notes.json']);
  });
});
