import os from 'node:os';
import path from 'node:path';

/** Electron names the userData folder after package.json's productName. */
export const APP_NAME = 'Briefing Pack Builder';
export const LIBRARY_FILE_NAME = 'library.sqlite';

/**
 * The folder Electron's app.getPath('userData') returns for this app, computed without
 * Electron so the CLI and the desktop app open the same library.
 */
export function userDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = os.homedir(),
): string {
  const join = platform === 'win32' ? path.win32.join : path.posix.join;
  let appData: string;
  if (platform === 'win32') appData = env.APPDATA || join(home, 'AppData', 'Roaming');
  else if (platform === 'darwin') appData = join(home, 'Library', 'Application Support');
  else appData = env.XDG_CONFIG_HOME || join(home, '.config');
  return join(appData, APP_NAME);
}

export function defaultLibraryPath(): string {
  return path.join(userDataDir(), LIBRARY_FILE_NAME);
}

export interface ResolvedLibraryPath {
  path: string;
  /** True for the per-user default: its first use creates it and loads the starter content. */
  isDefault: boolean;
}

/** --db wins over BRIEFING_DB, which wins over the per-user default. */
export function resolveLibraryPath(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): ResolvedLibraryPath {
  if (flag) return { path: path.resolve(flag), isDefault: false };
  if (env.BRIEFING_DB) return { path: path.resolve(env.BRIEFING_DB), isDefault: false };
  return { path: defaultLibraryPath(), isDefault: true };
}
