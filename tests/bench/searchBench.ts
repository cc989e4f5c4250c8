import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { openLibrary } from '../../main/db/openLibrary';
import { LibraryStore } from '../../main/services/LibraryStore';
import { applyLibraryDocument } from '../../main/services/importLibrary';
import { loadStarterLibrary } from '../../main/services/loadStarterLibrary';
import { PackBuildService } from '../../main/pdf/PackBuildService';
import { ImportParser } from '../../main/services/importWorker/ImportParser';
import { createApi } from '../../main/api/createApi';
import { startServer } from '../../main/server/startServer';
import { ensureRendererBuilt, RENDERER_OUT } from '../../main/server/ensureRendererBuilt';
import { BROWSER_ARGS, findBrowser } from '../helpers/findBrowser';
import { LIST_KINDS } from '../../shared/api/listTypes';
import { readListEntries } from '../../main/services/listEntries';
import { scaleLibrary } from './scaleLibrary';
import { rendererSizes, withNotes } from './uiBench';

type Emit = (record: Record<string, unknown>) => void;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (x: number) => Math.round(x * 10) / 10;
const PIECES = 10_000;
/** The example: from any tab, `palermo` must find the Palermo instruments. */
const QUERY = 'palermo';

/**
 * Types QUERY into the header's search one character at a time; for each keystroke, the time from
 * the input event until the results for exactly that text are in the page and painted (two frames
 * later). Plain JavaScript in a string, as in uiBench.ts.
 */
const HEADER_KEYSTROKE_PROBE = `(async (query) => {
  const input = document.querySelector('[data-testid="global-search"]');
  input.focus();
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  // Seen as soon as React puts it in the DOM (a mutation observer, not a check per frame).
  const appeared = (sel) => new Promise((resolve, reject) => {
    if (document.querySelector(sel)) return resolve();
    const timer = setTimeout(() => { observer.disconnect(); reject(new Error('no results: ' + sel)); }, 10000);
    const observer = new MutationObserver(() => {
      if (document.querySelector(sel)) { observer.disconnect(); clearTimeout(timer); resolve(); }
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  const out = [];
  for (let i = 1; i <= query.length; i++) {
    const typed = query.slice(0, i);
    const start = performance.now();
    setValue.call(input, typed);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await appeared('[data-testid="global-search-results"][data-query="' + typed + '"]');
    // Two frames later the results are laid out and painted (as uiBench's keystroke probe).
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    out.push(performance.now() - start);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return out;
})(QUERY)`;

/** Clicks an element and times until `ready` is in the DOM (observed), then two frames (painted). */
const CLICK_PROBE = `(async ([click, ready]) => {
  const start = performance.now();
  const seen = new Promise((resolve, reject) => {
    const timer = setTimeout(() => { observer.disconnect(); reject(new Error('not ready: ' + ready)); }, 20000);
    const observer = new MutationObserver(() => {
      if (document.querySelector(ready)) { observer.disconnect(); clearTimeout(timer); resolve(); }
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  document.querySelector(click).click();
  if (!document.querySelector(ready)) await seen;
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  return performance.now() - start;
})(ARGS)`;

const clickProbe = (page: Page, click: string, ready: string) => page.evaluate(CLICK_PROBE.replace('ARGS', JSON.stringify([click, ready]))) as Promise<number>;

/** Each library list, the pack list: the tab's button, and what shows the list has rows. */
const ROW: Record<string, string> = {
  priorities: '[data-testid="row-prio-rps-1"]',
  instruments: '[data-testid^="row-inst-"]',
  countries: '[data-testid="row-AG"]',
  notes: '[data-testid^="row-note-"]',
  meetings: '[data-testid^="row-meet-"]',
  sources: '[data-testid^="row-src-"]',
};
const LISTS: { name: string; click: string; ready: string }[] = [
  // The kind's own rows (never the rows of the list shown before).
  ...Object.entries(ROW).map(([kind, row]) => ({
    name: kind,
    click: `[data-testid="kind-${kind}"]`,
    ready: `.library-content ${row}`,
  })),
  { name: 'packs', click: '[data-testid="nav-packs"]', ready: '[data-testid^="pack-"]' },
];

/** Pieces whose reading view is opened from their list row: the ones with the most links at this scale. */
const READS: { name: string; kind: string; id: string; filter?: string }[] = [
  { name: 'priority (thousands of notes link it)', kind: 'priorities', id: 'prio-rps-3' },
  // Long lists are windowed: the tab's own search brings the row into the DOM.
  { name: 'instrument with protocols', kind: 'instruments', id: 'inst-palermo', filter: 'Palermo Convention' },
  { name: 'country (about 470 notes)', kind: 'countries', id: 'PA' },
  { name: 'note', kind: 'notes', id: 'note-omsac-palermo-25-2025', filter: 'OMSAC calls' },
];

/**
 * Library-wide search, the reading view and every list at 10,000 pieces (the starter library
 * scaled 9 times by scaleLibrary, then filled with notes to 10,000), in Chromium through browser
 * mode; and the renderer's initial JavaScript. Reference: the targets (50 ms keystroke to
 * painted results, 100 ms to a reading view, 300 ms to a list, 160 KB gzip).
 */
export async function runSearchBench(emit: Emit, work: string, runs: number): Promise<void> {
  await ensureRendererBuilt();
  const sizes = rendererSizes();
  emit({ bench: 'renderer-size', gzip_kb_initial: sizes.gzip_kb_initial, target_kb: 160, gzip_kb_total: sizes.gzip_kb_total });
  const found = findBrowser();
  if (!('path' in found)) {
    emit({ bench: 'ui-search', skipped: found.missing });
    return;
  }
  const file = path.join(work, 'ui-search.sqlite');
  const library = await openLibrary(file, { create: true });
  const store = new LibraryStore(library.db);
  loadStarterLibrary(store);
  applyLibraryDocument(store, withNotes(scaleLibrary(store.readDocument(), 9), PIECES));
  const total = Object.values(store.pieces.countByKind()).reduce((a, b) => a + b, 0);
  const builds = new PackBuildService(1);
  const imports = new ImportParser();
  const ctx = { store, libraryPath: file, builds, imports, outputDir: work, mode: 'browser' as const, version: 'bench' };
  const api = createApi(ctx);
  const server = await startServer({ api, ctx, staticDir: RENDERER_OUT });
  const { chromium } = await import('playwright-core');
  const browser: Browser = await chromium.launch({ executablePath: found.path, args: BROWSER_ARGS });
  try {
    // The API alone: every prefix of the query, and each piece read.
    const apiSearch: number[] = [];
    for (let r = 0; r < runs; r++) {
      for (let i = 1; i <= QUERY.length; i++) {
        const s = performance.now();
        await api.invoke('library.searchAll', { query: QUERY.slice(0, i), locale: 'en' });
        apiSearch.push(performance.now() - s);
      }
    }
    emit({ bench: 'api-search-all', pieces: total, query: QUERY, calls: apiSearch.length, median_ms: round(median(apiSearch)), max_ms: round(Math.max(...apiSearch)) });
    for (const read of READS) {
      const times: number[] = [];
      for (let r = 0; r < runs; r++) {
        const s = performance.now();
        await api.invoke('library.read', { id: read.id, locale: 'fr' });
        times.push(performance.now() - s);
      }
      emit({ bench: 'api-read', pieces: total, piece: read.name, id: read.id, runs, median_ms: round(median(times)) });
    }
    // The server's share of opening a list (ui-open-list below is the whole of it): read from the
    // library (as after any change), and as remembered while the library stays the same.
    for (const kind of LIST_KINDS) {
      const times: number[] = [];
      const remembered: number[] = [];
      for (let r = 0; r < runs; r++) {
        let s = performance.now();
        readListEntries(store, kind, 'fr');
        times.push(performance.now() - s);
        s = performance.now();
        await api.invoke('library.list', { kind, locale: 'fr' });
        remembered.push(performance.now() - s);
      }
      emit({ bench: 'api-list', pieces: total, list: kind, runs, median_ms: round(median(times)), max_ms: round(Math.max(...times)), remembered_median_ms: round(median(remembered)) });
    }

    // The server's share of the first opening after one note's edit: the remembered lists are
    // patched by the write (listEntries' watch), against api-list's whole read as the reference.
    {
      const note = store.readDocument().notes.find((n) => !/palermo|omsac/i.test(`${n.id} ${JSON.stringify(n.title)}`))!.id;
      const saves: number[] = [];
      const opens: number[] = [];
      await api.invoke('library.list', { kind: 'notes', locale: 'fr' });
      for (let r = 0; r < runs; r++) {
        const got = (await api.invoke('library.get', { id: note })) as { ok: true; value: { kind: 'note'; record: { title: Record<string, { text: string }> } } };
        got.value.record.title.en!.text = `${got.value.record.title.en!.text.replace(/ \(api run \d+\)$/, '')} (api run ${r})`;
        let s = performance.now();
        const saved = await api.invoke('library.save', got.value);
        saves.push(performance.now() - s);
        if (!saved.ok) throw new Error('bench edit refused');
        s = performance.now();
        await api.invoke('library.list', { kind: 'notes', locale: 'fr' });
        opens.push(performance.now() - s);
      }
      emit({ bench: 'api-list-after-edit', pieces: total, list: 'notes', runs, median_ms: round(median(opens)), max_ms: round(Math.max(...opens)), save_median_ms: round(median(saves)), reference: 'api-list notes median_ms (a whole read)' });
    }

    const keystrokes: number[] = [];
    const reads = new Map<string, number[]>();
    const lists = new Map<string, number[]>();
    // A note the other measurements never look for (an edit moves a piece in search rankings).
    const editedNote = store.readDocument().notes.find((n) => !/palermo|omsac/i.test(`${n.id} ${JSON.stringify(n.title)}`))!.id;
    for (let r = 0; r < runs; r++) {
      // Every other run begins with a note edited, so its lists are read from the library again (the
      // first opening after any change); the others find them as listEntries remembers them.
      const afterEdit = r % 2 === 0;
      const edited = (await api.invoke('library.get', { id: editedNote })) as { ok: true; value: { kind: 'note'; record: { title: Record<string, { text: string }> } } };
      const { record } = edited.value;
      record.title.en!.text = `${record.title.en!.text.replace(/ \(run \d+\)$/, '')} (run ${r})`;
      const saved = afterEdit ? await api.invoke('library.save', edited.value) : { ok: true };
      if (!saved.ok) throw new Error('bench edit refused');
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      const page = await context.newPage();
      await page.goto(server.url);
      await page.getByTestId('row-prio-rps-1').waitFor();
      // The reading view's chunk is fetched when the app is first idle, as a user's would be.
      await page.waitForLoadState('networkidle');
      keystrokes.push(...((await page.evaluate(HEADER_KEYSTROKE_PROBE.replace('QUERY', JSON.stringify(QUERY)))) as number[]));
      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');
      // Each list opened for the first time in this page (nothing remembered yet).
      for (const list of LISTS) {
        if (list.name === 'priorities') {
          await page.getByTestId('kind-instruments').click();
          await page.locator('[data-testid^="row-inst-"]').first().waitFor();
        }
        const key = `${list.name}${afterEdit ? '\u0000edited' : ''}`;
        const times = lists.get(key) ?? [];
        times.push(await clickProbe(page, list.click, list.ready));
        lists.set(key, times);
        if (list.name === 'packs') await page.getByTestId('nav-library').click();
      }
      for (const read of READS) {
        await page.getByTestId(`kind-${read.kind}`).click();
        if (read.filter) await page.getByTestId('library-search').fill(read.filter);
        await page.getByTestId(`row-${read.id}`).waitFor();
        const times = reads.get(read.name) ?? [];
        times.push(await clickProbe(page, `[data-testid="row-${read.id}"]`, `[data-testid="reader"][data-state="ready"]`));
        reads.set(read.name, times);
        await page.getByTestId('reader-back').click();
        if (read.filter) await page.getByTestId('library-search').fill('');
      }
      await context.close();
    }
    emit({ bench: 'ui-header-search-keystroke', pieces: total, query: QUERY, keystrokes: keystrokes.length, median_ms: round(median(keystrokes)), max_ms: round(Math.max(...keystrokes)), target_ms: 50 });
    for (const [name, times] of reads) {
      emit({ bench: 'ui-open-reading-view', pieces: total, piece: name, runs, median_ms: round(median(times)), max_ms: round(Math.max(...times)), target_ms: 100 });
    }
    for (const [key, times] of lists) {
      const [name, edited] = key.split('\u0000');
      const bench = edited ? 'ui-open-list-after-edit' : 'ui-open-list';
      emit({ bench, pieces: total, list: name, runs: times.length, median_ms: round(median(times)), max_ms: round(Math.max(...times)), target_ms: 300 });
    }
  } finally {
    await browser.close();
    await server.close();
    await builds.close();
    await imports.close();
    library.close();
  }
}
