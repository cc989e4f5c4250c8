/**
 * `npm run bench`: JSON lines, one per measurement, medians of RUNS runs. Not a test: nothing
 * here passes or fails. Compares our pdfmake builds with Chromium printing the same content
 * (what Electron's printToPDF does) when a Chromium or Chrome is found (helpers/findBrowser.ts).
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openLibrary } from '../../main/db/openLibrary';
import { LibraryStore } from '../../main/services/LibraryStore';
import { applyLibraryDocument } from '../../main/services/importLibrary';
import { loadStarterLibrary } from '../../main/services/loadStarterLibrary';
import { PackBuildService, type LanguageMode } from '../../main/pdf/PackBuildService';
import { editionModels } from '../../main/pdf/buildEdition';
import { LOCALES } from '../../shared/domain/locales';
import type { LibraryDocument } from '../../shared/schemas/libraryDocument';
import { scaleLibrary } from './scaleLibrary';
import { packHtml } from './packHtml';
import { runUiBench, runViewerBench } from './uiBench';
import { runTranslateBench } from './translateBench';
import { runLayoutChecksBench } from './layoutChecksBench';
import { runTaggingBench } from './taggingBench';
import { hostileDocument } from '../helpers/hostileDocument';
import { runImportBench } from './importBench';
import { runSearchBench } from './searchBench';
import { runDeleteBench } from './deleteBench';
import { runStartupBench } from './startupBench';
import { runWriteGateBench } from './writeGateBench';
import { runHistoryBench } from './historyBench';
import { runCheckTermsBench, runMemoryBench, runTermChecksBench } from './termChecksBench';
import { runTmxImportBench } from './tmxImportBench';
import { runRebuildBench } from './rebuildBench';
import { runBackupsBench } from './backupsBench';
import { runMergeBench } from './mergeBench';
import { runSyncBench } from './syncBench';
import { runCheckPdfBench } from './checkPdfBench';
import { BROWSER_ARGS, findBrowser } from '../helpers/findBrowser';
import { fileURLToPath, pathToFileURL } from 'node:url';
// @ts-expect-error: a plain .mjs module without types, shared with main/bin/briefing.mjs.
import { freshCompiledCli } from '../../main/bin/compiledCli.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const BROWSER = findBrowser();
const MODES: LanguageMode[] = ['en', 'fr', 'es', 'all', 'parallel'];
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'briefing-bench-'));
const only = process.env.BENCH_ONLY?.split(',');

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const round = (x: number) => Math.round(x * 10) / 10;
const emit = (record: Record<string, unknown>) => console.log(JSON.stringify(record));
const results = new Map<string, number>();

async function makeLibrary(file: string, scale: number): Promise<LibraryDocument> {
  const lib = await openLibrary(file, { create: true });
  const store = new LibraryStore(lib.db);
  loadStarterLibrary(store);
  if (scale > 1) applyLibraryDocument(store, scaleLibrary(store.readDocument(), scale));
  const doc = store.readDocument();
  lib.close();
  return doc;
}

function run(command: string, args: string[]): Promise<{ ms: number; stderr: string; code: number }> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ ms: performance.now() - start, stderr, code: code ?? -1 }));
  });
}

function pdfStats(dir: string): { pages: number; bytes: number } {
  let bytes = 0;
  let pages = 0;
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.pdf'))) {
    const data = fs.readFileSync(path.join(dir, f));
    bytes += data.length;
    pages += (data.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
  }
  return { pages, bytes };
}

/**
 * What a user runs: `briefing build` as a new process, from the command line compiled at install
 * (out/node, through main/bin/briefing.mjs), never the TypeScript through tsx.
 */
function compiledCli(): void {
  if (freshCompiledCli(ROOT)) return;
  const compile = spawnSync(process.execPath, [path.join(ROOT, 'main/bin/compile.mjs')], { encoding: 'utf8' });
  if (compile.status !== 0 || !freshCompiledCli(ROOT)) throw new Error(`the command line did not compile: ${compile.stderr}`);
}

async function freshBuild(name: string, db: string, pack: string, mode: LanguageMode) {
  compiledCli();
  const times: number[] = [];
  const rss: number[] = [];
  const out = path.join(work, `fresh-${name}-${mode}`);
  for (let i = 0; i < RUNS; i++) {
    fs.rmSync(out, { recursive: true, force: true });
    const r = await run(process.execPath, [
      '--import', pathToFileURL(path.join(ROOT, 'tests/bench/reportPeakRss.mjs')).href,
      path.join(ROOT, 'main/bin/briefing.mjs'),
      'build', '--db', db, '--pack', pack, '--lang', mode, '--out', out,
    ]);
    const line = r.stderr.split('\n').find((l) => l.startsWith('BENCH '));
    if (r.code !== 0 || !line) throw new Error(`build failed: ${r.stderr}`);
    times.push(r.ms);
    rss.push(JSON.parse(line.slice(6)).maxRssKb / 1024);
  }
  const ms = median(times);
  results.set(`ours fresh ${name} ${mode}`, ms);
  emit({ bench: 'build', engine: 'pdfmake', process: 'fresh', pack: name, mode, runs: RUNS, median_ms: round(ms), ...pdfStats(out), peak_rss_mb: round(Math.max(...rss)), reference: 'briefing build as a new process, the command line compiled at install (out/node); peak RSS of the whole process' });
}

async function warmBuilds(name: string, doc: LibraryDocument, pack: string, modes: LanguageMode[]) {
  const service = new PackBuildService(2);
  service.warm();
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  try {
    for (const mode of modes) {
      const out = path.join(work, `warm-${name}-${mode}`);
      await service.build(doc, { pack, mode, out, force: true }); // warm-up, not timed
      peak = 0;
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const start = performance.now();
        await service.build(doc, { pack, mode, out, force: true });
        times.push(performance.now() - start);
      }
      const ms = median(times);
      results.set(`ours warm ${name} ${mode}`, ms);
      emit({ bench: 'build', engine: 'pdfmake', process: 'warm', pack: name, mode, runs: RUNS, median_ms: round(ms), ...pdfStats(out), peak_rss_mb: round(peak / 1024 / 1024) });
    }
  } finally {
    clearInterval(sampler);
    await service.close();
  }
}

/** The same editions as HTML printed by Chromium: warm (a running browser) and fresh processes. */
async function chromiumBuilds(name: string, doc: LibraryDocument, pack: string, modes: LanguageMode[]) {
  if (!('path' in BROWSER)) {
    emit({ bench: 'build', engine: 'chromium', skipped: BROWSER.missing });
    return;
  }
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: BROWSER.path, args: BROWSER_ARGS });
  const { models, pack: packDoc } = editionModels(doc, pack, LOCALES);
  const htmlFile = (locale: string) => path.join(work, `${name}-${locale}.html`);
  try {
    for (const mode of modes.filter((m) => m !== 'parallel')) {
      const locales = mode === 'all' ? LOCALES : [mode as (typeof LOCALES)[number]];
      const pages = await Promise.all(locales.map(() => browser.newPage()));
      const printOne = async (locale: (typeof LOCALES)[number], i: number) => {
        const html = packHtml(models[locale]!, packDoc.paper);
        fs.writeFileSync(htmlFile(locale), html);
        await pages[i]!.goto(pathToFileURL(htmlFile(locale)).href, { waitUntil: 'load' });
        return pages[i]!.pdf({ format: packDoc.paper === 'a4' ? 'A4' : 'Letter', printBackground: true });
      };
      await Promise.all(locales.map(printOne)); // warm-up
      const times: number[] = [];
      let bytes = 0;
      for (let r = 0; r < RUNS; r++) {
        const start = performance.now();
        const pdfs = await Promise.all(locales.map(printOne));
        times.push(performance.now() - start);
        bytes = pdfs.reduce((n, p) => n + p.length, 0);
      }
      await Promise.all(pages.map((p) => p.close()));
      const ms = median(times);
      emit({ bench: 'build', engine: 'chromium', process: 'warm', pack: name, mode, runs: RUNS, median_ms: round(ms), bytes, reference: 'playwright-core page.pdf() on a running Chromium' });
      const ours = results.get(`ours warm ${name} ${mode}`);
      if (ours) emit({ bench: 'ratio', process: 'warm', pack: name, mode, ours_ms: round(ours), chromium_ms: round(ms), ours_over_chromium: round(ours / ms) });

      const freshTimes: number[] = [];
      for (let r = 0; r < RUNS; r++) {
        const start = performance.now();
        await Promise.all(
          locales.map((locale) =>
            run(BROWSER.path, [
              ...BROWSER_ARGS,
              `--user-data-dir=${path.join(work, `profile-${locale}`)}`,
              `--print-to-pdf=${path.join(work, `${name}-${locale}-chromium.pdf`)}`,
              '--no-pdf-header-footer',
              pathToFileURL(htmlFile(locale)).href,
            ]),
          ),
        );
        freshTimes.push(performance.now() - start);
      }
      const fresh = median(freshTimes);
      emit({ bench: 'build', engine: 'chromium', process: 'fresh', pack: name, mode, runs: RUNS, median_ms: round(fresh), reference: 'chromium --headless --print-to-pdf, one process per edition' });
      const oursFresh = results.get(`ours fresh ${name} ${mode}`);
      if (oursFresh) emit({ bench: 'ratio', process: 'fresh', pack: name, mode, ours_ms: round(oursFresh), chromium_ms: round(fresh), ours_over_chromium: round(oursFresh / fresh) });
    }
  } finally {
    await browser.close();
  }
}

async function main() {
  emit({ bench: 'machine', node: process.version, cpus: os.cpus().length, memory_gb: round(os.totalmem() / 2 ** 30), runs: RUNS });
  const panamaDb = path.join(work, 'panama.sqlite');
  const panama = await makeLibrary(panamaDb, 1);
  if (!only || only.includes('panama')) {
    for (const mode of MODES) await freshBuild('panama-2025', panamaDb, 'panama-2025', mode);
    await warmBuilds('panama-2025', panama, 'panama-2025', MODES);
    await chromiumBuilds('panama-2025', panama, 'panama-2025', MODES);
  }
  if (!only || only.includes('large')) {
    const largeDb = path.join(work, 'large.sqlite');
    const large = await makeLibrary(largeDb, 20);
    await freshBuild('large-20x', largeDb, 'large-20x', 'en');
    await chromiumBuilds('large-20x', large, 'large-20x', ['en']);
  }
  if (!only || only.includes('checks')) {
    await runLayoutChecksBench(emit, RUNS, [
      { name: 'panama-2025', doc: panama, pack: 'panama-2025', editions: ['en', 'parallel'] },
      { name: 'hostile', doc: hostileDocument(), pack: 'hostile', editions: ['en', 'parallel'] },
    ]);
  }
  // Tagged PDFs (issue 14) against the same builds untagged.
  if (!only || only.includes('tagged')) await runTaggingBench(emit, RUNS, 'panama-2025', panama, 'panama-2025', ['en', 'fr', 'es', 'parallel']);
  if (!only || only.includes('check-pdf')) await runCheckPdfBench(emit, RUNS, 'panama-2025', panama, 'panama-2025', ['en', 'parallel']);
  if (!only || only.includes('ui')) await runUiBench(emit, work, RUNS);
  // The renderer's size, and opening a ~530-page PDF in the viewer.
  if (!only || only.includes('ui') || only.includes('viewer')) await runViewerBench(emit, work, RUNS);
  if (!only || only.includes('translate')) await runTranslateBench(emit, work, RUNS);
  if (!only || only.includes('server-import')) await runImportBench(emit, work);
  // Library-wide search, the reading view and every list at 10,000 pieces.
  if (!only || only.includes('search')) await runSearchBench(emit, work, RUNS);
  if (!only || only.includes('delete')) await runDeleteBench(emit, work, RUNS);
  if (!only || only.includes('startup')) await runStartupBench(emit, ROOT, panamaDb, work, RUNS);
  if (!only || only.includes('write-gate')) await runWriteGateBench(emit, panamaDb, work, RUNS);
  // 10,000 saves with history against the same saves recording none.
  if (!only || only.includes('history')) await runHistoryBench(emit, work);
  if (!only || only.includes('term-checks')) await runTermChecksBench(emit, panamaDb, work, RUNS);
  if (!only || only.includes('check-terms')) await runCheckTermsBench(emit, work, RUNS);
  if (!only || only.includes('memory') || only.includes('tmx-export')) await runMemoryBench(emit, work, RUNS);
  if (!only || only.includes('tmx-import')) await runTmxImportBench(emit, panamaDb, work, RUNS);
  // A rebuild and a build after one edit, against a full build of the same pack (issue 12).
  if (!only || only.includes('rebuild')) await runRebuildBench(emit, panamaDb, work, RUNS, ['en', 'all']);
  if (!only || only.includes('merge')) await runMergeBench(emit, RUNS);
  if (!only || only.includes('sync')) await runSyncBench(emit, RUNS, work);
  if (!only || only.includes('backups')) {
    const largeDb = path.join(work, 'backups-20x.sqlite');
    await makeLibrary(largeDb, 20);
    await runBackupsBench(emit, [['starter', panamaDb], ['starter-20x', largeDb]], work, RUNS);
  }
  fs.rmSync(work, { recursive: true, force: true });
}

await main();
