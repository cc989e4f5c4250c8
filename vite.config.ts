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
  // Always React's production build, even when a test runner (NODE_ENV=test) triggers the build.
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  logLevel: 'warn',
});
