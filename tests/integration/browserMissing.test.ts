import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * `npm test` on a machine without Chromium or Chrome: the browser suites are skipped with one
 * printed line, except under CI=true, where they fail. The suites run in a child vitest with
 * BRIEFING_CHROMIUM pointing nowhere (the way to describe a machine without a browser here).
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const E2E = ['tests/e2e/browser.test.ts', 'tests/e2e/translate.test.ts', 'tests/e2e/localhost.test.ts'];

/** A child `vitest run` of the browser suites; both runs start at once, to keep the suite fast. */
function vitest(env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  const { VITEST_JSON_REPORT: _report, CI: _ci, ...rest } = process.env;
  const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', ...E2E], {
    cwd: ROOT,
    env: { ...rest, BRIEFING_CHROMIUM: path.join(ROOT, 'no-such-browser'), NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 110_000,
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, output })));
}

const runs = { local: vitest({}), ci: vitest({ CI: 'true' }) };

describe('end-to-end tests without a browser', () => {
  it('are skipped with one line saying what to do', async () => {
    const { code, output } = await runs.local;
    expect(code, output).toBe(0);
    const notices = output.split('\n').filter((line) => line.includes('[end-to-end browser tests skipped]'));
    expect(notices).toEqual([`[end-to-end browser tests skipped] BRIEFING_CHROMIUM is set to ${path.join(ROOT, 'no-such-browser')}, which is not a file: point it to a Chromium or Chrome executable`]);
    expect(output).toMatch(/Tests\s+\d+ skipped/);
    expect(output).not.toMatch(/\d+ passed/);
  }, 120_000);

  it('fail under CI=true', async () => {
    const { code, output } = await runs.ci;
    expect(code).toBe(1);
    expect(output).toContain('[end-to-end tests will fail: CI=true]');
    expect(output).toMatch(/failed/);
  }, 120_000);
});
