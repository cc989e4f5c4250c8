import { defineConfig } from 'vite';
import path from 'node:path';

/** Builds the renderer (React) into out/renderer, for the desktop app and browser mode alike. */
export default defineConfig({
  root: path.resolve(import.meta.dirname, 'renderer'),
  base: './',
  build: {
    outDir: path.resolve(import.meta.dirname, 'out/renderer'),
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: false,
  },
  logLevel: 'warn',
});
