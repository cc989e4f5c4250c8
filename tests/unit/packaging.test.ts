import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';

const root = path.resolve(import.meta.dirname, '../..');

describe('electron-builder.yml', () => {
  it('is a valid electron-builder configuration with the four targets', async () => {
    const config = await getConfig(root, path.join(root, 'electron-builder.yml'), null);
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    const targets = (x: unknown) => JSON.stringify(x);
    expect(targets(config.linux?.target)).toContain('AppImage');
    expect(targets(config.linux?.target)).toContain('deb');
    expect(targets(config.win?.target)).toContain('nsis');
    expect(targets(config.mac?.target)).toContain('dmg');
    expect(config.npmRebuild).toBe(true);
  });

  it('rejects a misspelled key, so the check above can fail', async () => {
    const config = await getConfig(root, path.join(root, 'electron-builder.yml'), null);
    const broken = { ...config, lnux: { target: ['deb'] } };
    await expect(validateConfiguration(broken as typeof config, new DebugLogger(false))).rejects.toThrow(/lnux/);
  });
});

describe('desktop bundle', () => {
  it('bundles main, the build and import workers, and a preload that requires nothing but electron', () => {
    execFileSync(process.execPath, [path.join(root, 'main/bin/bundle-electron.mjs')], { cwd: root });
    for (const file of ['out/main/index.cjs', 'out/main/buildWorker.cjs', 'out/main/importWorker.cjs', 'out/preload/preload.cjs']) {
      expect(fs.existsSync(path.join(root, file)), file).toBe(true);
    }
    const preload = fs.readFileSync(path.join(root, 'out/preload/preload.cjs'), 'utf8');
    const required = [...preload.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect(preload).toContain('exposeInMainWorld');
    const main = fs.readFileSync(path.join(root, 'out/main/index.cjs'), 'utf8');
    for (const setting of ['contextIsolation: true', 'sandbox: true', 'nodeIntegration: false', 'webviewTag: false']) {
      expect(main).toContain(setting);
    }
  });
});
