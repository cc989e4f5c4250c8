#!/usr/bin/env node
// Compiles the command line, its workers and the server into out/node (run by `npm ci` through the
// prepare script), so `briefing` starts without compiling TypeScript. main/bin/briefing.mjs uses
// this output only while it is newer than every file it was compiled from (compiledCli.mjs).
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { COMPILED_DIR, INPUTS_FILE } from './compiledCli.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const outdir = path.join(root, COMPILED_DIR);
const staging = `${outdir}.tmp-${process.pid}`;

/*
 * One bundle has one import.meta.url, but its sources locate files beside themselves (seeds,
 * the project root). Each source's import.meta.url becomes its own file's URL, computed from the
 * bundle's at run time, so the compiled code finds exactly what the TypeScript finds.
 */
const ownImportMeta = {
  name: 'own-import-meta',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, async (args) => {
      const source = await fs.promises.readFile(args.path, 'utf8');
      if (!source.includes('import.meta.url')) return { contents: source, loader: 'ts' };
      const fromBundle = path.relative(outdir, args.path).split(path.sep).join('/');
      return {
        contents: source.replaceAll('import.meta.url', `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`),
        loader: 'ts',
      };
    });
  },
};

fs.rmSync(staging, { recursive: true, force: true });
const result = await build({
  entryPoints: {
    cli: path.join(root, 'main/cli/runCli.ts'),
    buildWorker: path.join(root, 'main/pdf/worker/buildWorker.ts'),
    importWorker: path.join(root, 'main/services/importWorker/importWorker.ts'),
  },
  outdir: staging,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  // The workers are found beside the compiled command line, not beside their TypeScript shims.
  banner: { js: 'const __briefingCompiledUrl = import.meta.url;' },
  define: { __BRIEFING_COMPILED_URL__: '__briefingCompiledUrl' },
  plugins: [ownImportMeta],
  metafile: true,
  sourcemap: 'linked',
  logLevel: 'warning',
});
const inputs = Object.keys(result.metafile.inputs).filter((file) => !file.includes('node_modules'));
fs.writeFileSync(path.join(staging, INPUTS_FILE), `${JSON.stringify({ inputs }, null, 1)}\n`);
fs.rmSync(outdir, { recursive: true, force: true });
fs.renameSync(staging, outdir);
