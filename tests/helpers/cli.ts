import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../main/cli/runCli';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `briefing …` in-process with captured output; env defaults to English messages. */
export async function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    env: { BRIEFING_LOCALE: 'en', ...env },
  });
  return { code, stdout, stderr };
}

/** A fresh temporary folder, removed when the test file finishes. */
export function tempDir(prefix = 'briefing-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}
