import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/*
 * The layer rules live in eslint.config.js (tools/eslint/importBoundaries.js), run by `npm test`
 * through `npm run lint`. This checks that the config rejects each forbidden import and lets the
 * allowed ones through, so a rule cannot be dropped or loosened without a test saying so.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const eslint = new ESLint({ cwd: ROOT });

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'layers/import-boundaries' || m.ruleId === 'no-restricted-globals').map((m) => m.message);
}

const FORBIDDEN: [file: string, code: string, reason: RegExp][] = [
  ['shared/domain/x.ts', "import fs from 'node:fs';\nexport const a = fs;", /Node built-in/],
  ['shared/domain/x.ts', "import { join } from 'path';\nexport const a = join;", /Node built-in/],
  ['shared/domain/x.ts', "export const e = require('electron');", /electron/],
  ['shared/domain/x.ts', "export const m = await import('react-dom');", /DOM-only/],
  ['shared/domain/x.ts', "export type { LibraryStore } from '../../main/services/LibraryStore';", /only from shared/],
  ['shared/domain/x.ts', "export * from '../../renderer/src/i18n';", /only from shared/],
  ['shared/domain/x.ts', 'export const t = document.title;', /no DOM or Node globals/],
  ['shared/domain/x.ts', 'export const b = Buffer.from("");', /no DOM or Node globals/],
  ['renderer/src/x.ts', "import { openLibrary } from '../../main/db/openLibrary';\nexport const o = openLibrary;", /renderer\/ may not import from main\//],
  ['renderer/src/x.ts', "import Database from 'better-sqlite3';\nexport const d = Database;", /native module/],
  ['main/db/x.ts', "import { LibraryStore } from '../services/LibraryStore';\nexport const s = LibraryStore;", /main\/db\/ may not import from main\/services\//],
  ['main/db/repositories/x.ts', "export { buildEdition } from '../../pdf/buildEdition';", /main\/db\/ may not import from main\/pdf\//],
  ['main/db/x.ts', "import { app } from 'electron';\nexport const a = app;", /electron/],
  ['main/services/x.ts', "import { editionModels } from '../pdf/editionModels';\nexport const e = editionModels;", /main\/services\/ may not import from main\/pdf\//],
  ['main/services/translation/x.ts', "import type { ApiRegistry } from '../../api/ApiRegistry';\nexport type A = ApiRegistry;", /main\/services\/ may not import from main\/api\//],
  ['main/services/x.ts', "export const c = await import('../cli/runCli');", /main\/services\/ may not import from main\/cli\//],
  ['main/pdf/x.ts', "import { startServer } from '../server/startServer';\nexport const s = startServer;", /main\/pdf\/ may not import from main\/server\//],
  ['main/pdf/worker/x.ts', "import { runCli } from '../../cli/runCli';\nexport const r = runCli;", /main\/pdf\/ may not import from main\/cli\//],
  ['seeds/x.ts', "import { LibraryStore } from '../main/services/LibraryStore';\nexport const s = LibraryStore;", /seeds\/ may not import from main\//],
];

const ALLOWED: [file: string, code: string][] = [
  ['shared/domain/x.ts', "import { z } from 'zod';\nimport { LOCALES } from './locales';\nexport const a = [z, LOCALES];"],
  ['renderer/src/x.ts', "import { LOCALES } from '../../shared/domain/locales';\nimport { createRoot } from 'react-dom/client';\nexport const a = [LOCALES, createRoot];"],
  ['main/db/x.ts', "import { createHash } from 'node:crypto';\nimport { LIMITS } from '../../shared/schemas/common';\nexport const a = [createHash, LIMITS];"],
  ['main/services/x.ts', "import { openLibrary } from '../db/openLibrary';\nimport { readXliff } from '../xliff/readXliff';\nexport const a = [openLibrary, readXliff];"],
  ['main/pdf/x.ts', "import type { LibraryStore } from '../services/LibraryStore';\nexport type S = LibraryStore;"],
  ['main/api/x.ts', "import { editionModels } from '../pdf/editionModels';\nexport const e = editionModels;"],
];

describe('the layer rules in eslint.config.js', () => {
  it.each(FORBIDDEN)('reject, in %s: %s', async (file, code, reason) => {
    const found = await problems(file, code);
    expect(found.length, found.join('\n')).toBeGreaterThan(0);
    expect(found.join('\n')).toMatch(reason);
  });

  it.each(ALLOWED)('allow, in %s: %s', async (file, code) => {
    expect(await problems(file, code)).toEqual([]);
  });
});
