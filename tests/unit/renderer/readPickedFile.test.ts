import { describe, expect, it } from 'vitest';
import { readPickedFile, type PickedBlob } from '../../../renderer/src/components/readPickedFile';
import { createTranslator } from '../../../shared/locales/createTranslator';

const blob = (name: string, bytes: Uint8Array, size = bytes.length): PickedBlob & { reads: number } => {
  const file = {
    name,
    size,
    reads: 0,
    arrayBuffer: async () => {
      file.reads++;
      return bytes.slice().buffer;
    },
  };
  return file;
};
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('readPickedFile', () => {
  it('gives the text of a UTF-8 file, accents and all, under its own name', async () => {
    expect(await readPickedFile(blob('glossaire.tbx', utf8('<tbx>Sécurité — niño</tbx>')), { tooLargeCode: 'tbx.tooLarge' })).toEqual({
      ok: true,
      name: 'glossaire.tbx',
      text: '<tbx>Sécurité — niño</tbx>',
    });
  });

  it('refuses a file over the limit without reading it, with its size and the limit in MB', async () => {
    const file = blob('big.xlf', new Uint8Array(0), 40 * 1024 * 1024 + 1);
    const read = await readPickedFile(file, { tooLargeCode: 'xliff.tooLarge' });
    expect(read).toEqual({ ok: false, error: { code: 'xliff.tooLarge', params: { file: 'big.xlf', size: 40, limit: 32 }, problems: [] } });
    expect(file.reads).toBe(0);
    if (read.ok) return;
    expect(createTranslator('fr')(`errors:${read.error.code}`, read.error.params)).toBe('Le fichier XLIFF pèse 40 Mo ; la taille maximale qui peut être lue est de 32 Mo.');
  });

  it('takes a file of exactly the limit', async () => {
    const read = await readPickedFile(blob('edge.tmx', utf8('abcd')), { tooLargeCode: 'tmx.tooLarge', maxBytes: 4 });
    expect(read.ok).toBe(true);
  });

  it('refuses bytes that are not UTF-8, naming the line, column and byte of the first bad one', async () => {
    // "é" in Latin-1 (0xE9) on line 2, after "ab": column 3, byte 6.
    const bytes = new Uint8Array([...utf8('xyz\nab'), 0xe9, ...utf8('t\n')]);
    const read = await readPickedFile(blob('latin1.json', bytes), { tooLargeCode: 'import.fileTooLarge', name: 'library.json' });
    expect(read).toEqual({ ok: false, error: { code: 'import.invalidUtf8', params: { file: 'library.json', line: 2, column: 3, offset: 6 }, problems: [] } });
    if (read.ok) return;
    expect(createTranslator('en')(`errors:${read.error.code}`, read.error.params)).toContain('library.json is not valid UTF-8 text: the bytes at line 2, column 3 (byte 6)');
  });
});
