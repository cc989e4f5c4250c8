#!/usr/bin/env node
// The command line: the code compiled by `npm ci` (out/node) when it is up to date with its
// sources, else the TypeScript directly through tsx, so `npx briefing` works in every case.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { freshCompiledCli } from './compiledCli.mjs';

// `briefing list … | head` closes the pipe early: that is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}
const compiled = process.env.BRIEFING_RUN_TS ? null : freshCompiledCli(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..'));
let runCli;
if (compiled) {
  // --debug prints stack traces: let them name the TypeScript sources (the maps load only then).
  if (process.argv.includes('--debug')) process.setSourceMapsEnabled(true);
  ({ runCli } = await import(pathToFileURL(compiled).href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ runCli } = await import('../cli/runCli.ts'));
}
const code = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
});
process.exitCode = code;
