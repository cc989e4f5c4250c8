import { describe, expect, it } from 'vitest';
import { browserCandidates, browserNotice, findBrowser, runBrowserTests, type BrowserSearch } from '../../tests/helpers/findBrowser';

/** A machine described by what exists on it. */
function machine(platform: NodeJS.Platform, files: string[], env: NodeJS.ProcessEnv = {}, home = '/home/ana'): BrowserSearch {
  const present = new Set(files);
  return { platform, env, home, exists: (file) => present.has(file) };
}

describe('finding a browser the way users have one', () => {
  it('takes BRIEFING_CHROMIUM first, then CHROME_PATH', () => {
    const files = ['/opt/my chrome/chrome', '/usr/bin/chromium', '/usr/bin/chrome-dev'];
    expect(findBrowser(machine('linux', files, { BRIEFING_CHROMIUM: '/opt/my chrome/chrome', CHROME_PATH: '/usr/bin/chrome-dev' }))).toEqual({
      path: '/opt/my chrome/chrome',
      from: 'BRIEFING_CHROMIUM',
    });
    expect(findBrowser(machine('linux', files, { CHROME_PATH: '/usr/bin/chrome-dev' }))).toEqual({ path: '/usr/bin/chrome-dev', from: 'CHROME_PATH' });
  });

  it('says so when the variable names nothing, rather than quietly using another browser', () => {
    const found = findBrowser(machine('linux', ['/usr/bin/chromium'], { BRIEFING_CHROMIUM: '/nowhere/chrome' }));
    expect(found).toEqual({ missing: 'BRIEFING_CHROMIUM is set to /nowhere/chrome, which is not a file: point it to a Chromium or Chrome executable' });
  });

  it('looks where Linux distributions, macOS and Windows install Chromium and Chrome', () => {
    expect(findBrowser(machine('linux', ['/usr/bin/google-chrome-stable']))).toMatchObject({ path: '/usr/bin/google-chrome-stable' });
    expect(findBrowser(machine('linux', ['/snap/bin/chromium']))).toMatchObject({ path: '/snap/bin/chromium' });
    expect(findBrowser(machine('darwin', ['/Users/ana/Applications/Chromium.app/Contents/MacOS/Chromium'], {}, '/Users/ana'))).toMatchObject({
      path: '/Users/ana/Applications/Chromium.app/Contents/MacOS/Chromium',
    });
    expect(findBrowser(machine('darwin', ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome']))).toMatchObject({
      path: '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    });
    const windowsEnv = { PROGRAMFILES: 'C:\\Program Files', 'ProgramFiles(x86)': 'C:\\Program Files (x86)', LocalAppData: 'C:\\Users\\Ana Pérez\\AppData\\Local' };
    expect(findBrowser(machine('win32', ['C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe'], windowsEnv))).toMatchObject({
      path: 'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
    });
    expect(findBrowser(machine('win32', ['C:\\Users\\Ana Pérez\\AppData\\Local\\Chromium\\Application\\chrome.exe'], windowsEnv))).toMatchObject({
      path: 'C:\\Users\\Ana Pérez\\AppData\\Local\\Chromium\\Application\\chrome.exe',
    });
    // Chrome or Chromium before Edge, which every Windows has.
    const both = ['C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe', 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe'];
    expect(findBrowser(machine('win32', both, windowsEnv))).toMatchObject({ path: both[0] });
    expect(browserCandidates({ platform: 'win32', env: {}, home: 'C:\\Users\\x' })).toEqual([]);
  });

  it('says in one line what to install when there is none', () => {
    const found = findBrowser(machine('linux', []));
    expect('missing' in found && found.missing).toMatch(/^no Chromium or Chrome found: install .*apt install chromium.*BRIEFING_CHROMIUM/);
    const notice = browserNotice(found, {});
    expect(notice).toMatch(/^\[end-to-end browser tests skipped\] no Chromium/);
    expect(notice).not.toContain('\n');
    expect(browserNotice({ path: '/usr/bin/chromium', from: 'install location' }, {})).toBeNull();
  });

  it('skips the browser tests without a browser, except under CI where they must run (and fail)', () => {
    const missing = { missing: 'no Chromium or Chrome found' };
    expect(runBrowserTests(missing, {})).toBe(false);
    expect(runBrowserTests(missing, { CI: 'true' })).toBe(true);
    expect(runBrowserTests({ path: '/usr/bin/chromium', from: 'install location' }, {})).toBe(true);
    expect(browserNotice(missing, { CI: 'true' })).toMatch(/^\[end-to-end tests will fail: CI=true\]/);
  });
});
