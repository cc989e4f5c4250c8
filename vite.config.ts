import { defineConfig, type Plugin } from 'vite';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const PDFJS = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

/**
 * pdf.js's standard fonts and CMaps, copied into the bundle under pdfjs/ with their own names
 * (pdf.js asks for them by file name, under one folder URL): the viewer fetches nothing from
 * elsewhere, and a PDF that does not embed its fonts is still drawn with the right metrics.
 */
function pdfjsAssets(): Plugin {
  return {
    name: 'pdfjs-assets',
    apply: 'build',
    generateBundle() {
      for (const folder of ['standard_fonts', 'cmaps']) {
        for (const name of fs.readdirSync(path.join(PDFJS, folder))) {
          this.emitFile({ type: 'asset', fileName: `pdfjs/${folder}/${name}`, source: fs.readFileSync(path.join(PDFJS, folder, name)) });
        }
      }
    },
  };
}

/** Builds the renderer (React) into out/renderer, for the desktop app and browser mode alike. */
export default defineConfig({
  root: path.resolve(import.meta.dirname, 'renderer'),
  base: './',
  plugins: [pdfjsAssets()],
  build: {
    outDir: path.resolve(import.meta.dirname, 'out/renderer'),
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: false,
  },
  logLevel: 'warn',
});
