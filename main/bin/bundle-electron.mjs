#!/usr/bin/env node
// Bundles the desktop shell for Electron: main process, build and import workers, and the sandboxed preload.
// The renderer is built by Vite (vite.config.ts). Output goes to out/, which git ignores.
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const importMetaShim = {
  banner: { js: "const __import_meta_url = require('node:url').pathToFileURL(__filename).href;" },
  define: { 'import.meta.url': '__import_meta_url' },
};

await build({
  entryPoints: {
    'main/index': path.join(root, 'main/electron/index.ts'),
    'main/buildWorker': path.join(root, 'main/pdf/worker/buildWorker.ts'),
    'main/importWorker': path.join(root, 'main/services/importWorker/importWorker.ts'),
  },
  outdir: path.join(root, 'out'),
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // Native and large packages load from node_modules at run time (better-sqlite3 is rebuilt
  // for Electron by electron-builder when packaging).
  packages: 'external',
  ...importMetaShim,
  logLevel: 'warning',
});

// A sandboxed preload can require nothing but 'electron': everything else is bundled in.
await build({
  entryPoints: { 'preload/preload': path.join(root, 'main/electron/preload.ts') },
  outdir: path.join(root, 'out'),
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'chrome120',
  external: ['electron'],
  logLevel: 'warning',
});
