import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SHARED = path.join(ROOT, 'shared');
const RENDERER = path.join(ROOT, 'renderer');
const MAIN = path.join(ROOT, 'main');

const NODE_CORE = new Set(builtinModules.flatMap((m) => [m, m.split('/')[0]!]));

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(full);
    return /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/.test(entry.name) ? [full] : [];
  });
}

/** Comments and string contents removed, so only code is searched for globals. */
function codeOnly(source: string): string {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/(^|[^:\\])\/\/.*$/gm, '$1')
    .replace(/`(?:\\[\s\S]|[^`\\])*`/g, '``')
    .replace(/'(?:\\.|[^'\\\n])*'/g, "''")
    .replace(/"(?:\\.|[^"\\\n])*"/g, '""');
}

const GLOBALS =
  /(?<![\w$.'"`])(document|window|navigator|localStorage|sessionStorage|HTMLElement|process|Buffer|__dirname|__filename|require)(?![\w$])(?!\s*:)/g;

function globalsIn(source: string): string[] {
  return [...codeOnly(source).matchAll(GLOBALS)].map((m) => m[1]!);
}

/** Every module specifier: import/export … from, import(), require(). */
function importsOf(source: string): string[] {
  const specifiers: string[] = [];
  const patterns = [
    /\b(?:import|export)\s+(?:type\s+)?(?:[\w*${}\s,]+?\s+from\s+)?(['"])([^'"]+)\1/g,
    /\bimport\s*\(\s*(['"`])([^'"`]+)\1\s*\)/g,
    /\brequire\s*\(\s*(['"`])([^'"`]+)\1\s*\)/g,
  ];
  for (const pattern of patterns) for (const m of source.matchAll(pattern)) specifiers.push(m[2]!);
  return specifiers;
}

function resolvesInto(file: string, specifier: string, folder: string): boolean {
  if (!specifier.startsWith('.') && !specifier.startsWith('/')) return false;
  const target = path.resolve(path.dirname(file), specifier);
  return target === folder || target.startsWith(`${folder}${path.sep}`);
}

describe('the import scanner', () => {
  it('sees every form of import it is meant to catch', () => {
    const sample = [
      "import fs from 'node:fs';",
      'import { join } from "path";',
      "import type { X } from '../../main/db/openLibrary';",
      "export * from 'os';",
      "const c = await import('crypto');",
      "const e = require('electron');",
      "import 'zod';",
      "import {\n  a,\n  b,\n} from './multi';",
    ].join('\n');
    expect(globalsIn('const t = document.title;\nwindow.open();\nif (process.env.X) Buffer.from("");')).toEqual([
      'document',
      'window',
      'process',
      'Buffer',
    ]);
    expect(globalsIn("// the document\n/* window */ const s = 'window'; const o = { document: 1 }; o.document; parseLibraryDocument();")).toEqual([]);
    expect(importsOf(sample)).toEqual(
      expect.arrayContaining(['node:fs', 'path', '../../main/db/openLibrary', 'os', 'crypto', 'electron', 'zod', './multi']),
    );
  });
});

describe('shared/ stays pure', () => {
  const files = sourceFiles(SHARED);

  it('has source files to check', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it('imports nothing from main/ or renderer/, nor electron, nor Node built-ins', () => {
    const problems: string[] = [];
    for (const file of files) {
      for (const specifier of importsOf(fs.readFileSync(file, 'utf8'))) {
        const where = `${path.relative(ROOT, file)}: ${specifier}`;
        if (resolvesInto(file, specifier, MAIN)) problems.push(`${where} (main/)`);
        else if (resolvesInto(file, specifier, RENDERER)) problems.push(`${where} (renderer/)`);
        else if (specifier.startsWith('.') && !resolvesInto(file, specifier, SHARED)) problems.push(`${where} (outside shared/)`);
        else if (specifier === 'electron' || specifier.startsWith('electron/') || specifier.startsWith('@electron/')) {
          problems.push(`${where} (electron)`);
        } else if (specifier.startsWith('node:') || NODE_CORE.has(specifier) || NODE_CORE.has(specifier.split('/')[0]!)) {
          problems.push(`${where} (Node built-in)`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('uses no DOM or Node globals', () => {
    const problems: string[] = [];
    for (const file of files) {
      for (const name of globalsIn(fs.readFileSync(file, 'utf8'))) problems.push(`${path.relative(ROOT, file)}: ${name}`);
    }
    expect(problems).toEqual([]);
  });
});

describe('renderer/ never imports main/', () => {
  const files = sourceFiles(RENDERER);

  it.skipIf(files.length === 0)('no file under renderer/ imports from main/ or Node built-ins', () => {
    const problems: string[] = [];
    for (const file of files) {
      for (const specifier of importsOf(fs.readFileSync(file, 'utf8'))) {
        if (resolvesInto(file, specifier, MAIN)) problems.push(`${path.relative(ROOT, file)}: ${specifier}`);
        if (specifier.startsWith('node:') || specifier === 'better-sqlite3') problems.push(`${path.relative(ROOT, file)}: ${specifier}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
