import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { openLibrary } from '../../main/db/openLibrary';
import { LibraryStore } from '../../main/services/LibraryStore';
import { applyLibraryDocument } from '../../main/services/importLibrary';
import { loadStarterLibrary } from '../../seeds/starterLibrary';
import { PackBuildService } from '../../main/pdf/PackBuildService';
import { ImportParser } from '../../main/services/importWorker/ImportParser';
import { createApi } from '../../main/api/createApi';
import { startServer } from '../../main/server/startServer';
import { ensureRendererBuilt, RENDERER_OUT } from '../../main/server/ensureRendererBuilt';
import type { LibraryDocument, NoteDoc } from '../../shared/schemas/libraryDocument';
import { BROWSER_ARGS, findBrowser } from '../helpers/findBrowser';

type Emit = (record: Record<string, unknown>) => void;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (x: number) => Math.round(x * 10) / 10;

/** The starter library plus enough notes to reach `pieces` pieces: short bodies, varied titles. */
export function withNotes(doc: LibraryDocument, pieces: number): LibraryDocument {
  const out = structuredClone(doc);
  const base = doc.notes[0]!;
  const short = (text: string) => text.split('\n\n')[0]!.slice(0, 400);
  const existing = doc.sources.length + doc.countries.length + doc.networks.length + doc.meetings.length +
    doc.priorities.length + doc.instruments.length + doc.notes.length + doc.packs.length;
  const codes = doc.countries.map((c) => c.code);
  for (let i = 0; out.notes.length - doc.notes.length < pieces - existing; i++) {
    const note: NoteDoc = {
      ...structuredClone(base),
      id: `note-bench-${i}`,
      countryCode: codes[i % codes.length]!,
      title: {
        en: { text: `Briefing note ${i}: ${base.title.fr ? base.title.en!.text : ''}`, status: 'draft', from: 'fr' },
        fr: { text: `Note d’information ${i} : ${base.title.fr!.text}`, status: 'approved' },
        es: { text: `Nota informativa ${i}: ${base.title.es!.text}`, status: 'draft', from: 'fr' },
      },
      body: {
        en: { text: short(base.body.en!.text), status: 'draft', from: 'fr' },
        fr: { text: short(base.body.fr!.text), status: 'approved' },
        es: { text: short(base.body.es!.text), status: 'draft', from: 'fr' },
      },
    };
    out.notes.push(note);
  }
  return out;
}

/**
 * Types a query one character at a time and times each keystroke until the filtered list is
 * painted. Plain JavaScript in a string: the TypeScript loader would otherwise wrap
 * functions in helpers that do not exist in the page.
 */
const KEYSTROKE_PROBE = `(async (query) => {
  const input = document.querySelector('[data-testid="library-search"]');
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  const out = [];
  for (let i = 1; i <= query.length; i++) {
    const start = performance.now();
    setValue.call(input, query.slice(0, i));
    input.dispatchEvent(new Event('input', { bubbles: true }));
    // React renders an input event's update before the next frame: two frames later the
    // filtered list has been laid out and painted.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    out.push(performance.now() - start);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return out;
})(QUERY)`;

/**
 * Clicks the Translate tab and times, in the page, until the list shows rows and the first unit
 * is open for typing (the view's chunk if not fetched yet, the list, the whole first unit).
 * Checked every frame: Playwright's own waits poll at up to 500 ms, coarser than what is measured.
 */
const OPEN_TRANSLATE_PROBE = `(async () => {
  const ready = () => document.querySelector('[data-testid^="tr-unit-"]') &&
    document.querySelector('[data-testid="tr-target-text"]:not([disabled])');
  const start = performance.now();
  document.querySelector('[data-testid="nav-translate"]').click();
  while (!ready()) {
    if (performance.now() - start > 60000) throw new Error('Translate screen not usable after 60 s');
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  return performance.now() - start;
})()`;

/** Renderer size, time to the first usable library and Translate screens, and search-as-you-type latency. */
export async function runUiBench(emit: Emit, work: string, runs: number): Promise<void> {
  await ensureRendererBuilt();
  const assets = path.join(RENDERER_OUT, 'assets');
  const js = fs.readdirSync(assets).filter((f) => f.endsWith('.js'));
  const gzip = (f: string) => zlib.gzipSync(fs.readFileSync(path.join(assets, f))).length;
  const sizes = js.map((f) => ({ file: f, gzip_kb: round(gzip(f) / 1024) }));
  const total = sizes.reduce((n, s) => n + s.gzip_kb, 0);
  const lazy = sizes.filter((s) => /pdf/i.test(s.file)).reduce((n, s) => n + s.gzip_kb, 0);
  emit({ bench: 'renderer-size', gzip_kb_total: round(total), gzip_kb_initial: round(total - lazy), gzip_kb_lazy_pdfjs: round(lazy), target_kb: 300, files: sizes });

  const found = findBrowser();
  if (!('path' in found)) {
    emit({ bench: 'ui', skipped: found.missing });
    return;
  }
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: found.path, args: BROWSER_ARGS });
  try {
    for (const [name, pieces] of [['starter', 0], ['10000-pieces', 10_000]] as const) {
      const file = path.join(work, `ui-${name}.sqlite`);
      const library = await openLibrary(file, { create: true });
      const store = new LibraryStore(library.db);
      loadStarterLibrary(store);
      if (pieces > 0) applyLibraryDocument(store, withNotes(store.readDocument(), pieces));
      const total = Object.values(store.pieces.countByKind()).reduce((a, b) => a + b, 0);
      const builds = new PackBuildService(1);
      const imports = new ImportParser();
      const ctx = { store, libraryPath: file, builds, imports, outputDir: work, mode: 'browser' as const, version: 'bench' };
      const server = await startServer({ api: createApi(ctx), ctx, staticDir: RENDERER_OUT });
      try {
        const firstScreen: number[] = [];
        const notesScreen: number[] = [];
        const translateScreen: number[] = [];
        for (let r = 0; r < runs; r++) {
          const context = await browser.newContext();
          const page = await context.newPage();
          const start = performance.now();
          await page.goto(server.url);
          await page.getByTestId('row-prio-rps-1').waitFor();
          firstScreen.push(performance.now() - start);
          const t0 = performance.now();
          await page.getByTestId('kind-notes').click();
          await page.locator('[data-testid^="row-note-"]').first().waitFor();
          notesScreen.push(performance.now() - t0);
          translateScreen.push((await page.evaluate(OPEN_TRANSLATE_PROBE)) as number);
          await context.close();
        }
        emit({ bench: 'ui-first-screen', library: name, pieces: total, runs, median_ms: round(median(firstScreen)), target_ms: 1000 });
        emit({ bench: 'ui-open-notes-list', library: name, pieces: total, runs, median_ms: round(median(notesScreen)) });
        emit({ bench: 'ui-open-translate', library: name, pieces: total, runs, median_ms: round(median(translateScreen)), max_ms: round(Math.max(...translateScreen)), target_ms: 1000 });

        // Keystroke → the list shows that query's matches (title matches, computed in the page).
        const context = await browser.newContext();
        const page = await context.newPage();
        await page.goto(server.url);
        await page.getByTestId('kind-notes').click();
        await page.locator('[data-testid^="row-note-"]').first().waitFor();
        const latencies = (await page.evaluate(KEYSTROKE_PROBE.replace('QUERY', JSON.stringify('note 123')))) as number[];
        await context.close();
        emit({ bench: 'ui-search-keystroke', library: name, pieces: total, keystrokes: latencies.length, median_ms: round(median(latencies)), max_ms: round(Math.max(...latencies)), target_ms: 50 });
        const apiTimes: number[] = [];
        const api = createApi(ctx);
        for (let r = 0; r < runs; r++) {
          const s = performance.now();
          await api.invoke('library.search', { query: 'trafficking', locale: 'en' });
          apiTimes.push(performance.now() - s);
        }
        emit({ bench: 'api-search', library: name, pieces: total, runs, median_ms: round(median(apiTimes)) });
      } finally {
        await server.close();
        await builds.close();
        await imports.close();
        library.close();
      }
    }
  } finally {
    await browser.close();
  }
}
