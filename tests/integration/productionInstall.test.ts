import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * Every module `briefing serve` and `briefing build` load at run time is a declared dependency.
 * A real `npm ci --omit=dev` needs the registry and a 70 s native build, so the install is
 * reproduced offline: a copy of the project whose node_modules holds only the packages
 * `npm ls --omit=dev` lists, linked from the real node_modules. The project's own imports then
 * resolve from that copy, and anything undeclared (vite, pdfjs-dist before) is not there.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const MODULES = path.join(ROOT, 'node_modules');
const PROJECT = ['main', 'shared', 'renderer', 'seeds', 'package.json', 'package-lock.json', 'tsconfig.json', 'vite.config.ts'];

// Installed where users install things: a folder name with a space, an accent and a #.
const work = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'briefing-prod-')), 'Ana Pérez #2');
fs.mkdirSync(work);
afterAll(() => fs.rmSync(path.dirname(work), { recursive: true, force: true }));

/** The top-level folders of the production dependency tree (nested ones come inside them). */
function productionPackages(): string[] {
  let listing: string;
  try {
    listing = execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch (error) {
    // npm ls exits 1 when an optional package for another platform is absent; its list stands.
    listing = String((error as { stdout?: string }).stdout ?? '');
  }
  const top = new Set<string>();
  for (const line of listing.split('\n')) {
    const relative = path.relative(MODULES, line.trim());
    if (!line.trim() || relative.startsWith('..') || relative === '' || !fs.existsSync(line.trim())) continue;
    const parts = relative.split(path.sep);
    top.add(parts[0]!.startsWith('@') ? path.join(parts[0]!, parts[1]!) : parts[0]!);
  }
  return [...top].sort();
}

function productionCopy(name = 'app', without: string[] = []): string {
  const app = path.join(work, name);
  for (const entry of PROJECT) {
    fs.cpSync(path.join(ROOT, entry), path.join(app, entry), {
      recursive: true,
      filter: (source) => !/[\\/](node_modules|out)([\\/]|$)/.test(path.relative(ROOT, source)),
    });
  }
  for (const pkg of productionPackages().filter((p) => !without.includes(p))) {
    const target = path.join(app, 'node_modules', pkg);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.symlinkSync(path.join(MODULES, pkg), target, 'junction');
  }
  return app;
}

function run(app: string, args: string[]): { code: number; stdout: string; stderr: string } {
  try {
    const stdout = execFileSync(process.execPath, [path.join(app, 'main/bin/briefing.mjs'), ...args], {
      cwd: app,
      encoding: 'utf8',
      env: { ...process.env, BRIEFING_LOCALE: 'en', NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 120_000,
    });
    return { code: 0, stdout, stderr: '' };
  } catch (error) {
    const e = error as { status?: number; stdout?: string; stderr?: string };
    return { code: e.status ?? 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

/** `briefing serve` until it prints its address; then the page, an asset, and an API call. */
async function serveAndCall(app: string, db: string): Promise<void> {
  const child = spawn(process.execPath, [path.join(app, 'main/bin/briefing.mjs'), 'serve', '--db', db], {
    cwd: app,
    env: { ...process.env, BRIEFING_LOCALE: 'en' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  try {
    const address = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        const found = /http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+/.exec(out)?.[0];
        if (found) resolve(found);
      });
      void exited.then((code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
    });
    const url = new URL(address);
    const token = url.hash.slice('#token='.length);
    const page = await fetch(url.origin);
    expect(page.status).toBe(200);
    const html = await page.text();
    const script = /src="\.?\/?(assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script, html).toBeDefined();
    expect((await fetch(`${url.origin}/${script}`)).status).toBe(200);
    const list = await fetch(`${url.origin}/api/library.list`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ kind: 'priorities', locale: 'es' }),
    });
    const result = (await list.json()) as { ok: boolean; value: unknown[] };
    expect(result.ok).toBe(true);
    expect(result.value).toHaveLength(7);
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

describe('a production-only install (no development dependencies)', () => {
  it('runs briefing serve (building the interface) and briefing build', async () => {
    const app = productionCopy();
    const installed = fs.readdirSync(path.join(app, 'node_modules'));
    // The premise: development tools are really absent, and what serve needs is there.
    for (const dev of ['vitest', 'electron', 'electron-builder', 'playwright-core', 'eslint', 'axe-core']) expect(installed).not.toContain(dev);
    expect(installed).toEqual(expect.arrayContaining(['vite', 'tsx', 'better-sqlite3', 'pdfmake']));
    const resolveFromApp = createRequire(path.join(app, 'main', 'cli', 'runCli.ts'));
    expect(() => resolveFromApp.resolve('vitest')).toThrow();

    const db = path.join(work, 'library.sqlite');
    const init = run(app, ['init', '--db', db]);
    expect(init.code, init.stderr).toBe(0);

    await serveAndCall(app, db);
    expect(fs.existsSync(path.join(app, 'out', 'renderer', 'index.html'))).toBe(true);

    const pdf = path.join(work, 'panama-en.pdf');
    const build = run(app, ['build', '--db', db, '--pack', 'panama-2025', '--lang', 'en', '--out', pdf]);
    expect(build.code, build.stderr).toBe(0);
    expect(fs.readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  }, 240_000);

  it('runs the code compiled at install (npm ci runs prepare), with no TypeScript loader at all', async () => {
    // tsx left out: the command line and its build and import workers must all run compiled.
    const app = productionCopy('compiled', ['tsx']);
    expect(fs.readdirSync(path.join(app, 'node_modules'))).not.toContain('tsx');
    const compile = spawnSync(process.execPath, [path.join(app, 'main/bin/compile.mjs')], { cwd: app, encoding: 'utf8' });
    expect(compile.status, compile.stderr).toBe(0);
    const { freshCompiledCli } = (await import(pathToFileURL(path.join(ROOT, 'main/bin/compiledCli.mjs')).href)) as {
      freshCompiledCli: (root: string) => string | null;
    };
    expect(freshCompiledCli(app)).toBe(path.join(app, 'out', 'node', 'cli.mjs'));

    const db = path.join(work, 'compiled.sqlite');
    const init = run(app, ['init', '--db', db]);
    expect(init.code, init.stderr).toBe(0);
    const pdf = path.join(work, 'compiled-es.pdf');
    const build = run(app, ['build', '--db', db, '--pack', 'panama-2025', '--lang', 'es', '--out', pdf]);
    expect(build.code, build.stderr).toBe(0);
    expect(fs.readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // The starter library was found beside its own source, and the import worker runs compiled.
    const exported = path.join(work, 'compiled-export.json');
    expect(run(app, ['export', '--db', db, '--out', exported]).code).toBe(0);
    const imported = run(app, ['import', exported, '--db', db, '--dry-run']);
    expect(imported.code, imported.stderr).toBe(0);

    // An edited source makes the compiled code stale: the TypeScript would run (and needs tsx).
    const source = path.join(app, 'main', 'cli', 'runCli.ts');
    const later = new Date(Date.now() + 60_000);
    fs.utimesSync(source, later, later);
    expect(freshCompiledCli(app)).toBeNull();
  }, 240_000);

  it('says what to do, in words, when the interface is not built and Vite is missing', () => {
    const app = productionCopy('no-vite', ['vite']);
    const db = path.join(work, 'no-vite.sqlite');
    expect(run(app, ['init', '--db', db]).code).toBe(0);
    const serve = run(app, ['serve', '--db', db]);
    expect(serve.code).toBe(1);
    expect(serve.stderr).toContain('The interface has not been built, and Vite, which builds it, cannot be loaded');
    expect(serve.stderr).toContain(`Run npm ci in ${app}`);
    expect(serve.stderr).not.toMatch(/unexpected error/i);
  });
});
