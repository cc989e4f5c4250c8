import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * `npm test` on a machine without Chromium or Chrome: the browser suites are skipped with one
 * printed line, except under CI=true, where they fail. The suites run in a child vitest with
 * BRIEFING_CHROMIUM pointing nowhere (the way to describe a machine without a browser here).
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const E2E = ['tests/e2e/browser.test.ts', 'tests/e2e/translate.test.ts', 'tests/e2e/localhost.test.ts'];

function vitest(env: NodeJS.ProcessEnv) {
  const { VITEST_JSON_REPORT: _report, CI: _ci, ...rest } = process.env;
  const result = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', ...E2E], {
    cwd: ROOT,
    env: { ...rest, BRIEFING_CHROMIUM: path.join(ROOT, 'no-such-browser'), NO_COLOR: '1', ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('end-to-end tests without a browser', () => {
  it('are skipped with one line saying what to do', () => {
    const { code, output } = vitest({});
    expect(code, output).toBe(0);
    const notices = output.split('\n').filter((line) => line.includes('[end-to-end browser tests skipped]'));
    expect(notices).toEqual([`[end-to-end browser tests skipped] BRIEFING_CHROMIUM is set to ${path.join(ROOT, 'no-such-browser')}, which is not a file: point it to a Chromium or Chrome executable`]);
    expect(output).toMatch(/Tests\s+\d+ skipped/);
    expect(output).not.toMatch(/\d+ passed/);
  });

  it('fail under CI=true', () => {
    const { code, output } = vitest({ CI: 'true' });
    expect(code).toBe(1);
    expect(output).toContain('[end-to-end tests will fail: CI=true]');
    expect(output).toMatch(/failed/);
  });
});
