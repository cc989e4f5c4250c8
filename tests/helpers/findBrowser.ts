import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Where the end-to-end tests (and the UI bench) find a Chromium or Chrome: the way users have
 * one, never a downloaded browser. An environment variable first, then the usual install
 * locations on Linux, macOS and Windows.
 */
export const BROWSER_ENV = ['BRIEFING_CHROMIUM', 'CHROME_PATH'] as const;

/** Headless, and nothing that reaches the network. */
export const BROWSER_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run'];

export type BrowserFound = { path: string; from: string } | { missing: string };

export interface BrowserSearch {
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  home: string;
  exists(file: string): boolean;
}

const HOST: BrowserSearch = {
  env: process.env,
  platform: process.platform,
  home: os.homedir(),
  exists: (file) => {
    try {
      return fs.statSync(file).isFile();
    } catch {
      return false;
    }
  },
};

/** Windows spells its variables in any case (ProgramFiles, PROGRAMFILES). */
function variable(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const key = Object.keys(env).find((k) => k.toLowerCase() === name.toLowerCase());
  return key ? env[key] || undefined : undefined;
}

export function browserCandidates(search: Pick<BrowserSearch, 'env' | 'platform' | 'home'>): string[] {
  const { env, platform, home } = search;
  if (platform === 'win32') {
    const bases = ['ProgramFiles', 'ProgramFiles(x86)', 'LOCALAPPDATA'].map((v) => variable(env, v)).filter((v): v is string => !!v);
    const apps = ['Google\\Chrome\\Application\\chrome.exe', 'Chromium\\Application\\chrome.exe', 'Microsoft\\Edge\\Application\\msedge.exe'];
    return apps.flatMap((app) => bases.map((base) => path.win32.join(base, app)));
  }
  if (platform === 'darwin') {
    const apps = [
      'Google Chrome.app/Contents/MacOS/Google Chrome',
      'Chromium.app/Contents/MacOS/Chromium',
      'Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ];
    return apps.flatMap((app) => ['/Applications', path.posix.join(home, 'Applications')].map((dir) => path.posix.join(dir, app)));
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/opt/google/chrome/chrome',
    '/snap/bin/chromium',
    '/usr/bin/microsoft-edge',
  ];
}

const INSTALL_HINT =
  'install Chromium or Google Chrome (Debian/Ubuntu: sudo apt install chromium; macOS and Windows: Google Chrome), or set BRIEFING_CHROMIUM to its executable';

export function findBrowser(search: BrowserSearch = HOST): BrowserFound {
  for (const name of BROWSER_ENV) {
    const given = variable(search.env, name);
    if (!given) continue;
    if (search.exists(given)) return { path: given, from: name };
    // A variable that names nothing is a mistake to report, not a reason to look elsewhere.
    return { missing: `${name} is set to ${given}, which is not a file: point it to a Chromium or Chrome executable` };
  }
  const found = browserCandidates(search).find((candidate) => search.exists(candidate));
  if (found) return { path: found, from: 'install location' };
  return { missing: `no Chromium or Chrome found: ${INSTALL_HINT}` };
}

/** Under CI a missing browser fails the end-to-end tests; elsewhere they are skipped. */
export function runBrowserTests(found: BrowserFound = findBrowser(), env: NodeJS.ProcessEnv = process.env): boolean {
  return 'path' in found || env.CI === 'true';
}

/** The one line printed when the end-to-end tests do not run (or, under CI, will fail). */
export function browserNotice(found: BrowserFound = findBrowser(), env: NodeJS.ProcessEnv = process.env): string | null {
  if ('path' in found) return null;
  return env.CI === 'true'
    ? `[end-to-end tests will fail: CI=true] ${found.missing}`
    : `[end-to-end browser tests skipped] ${found.missing}`;
}
