import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

type Emit = (record: Record<string, unknown>) => void;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/**
 * A fresh `briefing` process with the code compiled at install (out/node) against the same
 * command run from the TypeScript through tsx, runs interleaved so both see the same machine.
 */
export async function runStartupBench(emit: Emit, root: string, db: string, work: string, runs: number): Promise<void> {
  const compile = spawnSync(process.execPath, [path.join(root, 'main/bin/compile.mjs')], { encoding: 'utf8' });
  if (compile.status !== 0) throw new Error(`compile failed: ${compile.stderr}`);
  const { freshCompiledCli } = (await import(pathToFileURL(path.join(root, 'main/bin/compiledCli.mjs')).href)) as {
    freshCompiledCli: (root: string) => string | null;
  };
  if (!freshCompiledCli(root)) throw new Error('the compiled command line is not fresh after compiling');
  const out = path.join(work, 'startup');
  const commands: Record<string, string[]> = {
    'list packs': ['list', 'packs', '--db', db],
    'build --lang en': ['build', '--db', db, '--pack', 'panama-2025', '--lang', 'en', '--out', out, '--force'],
  };
  for (const [name, args] of Object.entries(commands)) {
    const times = { compiled: [] as number[], tsx: [] as number[] };
    for (let i = 0; i < runs; i++) {
      for (const variant of ['compiled', 'tsx'] as const) {
        const env = { ...process.env, BRIEFING_LOCALE: 'en', ...(variant === 'tsx' ? { BRIEFING_RUN_TS: '1' } : {}) };
        if (variant === 'compiled') delete env.BRIEFING_RUN_TS;
        const start = performance.now();
        const r = spawnSync(process.execPath, [path.join(root, 'main/bin/briefing.mjs'), ...args], { env, encoding: 'utf8' });
        times[variant].push(performance.now() - start);
        if (r.status !== 0) throw new Error(`briefing ${name} failed: ${r.stderr}`);
      }
    }
    const compiled = median(times.compiled);
    const tsx = median(times.tsx);
    emit({
      bench: 'startup',
      command: `briefing ${name}`,
      runs,
      compiled_ms: Math.round(compiled),
      tsx_ms: Math.round(tsx),
      compiled_over_tsx: Math.round((compiled / tsx) * 100) / 100,
      reference: 'the same command from the TypeScript through tsx (BRIEFING_RUN_TS=1), runs interleaved',
    });
  }
  fs.rmSync(out, { recursive: true, force: true });
}
