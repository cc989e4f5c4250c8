import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const RENDERER_OUT = path.join(PROJECT_ROOT, 'out', 'renderer');
const SOURCES = [path.join(PROJECT_ROOT, 'renderer'), path.join(PROJECT_ROOT, 'shared')];

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * Builds the renderer with Vite when out/renderer is missing or older than its sources, so
 * `npx briefing serve` works right after `npm ci` with no separate build step.
 */
export async function ensureRendererBuilt(log: (line: string) => void = () => undefined): Promise<string> {
  const index = path.join(RENDERER_OUT, 'index.html');
  const built = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0;
  if (built > 0 && SOURCES.every((dir) => newestMtime(dir) <= built)) return RENDERER_OUT;
  log('building the interface…');
  const { build } = await import('vite');
  // React's production build, even when a test runner (NODE_ENV=test) triggers the build: Vite
  // and the React plugin read NODE_ENV, and a development bundle is larger and much slower.
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: path.join(PROJECT_ROOT, 'vite.config.ts'), logLevel: 'error', mode: 'production' });
  } finally {
    if (previous === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previous;
  }
  return RENDERER_OUT;
}
