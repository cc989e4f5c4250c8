import { spawn } from 'node:child_process';
import path from 'node:path';
import { openLibrary } from '../../main/db/openLibrary';
import { LibraryStore } from '../../main/services/LibraryStore';
import { loadStarterLibrary } from '../../main/services/loadStarterLibrary';
import { PackBuildService } from '../../main/pdf/PackBuildService';
import { ImportParser } from '../../main/services/importWorker/ImportParser';
import { createApi } from '../../main/api/createApi';
import { startServer } from '../../main/server/startServer';
import { postApi } from '../helpers/server';

type Emit = (record: Record<string, unknown>) => void;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const round = (x: number) => Math.round(x * 10) / 10;

/**
 * A hostile 1.3 MB XLIFF file (inline tags nested tens of thousands deep, which the XML layer
 * reads in quadratic time) sent to `briefing serve`, and small requests sent every 100 ms
 * meanwhile: how long each waited for its answer, and how long the import took.
 */
/** Sends app.info every 100 ms until stdin closes; prints each wait (answered or not). */
const PROBER = `
const http = require('node:http');
const [origin, token] = process.argv.slice(1);
const url = new URL(origin);
const waits = []; let failed = 0; let pending = 0; let stopping = false;
const finish = () => { if (stopping && pending === 0) { process.stdout.write(JSON.stringify({ waits, failed })); process.exit(0); } };
const timer = setInterval(() => {
  const sent = performance.now(); pending++;
  const req = http.request({ host: url.hostname, port: url.port, path: '/api/app.info', method: 'POST',
    headers: { Authorization: 'Bearer ' + token, 'Content-Type': 'application/json', 'Content-Length': 2 } }, (res) => {
    res.resume(); res.on('end', () => { waits.push(performance.now() - sent); pending--; finish(); });
  });
  req.on('error', () => { failed++; pending--; finish(); });
  req.end('{}');
}, 100);
process.stdin.resume();
process.stdin.on('end', () => { clearInterval(timer); stopping = true; finish(); });
`;

export function hostileXliff(bytes = 1.3 * 1024 * 1024): string {
  const head = '<?xml version="1.0"?><xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="fr" trgLang="en"><file id="prio-rps-1"><unit id="title"><segment><source>x</source><target>';
  const tail = '</target></segment></unit></file></xliff>';
  const open = '<pc id="p1" dataRefStart="d1">';
  const close = '</pc>';
  const depth = Math.floor((bytes - head.length - tail.length) / (open.length + close.length));
  return `${head}${open.repeat(depth)}y${close.repeat(depth)}${tail}`;
}

export async function runImportBench(emit: Emit, work: string): Promise<void> {
  const file = path.join(work, 'import-bench.sqlite');
  const library = await openLibrary(file, { create: true });
  const store = new LibraryStore(library.db);
  loadStarterLibrary(store);
  const builds = new PackBuildService(1);
  const imports = new ImportParser({ timeoutMs: 600_000 });
  imports.warm();
  const ctx = { store, libraryPath: file, builds, imports, outputDir: work, mode: 'browser' as const, version: 'bench' };
  const server = await startServer({ api: createApi(ctx), ctx, staticDir: work });
  try {
    const xml = hostileXliff();
    // The probes run in their own process: a frozen server must not freeze its own clock.
    const prober = spawn(process.execPath, ['-e', PROBER, server.origin, server.token], { stdio: ['pipe', 'pipe', 'inherit'] });
    let out = '';
    prober.stdout.on('data', (c: Buffer) => (out += c.toString()));
    const exited = new Promise((resolve) => prober.on('exit', resolve));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const start = performance.now();
    const result = await postApi(server, 'translation.importXliff', { xml, dryRun: true });
    const importMs = performance.now() - start;
    await new Promise((resolve) => setTimeout(resolve, 300));
    prober.stdin.end();
    await exited;
    const { waits, failed } = JSON.parse(out) as { waits: number[]; failed: number };
    emit({
      bench: 'server-import',
      file: 'hostile XLIFF, inline tags nested deep',
      bytes: Buffer.byteLength(xml),
      import_ms: round(importMs),
      import_result: result.ok ? 'ok' : result.error.code,
      small_requests: waits.length,
      small_failed: failed,
      small_median_ms: round(median(waits)),
      small_max_ms: round(Math.max(...waits)),
      reference: 'app.info sent every 100 ms by another process during the import',
    });
  } finally {
    await server.close();
    await builds.close();
    await imports.close();
    library.close();
  }
}
