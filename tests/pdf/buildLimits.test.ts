import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { PackBuildService } from '../../main/pdf/PackBuildService';
import { tempDir } from '../helpers/cli';
import { hostileDocument, note } from '../helpers/hostileDocument';
import { StarterTemplate } from '../helpers/library';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const starter = new StarterTemplate();
const service = new PackBuildService(1);
afterAll(() => service.close());

function runCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'main/bin/briefing.mjs'), ...args], {
      env: { ...process.env, BRIEFING_LOCALE: 'en', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c));
    child.stderr.on('data', (c: Buffer) => (stderr += c));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('a build time limit per edition', () => {
  it('stops the worker and names the piece being laid out; the next build works', async () => {
    const small = hostileDocument([note('note-small', 'Small', 'A short body.')]);
    const out = tempDir();
    // Warm: the worker has loaded the engine and fonts before the limited build starts.
    await service.build(small, { pack: 'hostile', mode: 'en', out: path.join(out, 'warm.pdf') });
    const slow = hostileDocument([note('note-cjk', 'CJK', '漢'.repeat(200_000))]);
    await expect(service.build(slow, { pack: 'hostile', mode: 'en', out: path.join(out, 'slow.pdf'), editionTimeLimitMs: 2_000 })).rejects.toMatchObject({
      code: 'build.tooSlow',
      params: { edition: 'en', seconds: 2, piece: 'note-cjk', field: 'body' },
    });
    expect(fs.existsSync(path.join(out, 'slow.pdf'))).toBe(false);
    const again = await service.build(small, { pack: 'hostile', mode: 'en', out: path.join(out, 'again.pdf') });
    expect(again.files[0]!.pages).toBeGreaterThan(0);
  }, 120_000);
});

describe('the CLI and its workers', () => {
  it('--time-limit: a clear message and exit code 1', async () => {
    const db = await starter.copy();
    const result = await runCli(['build', '--pack', 'panama-2025', '--lang', 'en', '--out', tempDir(), '--db', db, '--time-limit', '0.05']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^The en edition took more than 0\.1 seconds/);
    expect(result.stderr).not.toMatch(/Unexpected/);
  }, 120_000);

  it('a worker that dies (out of memory) is a clear message and exit code 1, not a silent exit', async () => {
    const db = await starter.copy();
    const out = tempDir();
    const result = await runCli(['build', '--pack', 'panama-2025', '--lang', 'all', '--out', out, '--db', db], { BRIEFING_BUILD_HEAP_MB: '12' });
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toMatch(/^The (en|fr|es) edition needed more than 12 MB of memory, so its build was stopped; no file was written\./);
    expect(fs.readdirSync(out)).toEqual([]);
  }, 120_000);

  it('rejects a time limit that is not a number of seconds', async () => {
    const result = await runCli(['build', '--pack', 'x', '--lang', 'en', '--out', tempDir(), '--time-limit', 'soon']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('"soon" is not a time limit');
  });
});
