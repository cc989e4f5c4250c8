import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../shared/errors/AppError';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const RENDERER_OUT = path.join(PROJECT_ROOT, 'out', 'renderer');
const SOURCES = [path.join(PROJECT_ROOT, 'renderer'), path.join(PROJECT_ROOT, 'shared')];
const DETAIL_MAX = 300;

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

function detailOf(error: unknown): string {
  const text = (error as Error)?.message ?? String(error);
  return text.length > DETAIL_MAX ? `${text.slice(0, DETAIL_MAX - 1)}…` : text;
}

/**
 * Builds the renderer with Vite (a declared dependency: `briefing serve` needs it after a
 * production-only install too) when out/renderer is missing or older than its sources, so
 * `npx briefing serve` works right after `npm ci` with no separate build step. The build goes
 * to a folder of its own and replaces out/renderer only once complete, so a server started
 * meanwhile (or a second build) never serves half a bundle.
 */
export async function ensureRendererBuilt(log: (line: string) => void = () => undefined): Promise<string> {
  const index = path.join(RENDERER_OUT, 'index.html');
  const built = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0;
  if (built > 0 && SOURCES.every((dir) => newestMtime(dir) <= built)) return RENDERER_OUT;
  log('building the interface…');
  let vite: typeof import('vite');
  try {
    vite = await import('vite');
  } catch (error) {
    throw new AppError('server.bundlerMissing', { root: PROJECT_ROOT, detail: detailOf(error) }, [], { cause: error });
  }
  const staging = `${RENDERER_OUT}.${process.pid}.${Date.now()}.tmp`;
  // React's production build, even when a test runner (NODE_ENV=test) triggers the build: Vite
  // and the React plugin read NODE_ENV, and a development bundle is larger and much slower.
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await vite.build({
      configFile: path.join(PROJECT_ROOT, 'vite.config.ts'),
      logLevel: 'error',
      mode: 'production',
      build: { outDir: staging, emptyOutDir: true },
    });
    fs.rmSync(RENDERER_OUT, { recursive: true, force: true });
    try {
      fs.renameSync(staging, RENDERER_OUT);
    } catch (error) {
      // Another build finished first and put its (identical) bundle in place: keep that one.
      if (!fs.existsSync(index)) throw error;
    }
  } catch (error) {
    throw new AppError('server.rendererBuildFailed', { dir: RENDERER_OUT, detail: detailOf(error) }, [], { cause: error });
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
    if (previous === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previous;
  }
  return RENDERER_OUT;
}
