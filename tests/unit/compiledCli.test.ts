import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module of main/bin, without type declarations
import { freshCompiledCli } from '../../main/bin/compiledCli.mjs';

const fresh = freshCompiledCli as (root: string) => string | null;
const roots: string[] = [];
afterEach(() => roots.splice(0).forEach((r) => fs.rmSync(r, { recursive: true, force: true })));

/** A project with one source and its compiled command line, the source written a minute before. */
function project(): { root: string; source: string; inputs: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'briefing-compiled-'));
  roots.push(root);
  const source = path.join(root, 'main', 'cli', 'runCli.ts');
  fs.mkdirSync(path.dirname(source), { recursive: true });
  fs.writeFileSync(source, 'export {}');
  const past = new Date(Date.now() - 60_000);
  fs.utimesSync(source, past, past);
  fs.mkdirSync(path.join(root, 'out', 'node'), { recursive: true });
  fs.writeFileSync(path.join(root, 'out', 'node', 'cli.mjs'), 'export {}');
  const inputs = path.join(root, 'out', 'node', 'inputs.json');
  fs.writeFileSync(inputs, JSON.stringify({ inputs: ['main/cli/runCli.ts'] }));
  return { root, source, inputs };
}

describe('the compiled command line', () => {
  it('runs while it is newer than every source it was compiled from', () => {
    const { root } = project();
    expect(fresh(root)).toBe(path.join(root, 'out', 'node', 'cli.mjs'));
  });

  it('is stale once a source changes after it', () => {
    const { root, source } = project();
    const later = new Date(Date.now() + 60_000);
    fs.utimesSync(source, later, later);
    expect(fresh(root)).toBeNull();
  });

  it('is not used when a source it lists is gone, the list is damaged or empty, or nothing was compiled', () => {
    const gone = project();
    fs.rmSync(gone.source);
    expect(fresh(gone.root)).toBeNull();

    const damaged = project();
    fs.writeFileSync(damaged.inputs, '{"inputs": [');
    expect(fresh(damaged.root)).toBeNull();

    const empty = project();
    fs.writeFileSync(empty.inputs, '{"inputs": []}');
    expect(fresh(empty.root)).toBeNull();

    const none = project();
    fs.rmSync(path.join(none.root, 'out'), { recursive: true });
    expect(fresh(none.root)).toBeNull();
  });
});
