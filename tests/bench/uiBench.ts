import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { openLibrary } from '../../main/db/openLibrary';
import { LibraryStore } from '../../main/services/LibraryStore';
import { applyLibraryDocument } from '../../main/services/importLibrary';
import { loadStarterLibrary } from '../../main/services/loadStarterLibrary';
import { PackBuildService } from '../../main/pdf/PackBuildService';
import { ImportParser } from '../../main/services/importWorker/ImportParser';
import { createApi } from '../../main/api/createApi';
import { startServer } from '../../main/server/startServer';
import { ensureRendererBuilt, RENDERER_OUT } from '../../main/server/ensureRendererBuilt';
import type { LibraryDocument, NoteDoc } from '../../shared/schemas/libraryDocument';
import { scaleLibrary } from './scaleLibrary';
import type { Browser } from 'playwright-core';
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

/**
 * Clicks Read on the English edition of the report on screen and times, in the page, until the
 * viewer's first page is painted (its canvas drawn); checked every frame.
 */
const OPEN_VIEWER_PROBE = `(async () => {
  const painted = () => document.querySelector('[data-testid="viewer-page-1"][data-rendered="true"]');
  const start = performance.now();
  document.querySelector('[data-testid="view-en"]').click();
  while (!painted()) {
    if (performance.now() - start > 60000) throw new Error('first page not painted after 60 s');
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  return performance.now() - start;
})()`;

/**
 * The JavaScript a first visit loads before the app runs: the entry script and the chunks
 * index.html preloads. Every other chunk (the translator's view, the PDF viewer with pdf.js, its
 * worker) is fetched later.
 */
export function rendererSizes(): Record<string, unknown> {
  const assets = path.join(RENDERER_OUT, 'assets');
  const html = fs.readFileSync(path.join(RENDERER_OUT, 'index.html'), 'utf8');
  const initial = new Set(
    [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\.\/assets\/([^"]+\.m?js)"/g)].map((m) => m[1]!),
  );
  const gzip = (f: string) => zlib.gzipSync(fs.readFileSync(path.join(assets, f))).length;
  const files = fs
    .readdirSync(assets)
    .filter((f) => /\.m?js$/.test(f))
    .map((f) => ({ file: f, initial: initial.has(f), gzip_kb: round(gzip(f) / 1024) }));
  const sum = (list: typeof files) => round(list.reduce((n, f) => n + f.gzip_kb, 0));
  const viewer = files.filter((f) => /^(ViewerDialog|pdf\.worker)/.test(f.file));
  return {
    bench: 'renderer-size',
    gzip_kb_initial: sum(files.filter((f) => f.initial)),
    target_kb: 160,
    gzip_kb_total: sum(files),
    gzip_kb_viewer_lazy: sum(viewer),
    files,
  };
}

/**
 * Opening a ~530-page PDF in the viewer: the large pack is built from its builder (not timed),
 * then Read is clicked and the first page painted is timed, in a fresh browser context each run
 * (nothing cached but what the report itself prefetches: the viewer's chunk and pdf.js's worker).
 */
export async function runViewerBench(emit: Emit, work: string, runs: number): Promise<void> {
  await ensureRendererBuilt();
  emit(rendererSizes());
  const found = findBrowser();
  if (!('path' in found)) {
    emit({ bench: 'ui-viewer-first-page', skipped: found.missing });
    return;
  }
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: found.path, args: BROWSER_ARGS });
  try {
    await viewerRuns(emit, browser, work, runs);
  } finally {
    await browser.close();
  }
}

async function viewerRuns(emit: Emit, browser: Browser, work: string, runs: number): Promise<void> {
  const file = path.join(work, 'ui-viewer.sqlite');
  const library = await openLibrary(file, { create: true });
  const store = new LibraryStore(library.db);
  loadStarterLibrary(store);
  applyLibraryDocument(store, scaleLibrary(store.readDocument(), 20));
  const builds = new PackBuildService(2);
  const outputDir = path.join(work, 'ui-viewer-out');
  fs.mkdirSync(outputDir, { recursive: true });
  const imports = new ImportParser();
  const ctx = { store, libraryPath: file, builds, imports, outputDir, mode: 'browser' as const, version: 'bench' };
  const server = await startServer({ api: createApi(ctx), ctx, staticDir: RENDERER_OUT });
  try {
    const times: number[] = [];
    let pages = 0;
    let bytes = 0;
    for (let r = 0; r < runs; r++) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      const page = await context.newPage();
      await page.goto(server.url);
      await page.getByTestId('nav-packs').click();
      await page.getByTestId('pack-large-20x').click();
      await page.getByTestId('build-mode').selectOption('en');
      await page.getByTestId('build').click();
      await page.getByTestId('build-report').waitFor({ timeout: 300_000 });
      const facts = (await page.getByTestId('pdf-en').textContent()) ?? '';
      pages = Number(/([\d,.\s]+) pages/.exec(facts)?.[1]?.replace(/\D/g, '') ?? 0);
      // The report prefetches the viewer: wait until that is done, as a reader would have.
      await page.waitForLoadState('networkidle');
      times.push((await page.evaluate(OPEN_VIEWER_PROBE)) as number);
      await context.close();
    }
    for (const f of fs.readdirSync(outputDir, { recursive: true })) if (String(f).endsWith('-en.pdf')) bytes = fs.statSync(path.join(outputDir, String(f))).size;
    emit({ bench: 'ui-viewer-first-page', pack: 'large-20x', edition: 'en', pages, pdf_mb: round(bytes / 2 ** 20), runs, median_ms: round(median(times)), max_ms: round(Math.max(...times)), target_ms: 1000 });
  } finally {
    await server.close();
    await builds.close();
    await imports.close();
    library.close();
  }
}

/** Time to the first usable library and Translate screens, and search-as-you-type latency. */
export async function runUiBench(emit: Emit, work: string, runs: number): Promise<void> {
  await ensureRendererBuilt();

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
