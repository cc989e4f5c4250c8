// Whether the compiled command line in out/node may run: it exists and no file it was compiled
// from changed since (an edited source falls back to running the TypeScript through tsx).
import fs from 'node:fs';
import path from 'node:path';

export const COMPILED_DIR = path.join('out', 'node');
export const INPUTS_FILE = 'inputs.json';

/** The compiled CLI's path under `root`, or null when it is missing or older than a source. */
export function freshCompiledCli(root) {
  const dir = path.join(root, COMPILED_DIR);
  try {
    const cli = path.join(dir, 'cli.mjs');
    const builtAt = fs.statSync(path.join(dir, INPUTS_FILE)).mtimeMs;
    const { inputs } = JSON.parse(fs.readFileSync(path.join(dir, INPUTS_FILE), 'utf8'));
    if (!fs.existsSync(cli) || !Array.isArray(inputs) || inputs.length === 0) return null;
    for (const input of inputs) {
      if (fs.statSync(path.join(root, input)).mtimeMs > builtAt) return null;
    }
    return cli;
  } catch {
    // Missing, half-written or from another layout: the TypeScript runs instead.
    return null;
  }
}
