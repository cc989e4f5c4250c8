import { runCli } from '../../main/cli/runCli';

/**
 * `briefing …` as a fresh process, reporting its own peak RSS on the last stderr line:
 * run by the benchmark through main/bin/run-ts.mjs, exactly as main/bin/briefing.mjs runs the CLI.
 */
const code = await runCli(process.argv.slice(2), {
  stdout: () => undefined,
  stderr: (s) => process.stderr.write(s),
  env: process.env,
});
process.stderr.write(`\nBENCH ${JSON.stringify({ code, maxRssKb: process.resourceUsage().maxRSS })}\n`);
process.exitCode = code;
