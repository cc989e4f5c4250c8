import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);

/**
 * The Electron binary is downloaded at first launch (Electron 45), which needs the internet.
 * Where it is absent these tests are skipped, and say why; they never fake it.
 */
function electronBinary(): { path: string } | { reason: string } {
  const dir = path.dirname(require.resolve('electron/package.json'));
  const pathFile = path.join(dir, 'path.txt');
  if (!fs.existsSync(pathFile)) return { reason: 'the Electron binary was never downloaded (node_modules/electron/path.txt is missing); this machine has no internet access to fetch it' };
  const binary = path.join(dir, 'dist', fs.readFileSync(pathFile, 'utf8'));
  if (!fs.existsSync(binary)) return { reason: `the Electron binary is missing at ${binary}` };
  return { path: binary };
}

const found = electronBinary();
if ('reason' in found) console.log(`[electron tests skipped] ${found.reason}`);

describe.skipIf('reason' in found)('desktop app (Electron)', () => {
  it('opens one hardened window whose renderer has the api object and no Node', async () => {
    const { _electron } = await import('playwright-core');
    const { execFileSync } = await import('node:child_process');
    execFileSync('npm', ['run', 'build:app'], { cwd: root, stdio: 'ignore' });
    const userData = fs.mkdtempSync(path.join(root, '.electron-test-'));
    const app = await _electron.launch({
      executablePath: (found as { path: string }).path,
      args: [root, `--user-data-dir=${userData}`],
    });
    try {
      const win = await app.firstWindow();
      expect(await win.title()).toBe('Briefing Pack Builder');
      expect(await win.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
      expect(await win.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
      const channels = await win.evaluate(() => Object.keys((globalThis as unknown as { api: object }).api));
      expect(channels).toContain('library.list');
      const result = await win.evaluate(() =>
        (globalThis as unknown as { api: { 'library.list': (i: unknown) => Promise<{ ok: boolean }> } }).api['library.list']({ kind: 'priorities', locale: 'fr' }),
      );
      expect(result.ok).toBe(true);
      await win.evaluate(() => window.location.assign('https://example.org/'));
      expect(win.url()).toMatch(/^app:\/\/bundle\/index.html/);
    } finally {
      await app.close();
      fs.rmSync(userData, { recursive: true, force: true });
    }
  });
});

