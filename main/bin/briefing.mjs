#!/usr/bin/env node
// Runs the TypeScript CLI directly through tsx, so `npx briefing` works right after `npm ci`.
import { register } from 'tsx/esm/api';

register();
// `briefing list … | head` closes the pipe early: that is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}
const { runCli } = await import('../cli/runCli.ts');
const code = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
});
process.exitCode = code;
