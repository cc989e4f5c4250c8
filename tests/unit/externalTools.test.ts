import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { excludedForTools, hasTool, planTools, toolsNotice, toolsUsedBy, type ToolSearch } from '../helpers/externalTools';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** A machine described by the executables on it. */
function machine(platform: NodeJS.Platform, files: string[], env: NodeJS.ProcessEnv): ToolSearch {
  const present = new Set(files);
  return { platform, env, isExecutable: (file) => present.has(file) };
}

// Built from parts, so this file's own source does not read as running the tools.
const run = (call: string, tool: string) => `${call}('${tool}', ['--check', file]);`;

describe('the programs some tests run (qpdf, Poppler, xmllint)', () => {
  it('are looked for on the PATH, with Windows extensions', () => {
    expect(hasTool('qpdf', machine('linux', ['/opt/q/bin/qpdf'], { PATH: '/usr/bin:/opt/q/bin' }))).toBe(true);
    expect(hasTool('qpdf', machine('linux', ['/usr/bin/qpdf'], { PATH: '/opt/q/bin' }))).toBe(false);
    expect(hasTool('qpdf', machine('linux', [], {}))).toBe(false);
    const win = machine('win32', ['C:\\Program Files\\qpdf\\bin\\qpdf.exe'], { Path: 'C:\\Windows;C:\\Program Files\\qpdf\\bin', PATHEXT: '.COM;.EXE' });
    expect(hasTool('qpdf', win)).toBe(true);
    expect(hasTool('xmllint', win)).toBe(false);
  });

  it('are read from a test file’s source: direct calls and the helpers that run one', () => {
    expect(toolsUsedBy(run('execFileSync', 'qpdf'))).toEqual(['qpdf']);
    expect(toolsUsedBy(`${run('spawnSync', 'xmllint')}\n${run('execFileSync', 'pdfinfo')}`)).toEqual(['pdfinfo', 'xmllint']);
    expect(toolsUsedBy(`import { renderPage } from '../helpers/${'visual'}';`)).toEqual(['pdftoppm']);
    expect(toolsUsedBy(`${run('execFileSync', 'mount')}\n${run('spawn', 'node')}\nconst qpdf = 1;`)).toEqual([]);
  });

  it('find the test files of this project that need a missing one', () => {
    const bare = planTools(ROOT, machine('linux', [], { PATH: '/nowhere' }));
    expect(bare.missing).toEqual(['qpdf', 'pdftoppm', 'pdfinfo', 'xmllint']);
    expect(bare.files).toEqual(expect.arrayContaining(['tests/pdf/taggedPdf.test.ts', 'tests/pdf/visual.test.ts', 'tests/integration/termsTbx.test.ts']));
    expect(bare.files).not.toContain('tests/unit/externalTools.test.ts');
    const onlyXmllint = planTools(ROOT, machine('linux', ['/b/qpdf', '/b/pdftoppm', '/b/pdfinfo'], { PATH: '/b' }));
    expect(onlyXmllint.missing).toEqual(['xmllint']);
    expect(onlyXmllint.files).toContain('tests/integration/termsTbx.test.ts');
    expect(onlyXmllint.files).not.toContain('tests/pdf/taggedPdf.test.ts');
    const all = planTools(ROOT, machine('linux', ['/b/qpdf', '/b/pdftoppm', '/b/pdfinfo', '/b/xmllint'], { PATH: '/b' }));
    expect(all).toEqual({ missing: [], files: [] });
  });

  it('say in one line what to install; those files are left out, except under CI where they must run', () => {
    const plan = { missing: ['qpdf', 'pdfinfo'] as const, files: ['tests/pdf/a.test.ts', 'tests/pdf/b.test.ts'] };
    const local = toolsNotice({ ...plan, missing: [...plan.missing] }, {})!;
    expect(local).not.toContain('\n');
    expect(local).toMatch(/^\[tests skipped: qpdf, pdfinfo not found\] 2 test files need qpdf, pdfinfo: install them \(Debian\/Ubuntu: sudo apt install qpdf poppler-utils; macOS: brew install qpdf poppler;/);
    expect(local).toContain('skipped: tests/pdf/a.test.ts, tests/pdf/b.test.ts');
    expect(toolsNotice({ ...plan, missing: [...plan.missing] }, { CI: 'true' })).toMatch(/^\[tests will fail: CI=true\] 2 test files need qpdf, pdfinfo/);
    expect(toolsNotice({ missing: [], files: [] }, {})).toBeNull();
    expect(excludedForTools({ missing: ['qpdf'], files: ['x.test.ts'] }, {})).toEqual(['x.test.ts']);
    expect(excludedForTools({ missing: ['qpdf'], files: ['x.test.ts'] }, { CI: 'true' })).toEqual([]);
  });
});
