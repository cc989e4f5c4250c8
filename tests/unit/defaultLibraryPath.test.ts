import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  APP_NAME,
  defaultLibraryPath,
  LIBRARY_FILE_NAME,
  resolveLibraryPath,
  userDataDir,
} from '../../main/db/defaultLibraryPath';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('userDataDir follows Electron’s app.getPath("userData")', () => {
  it('is named after package.json’s productName', async () => {
    const pkg = (await import('../../package.json', { with: { type: 'json' } })).default as { productName: string };
    expect(APP_NAME).toBe(pkg.productName);
    expect(APP_NAME).toBe('Briefing Pack Builder');
  });

  it('linux: $XDG_CONFIG_HOME/<app> when XDG_CONFIG_HOME is set', () => {
    expect(userDataDir('linux', { XDG_CONFIG_HOME: '/custom/config' }, '/home/ana')).toBe('/custom/config/Briefing Pack Builder');
  });

  it('linux: ~/.config/<app> when XDG_CONFIG_HOME is unset or empty', () => {
    expect(userDataDir('linux', {}, '/home/ana')).toBe('/home/ana/.config/Briefing Pack Builder');
    expect(userDataDir('linux', { XDG_CONFIG_HOME: '' }, '/home/ana')).toBe('/home/ana/.config/Briefing Pack Builder');
    expect(userDataDir('freebsd', {}, '/home/ana')).toBe('/home/ana/.config/Briefing Pack Builder');
  });

  it('darwin: ~/Library/Application Support/<app>, whatever XDG_CONFIG_HOME says', () => {
    expect(userDataDir('darwin', {}, '/Users/ana')).toBe('/Users/ana/Library/Application Support/Briefing Pack Builder');
    expect(userDataDir('darwin', { XDG_CONFIG_HOME: '/x' }, '/Users/ana')).toBe(
      '/Users/ana/Library/Application Support/Briefing Pack Builder',
    );
  });

  it('win32: %APPDATA%\\<app> with Windows separators', () => {
    expect(userDataDir('win32', { APPDATA: 'C:\\Users\\Ana\\AppData\\Roaming' }, 'C:\\Users\\Ana')).toBe(
      'C:\\Users\\Ana\\AppData\\Roaming\\Briefing Pack Builder',
    );
  });

  it('win32: <home>\\AppData\\Roaming\\<app> when APPDATA is unset', () => {
    expect(userDataDir('win32', {}, 'C:\\Users\\Ana')).toBe('C:\\Users\\Ana\\AppData\\Roaming\\Briefing Pack Builder');
  });

  it('win32: an empty APPDATA falls back like an unset one (never a relative path)', () => {
    const dir = userDataDir('win32', { APPDATA: '' }, 'C:\\Users\\Ana');
    expect(dir).toBe('C:\\Users\\Ana\\AppData\\Roaming\\Briefing Pack Builder');
    expect(path.win32.isAbsolute(dir)).toBe(true);
  });

  it('defaults to this machine’s platform, environment and home', () => {
    vi.stubEnv('XDG_CONFIG_HOME', '/stubbed/xdg');
    vi.stubEnv('APPDATA', 'C:\\Stubbed');
    expect(userDataDir()).toBe(userDataDir(process.platform, process.env, os.homedir()));
    expect(defaultLibraryPath()).toBe(path.join(userDataDir(), LIBRARY_FILE_NAME));
    if (process.platform === 'linux') expect(defaultLibraryPath()).toBe('/stubbed/xdg/Briefing Pack Builder/library.sqlite');
  });
});

describe('resolveLibraryPath', () => {
  it('--db wins over BRIEFING_DB, which wins over the per-user default', () => {
    vi.stubEnv('XDG_CONFIG_HOME', '/stubbed/xdg');
    expect(resolveLibraryPath('/a/flag.sqlite', { BRIEFING_DB: '/b/env.sqlite' })).toEqual({ path: '/a/flag.sqlite', isDefault: false });
    expect(resolveLibraryPath(undefined, { BRIEFING_DB: '/b/env.sqlite' })).toEqual({ path: '/b/env.sqlite', isDefault: false });
    expect(resolveLibraryPath(undefined, {})).toEqual({ path: defaultLibraryPath(), isDefault: true });
  });

  it('ignores an empty --db or BRIEFING_DB', () => {
    expect(resolveLibraryPath('', { BRIEFING_DB: '/b/env.sqlite' })).toEqual({ path: '/b/env.sqlite', isDefault: false });
    expect(resolveLibraryPath(undefined, { BRIEFING_DB: '' })).toEqual({ path: defaultLibraryPath(), isDefault: true });
  });

  it('makes relative paths absolute, from the working directory', () => {
    expect(resolveLibraryPath('lib.sqlite', {})).toEqual({ path: path.resolve('lib.sqlite'), isDefault: false });
    expect(resolveLibraryPath(undefined, { BRIEFING_DB: 'sub/lib.sqlite' }).path).toBe(path.resolve('sub/lib.sqlite'));
    expect(path.isAbsolute(resolveLibraryPath('x.sqlite', {}).path)).toBe(true);
  });

  it('reads BRIEFING_DB from the process environment by default', () => {
    vi.stubEnv('BRIEFING_DB', '/from/process.sqlite');
    expect(resolveLibraryPath(undefined)).toEqual({ path: '/from/process.sqlite', isDefault: false });
  });
});
