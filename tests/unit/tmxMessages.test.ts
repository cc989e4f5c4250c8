import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

describe('tmx error messages', () => {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const files = [
    ...fs.readdirSync(path.join(root, 'main/memory')).map((f) => path.join(root, 'main/memory', f)),
    path.join(root, 'main/xliff/parseXml.ts'),
    path.join(root, 'main/services/memory/importTmx.ts'),
    path.join(root, 'main/services/memory/externalMemories.ts'),
    path.join(root, 'main/cli/commands/memoryCommand.ts'),
  ];
  const used = new Set(
    files.flatMap((file) => [...fs.readFileSync(file, 'utf8').matchAll(/'tmx\.(\w+)'/g)].map((m) => m[1]!)),
  );

  it.each(['en', 'fr', 'es'])('%s has a message for every code the TMX reader throws, and no other', (locale) => {
    const errors = JSON.parse(fs.readFileSync(path.join(root, `shared/locales/${locale}/errors.json`), 'utf8')) as Record<string, Record<string, string>>;
    expect(Object.keys(errors['tmx']!).sort()).toEqual([...used].sort());
    for (const message of Object.values(errors['tmx']!)) expect(message.trim()).not.toBe('');
  });
});
