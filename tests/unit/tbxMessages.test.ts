import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../shared/api/channels';

describe('tbx and terms error messages', () => {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const files = [
    ...fs.readdirSync(path.join(root, 'main/terms')).map((f) => path.join(root, 'main/terms', f)),
    ...fs.readdirSync(path.join(root, 'main/services/terms')).map((f) => path.join(root, 'main/services/terms', f)),
    path.join(root, 'main/xliff/parseXml.ts'),
    path.join(root, 'main/api/termsApi.ts'),
    path.join(root, 'main/cli/commands/termsCommand.ts'),
  ];
  // API channels (`'terms.list'`) share the prefix and are no error codes.
  const used = (prefix: string) =>
    new Set(
      files
        .flatMap((file) => [...fs.readFileSync(file, 'utf8').matchAll(new RegExp(`'(${prefix}\\.\\w+)'`, 'g'))].map((m) => m[1]!))
        .filter((code) => !(CHANNELS as readonly string[]).includes(code))
        .map((code) => code.slice(prefix.length + 1)),
    );

  it.each(['en', 'fr', 'es'])('%s has a message for every code the TBX reader and the termbase throw, and no other', (locale) => {
    const errors = JSON.parse(fs.readFileSync(path.join(root, `shared/locales/${locale}/errors.json`), 'utf8')) as Record<string, Record<string, string>>;
    for (const prefix of ['tbx', 'terms']) {
      expect(Object.keys(errors[prefix]!).sort(), prefix).toEqual([...used(prefix)].sort());
    }
  });
});
