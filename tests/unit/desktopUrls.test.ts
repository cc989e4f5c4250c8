import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { APP_INDEX_URL, appFileFor, isAppPage, serveAppRequest } from '../../main/electron/appProtocol';
import { bundledWorkerUrl } from '../../main/electron/bundledWorkerUrl';
import { staticFileFor } from '../../main/server/staticContent';

/**
 * The desktop shell's URLs, in plain Node (no Electron binary here). Install folders are what
 * users get: default paths with spaces, accented user names, Windows backslashes, and a `#`.
 */
const POSIX_ROOT = '/opt/Briefing Pack Builder/Ana Pérez #2/resources/app.asar/out/renderer';
const WINDOWS_ROOT = 'C:\\Users\\Ana Pérez\\AppData\\Local\\Programs\\Briefing Pack Builder #2\\resources\\app.asar\\out\\renderer';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

/** A real folder whose name holds a space, an accent and a `#`. */
function awkwardDir(): string {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'briefing-url-'));
  made.push(base);
  const dir = path.join(base, 'App Dir', 'sub é #1');
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

describe('the IPC sender check and the navigation guard (isAppPage)', () => {
  it('accept our page whatever its hash or query, which are the page’s own state', () => {
    for (const url of [APP_INDEX_URL, `${APP_INDEX_URL}#/packs/panama-2025`, `${APP_INDEX_URL}?lang=fr#x`, 'app://bundle/', 'APP://BUNDLE/index.html']) {
      expect(isAppPage(url), url).toBe(true);
    }
  });

  it('refuse every other page, scheme and host, and what is not a URL', () => {
    for (const url of [
      'app://bundle/other.html',
      'app://bundle/index.html/x',
      'app://evil/index.html',
      'app://bundle.evil/index.html',
      'https://bundle/index.html',
      'file:///opt/Briefing%20Pack%20Builder/out/renderer/index.html',
      'about:blank',
      'javascript:alert(1)',
      'not a url',
      '',
      null,
      undefined,
    ]) {
      expect(isAppPage(url), String(url)).toBe(false);
    }
  });
});

describe('app:// requests map to renderer files (appFileFor)', () => {
  it('finds files under a POSIX install folder with spaces, an accent and #', () => {
    expect(appFileFor('app://bundle/', POSIX_ROOT, path.posix)).toBe(`${POSIX_ROOT}/index.html`);
    expect(appFileFor(APP_INDEX_URL, POSIX_ROOT, path.posix)).toBe(`${POSIX_ROOT}/index.html`);
    expect(appFileFor('app://bundle/assets/index-B1x.js?v=1#h', POSIX_ROOT, path.posix)).toBe(`${POSIX_ROOT}/assets/index-B1x.js`);
    expect(appFileFor('app://bundle/assets/a%20b%23c%C3%A9.js', POSIX_ROOT, path.posix)).toBe(`${POSIX_ROOT}/assets/a b#cé.js`);
  });

  it('finds files under a Windows install folder, with Windows separators', () => {
    expect(appFileFor(APP_INDEX_URL, WINDOWS_ROOT, path.win32)).toBe(`${WINDOWS_ROOT}\\index.html`);
    expect(appFileFor('app://bundle/assets/pdf.worker-x.mjs', WINDOWS_ROOT, path.win32)).toBe(`${WINDOWS_ROOT}\\assets\\pdf.worker-x.mjs`);
  });

  it('never leaves the renderer folder, on either platform', () => {
    const attempts = [
      'app://bundle/..%2f..%2fpackage.json',
      'app://bundle/..%5c..%5cpackage.json',
      'app://bundle/assets\\..\\..\\package.json',
      'app://bundle/index.html%00.js',
      'app://bundle/%',
      'app://bundle/%E0%A4%A',
      'app://other/index.html',
      'file:///etc/passwd',
    ];
    for (const attempt of attempts) {
      expect(appFileFor(attempt, POSIX_ROOT, path.posix), attempt).toBeNull();
      expect(appFileFor(attempt, WINDOWS_ROOT, path.win32), attempt).toBeNull();
    }
    // A drive or a stream name is a way out on Windows only.
    for (const attempt of ['app://bundle/C:%5cWindows%5cwin.ini', 'app://bundle/c:/Windows/win.ini', 'app://bundle/index.html:secret']) {
      expect(appFileFor(attempt, WINDOWS_ROOT, path.win32), attempt).toBeNull();
    }
    // Dot segments, even encoded, are resolved by the URL parser itself: they stay inside.
    expect(appFileFor('app://bundle/../../etc/passwd', POSIX_ROOT, path.posix)).toBe(`${POSIX_ROOT}/etc/passwd`);
    expect(appFileFor('app://bundle/%2e%2e/%2E%2E/package.json', WINDOWS_ROOT, path.win32)).toBe(`${WINDOWS_ROOT}\\package.json`);
  });

  it('shares its rules with browser mode’s static files', () => {
    expect(staticFileFor('/assets/x.css', POSIX_ROOT, path.posix)).toBe(`${POSIX_ROOT}/assets/x.css`);
    expect(staticFileFor('/%2e%2e/x', POSIX_ROOT, path.posix)).toBeNull();
  });
});

describe('serveAppRequest', () => {
  it('answers from a real folder with a space, an accent and #: type and CSP on every answer', async () => {
    const root = awkwardDir();
    fs.mkdirSync(path.join(root, 'assets'));
    fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>t</title>');
    fs.writeFileSync(path.join(root, 'assets', 'app é.js'), 'export {};');
    const page = await serveAppRequest(`${APP_INDEX_URL}#/library`, root);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('<title>t</title>');
    const script = await serveAppRequest('app://bundle/assets/app%20%C3%A9.js', root);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    for (const missing of ['app://bundle/nothing.js', 'app://bundle/%2e%2e/%2e%2e/etc/passwd', 'app://bundle/assets']) {
      const res = await serveAppRequest(missing, root);
      expect(res.status, missing).toBe(404);
      expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    }
  });
});

describe('file URLs of bundled workers (bundledWorkerUrl)', () => {
  it('round-trips POSIX and Windows install paths with spaces, accents, backslashes and #', () => {
    const posix = bundledWorkerUrl('/opt/Briefing Pack Builder/Ana Pérez #2/resources/app.asar', 'buildWorker.cjs', false);
    expect(posix.href).toBe('file:///opt/Briefing%20Pack%20Builder/Ana%20P%C3%A9rez%20%232/resources/app.asar/out/main/buildWorker.cjs');
    expect(posix.hash).toBe('');
    expect(fileURLToPath(posix, { windows: false })).toBe('/opt/Briefing Pack Builder/Ana Pérez #2/resources/app.asar/out/main/buildWorker.cjs');
    const windows = bundledWorkerUrl('C:\\Program Files\\Briefing Pack Builder #2\\resources\\app.asar', 'buildWorker.cjs', true);
    expect(windows.href).toBe('file:///C:/Program%20Files/Briefing%20Pack%20Builder%20%232/resources/app.asar/out/main/buildWorker.cjs');
    expect(fileURLToPath(windows, { windows: true })).toBe('C:\\Program Files\\Briefing Pack Builder #2\\resources\\app.asar\\out\\main\\buildWorker.cjs');
    // What string concatenation did: everything after the # became a fragment, the file was lost.
    const glued = new URL(`file://${'/opt/Briefing Pack Builder #2/out/main/buildWorker.cjs'}`);
    expect(glued.hash).not.toBe('');
  });

  it('starts a real worker from a folder with a space, an accent and #', async () => {
    const appRoot = awkwardDir();
    fs.mkdirSync(path.join(appRoot, 'out', 'main'), { recursive: true });
    fs.writeFileSync(
      path.join(appRoot, 'out', 'main', 'echo.cjs'),
      "require('node:worker_threads').parentPort.on('message', (m) => require('node:worker_threads').parentPort.postMessage(m + 1));",
    );
    const worker = new Worker(bundledWorkerUrl(appRoot, 'echo.cjs'));
    try {
      const answer = await new Promise((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
        worker.postMessage(41);
      });
      expect(answer).toBe(42);
    } finally {
      await worker.terminate();
    }
  });
});

describe('no file URL is glued from a path', () => {
  it('main/ builds file URLs only through pathToFileURL (no "file://" in code)', () => {
    const root = path.resolve(import.meta.dirname, '../../main');
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/\.(ts|mts|mjs|cjs|js)$/.test(entry.name)) {
          const code = fs.readFileSync(full, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
          if (/file:\/\//.test(code)) offenders.push(path.relative(root, full));
        }
      }
    };
    walk(root);
    expect(offenders).toEqual([]);
  });
});
