import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * `npm test` on a machine without qpdf, Poppler or xmllint: the files that run them are left
 * out with one printed line saying what to install, except under CI=true, where they fail. A
 * child vitest runs with a PATH that holds only node (the way to describe such a machine here).
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const NEEDS_XMLLINT = 'tests/integration/xliffEnrichment.test.ts';
const NEEDS_NOTHING = 'tests/unit/findBrowser.test.ts';

const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'briefing-bare-path-'));
fs.symlinkSync(process.execPath, path.join(bin, 'node'));
afterAll(() => fs.rmSync(bin, { recursive: true, force: true }));

function vitest(env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  const { VITEST_JSON_REPORT: _report, CI: _ci, ...rest } = process.env;
  const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', NEEDS_XMLLINT, NEEDS_NOTHING], {
    cwd: ROOT,
    env: { ...rest, PATH: bin, NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 110_000,
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, output })));
}

const runs = { local: vitest({}), ci: vitest({ CI: 'true' }) };

describe('tests that run qpdf, Poppler or xmllint on a machine without them', () => {
  it('are left out with one line saying what to install; the others run', async () => {
    const { code, output } = await runs.local;
    expect(code, output).toBe(0);
    const notices = output.split('\n').filter((line) => line.startsWith('[tests skipped:'));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/^\[tests skipped: qpdf, pdftoppm, pdfinfo, xmllint not found\] \d+ test files need qpdf, pdftoppm, pdfinfo, xmllint: install them \(Debian\/Ubuntu: sudo apt install qpdf poppler-utils libxml2-utils;/);
    expect(notices[0]).toContain(NEEDS_XMLLINT);
    expect(output).toContain(NEEDS_NOTHING);
    expect(output).not.toMatch(/xliffEnrichment\.test\.ts \(/);
    expect(output).toMatch(/Test Files\s+1 passed \(1\)/);
  }, 120_000);

  it('fail under CI=true, after saying so', async () => {
    const { code, output } = await runs.ci;
    expect(code).toBe(1);
    expect(output).toContain('[tests will fail: CI=true]');
    expect(output).toMatch(/xliffEnrichment\.test\.ts.*failed|FAIL\s+tests\/integration\/xliffEnrichment/);
  }, 120_000);
});
