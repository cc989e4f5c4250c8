import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../shared/errors/AppError';
import { LOCALES, type Locale } from '../../shared/domain/locales';
import type { LibraryDocument } from '../../shared/schemas/libraryDocument';
import type { ValidationProblem } from '../../shared/schemas/validationProblems';
import type { StringOverrides } from '../../shared/locales/createTranslator';
// Not from buildEdition: this thread needs the models, not the PDF engine the worker loads.
import { editionModels } from './editionModels';
import { resolvePack } from './resolvePack';
import { sweepBuildLeftovers, writeOutputs } from './writeOutputs';
import type { Edition } from './buildEdition';
import type { EditionReport } from './EditionTexts';
import type { BuildJob, WorkerMessage } from './worker/messages';
import { buildManifest, type ManifestSeed } from './buildManifest';
import type { BuildManifest } from '../../shared/schemas/buildManifest';
import type { BuildChangesResult } from '../../shared/api/buildRecordTypes';

import { LANGUAGE_MODES, type BuildReport, type LanguageMode } from '../../shared/api/buildTypes';
import { termFindings } from './termFindings';
import type { Concept } from '../../shared/terms/termTypes';

export { LANGUAGE_MODES, type LanguageMode, type BuildReport };

export interface BuildRequest {
  pack: string;
  mode: LanguageMode;
  /** A .pdf file for one edition, or a folder (created if missing) for any mode. */
  out: string;
  strict?: boolean;
  /** --require-approved: refuse drafts as well as missing and out-of-date texts. */
  requireApproved?: boolean;
  paper?: 'a4' | 'letter';
  watermark?: string | null;
  force?: boolean;
  builtAt?: Date;
  /** Translators' edits to the PDF's own strings, from the library (uiStrings). */
  strings?: Partial<Record<Locale, StringOverrides>>;
  /** The termbase: texts that break it are listed in the report's warnings (termFindings). */
  terms?: readonly Concept[];
  /** This build's limit per edition, instead of the service's. */
  editionTimeLimitMs?: number;
  /** The build's identity and the pieces it uses: each PDF then carries a manifest (recordedBuild). */
  manifest?: ManifestSeed;
  /** "Changes since" an earlier build (resolved by recordedBuild from `changesSince`). */
  changes?: BuildChangesResult | null;
  /** The earlier build to compare with: an id, `distributed` (the default) or `none`. */
  changesSince?: string;
  /** A personalized copy: who it is for, named in the footers and the manifest. */
  recipient?: string | null;
}

export interface BuildHooks {
  onProgress?: (progress: { edition: Edition; fraction: number }) => void;
  signal?: AbortSignal;
  /** Each file's manifest, as embedded, before the files are written (recordedBuild keeps them). */
  onManifest?: (manifest: BuildManifest) => void;
}

/** Set by main/bin/compile.mjs in the compiled command line: the URL of its own file. */
declare const __BRIEFING_COMPILED_URL__: string | undefined;
// Compiled, the worker was compiled beside the command line; otherwise its shim runs the TS via tsx.
const WORKER_ENTRY =
  typeof __BRIEFING_COMPILED_URL__ === 'string'
    ? new URL('./buildWorker.mjs', __BRIEFING_COMPILED_URL__)
    : new URL('./worker/buildWorker.mjs', import.meta.url);

/**
 * A worker's heap, sized for what a build keeps alive rather than left to V8's defaults (on a
 * machine with much memory: an old generation allowed to grow to four times what survived the
 * last collection, a young generation of up to 48 MB). With a 512 MB limit the old generation
 * grows by less than half between collections, and a small young generation collects layout's
 * short-lived objects early. The benchmark's 530-page edition, built in parts, then peaks at
 * about 270 MB for the whole `briefing build` process instead of about 450 MB, as fast; the
 * starter pack's `--lang all` at about 285 MB instead of 340 MB. Even that 530-page edition laid
 * out in one pass (which large editions never are) fits in these limits.
 */
export const WORKER_HEAP = { maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: 6 } as const;

/**
 * How long one edition may take before its worker is stopped: far above the 530-page benchmark
 * edition on a slow machine, far below the minutes hostile content once took.
 */
export const EDITION_TIME_LIMIT_MS = 180_000;

export interface BuildServiceOptions {
  /** Per edition; the worker is stopped and the build fails, naming the piece being laid out. */
  editionTimeLimitMs?: number;
  /** The worker's old-generation heap (MB), instead of WORKER_HEAP's. */
  heapMb?: number;
}

interface PooledWorker {
  worker: Worker;
  busy: boolean;
}

/**
 * Builds packs in worker threads, off the caller's thread: the desktop app's UI stays
 * responsive, `all` builds its three editions in parallel, and the workers stay warm between
 * builds. Nothing is written until every edition has rendered, so a failed or cancelled build
 * leaves no file behind.
 */
export class PackBuildService {
  private readonly pool: PooledWorker[] = [];
  private readonly waiting: ((w: PooledWorker) => void)[] = [];
  private nextJob = 1;

  private readonly timeLimitMs: number;
  private readonly heap: { maxOldGenerationSizeMb: number; maxYoungGenerationSizeMb: number };

  /** `workerEntry`: the desktop app passes its bundled worker; the CLI runs the TS one via tsx. */
  constructor(
    private readonly size = 2,
    private readonly workerEntry: URL = WORKER_ENTRY,
    options: BuildServiceOptions = {},
  ) {
    this.timeLimitMs = options.editionTimeLimitMs ?? EDITION_TIME_LIMIT_MS;
    this.heap = { ...WORKER_HEAP, ...(options.heapMb ? { maxOldGenerationSizeMb: options.heapMb } : {}) };
  }

  /** Starts the workers now, so the first build does not pay for their start-up. */
  warm(): void {
    while (this.pool.length < this.size) this.pool.push(this.spawn());
  }

  async close(): Promise<void> {
    await Promise.all(this.pool.splice(0).map((p) => p.worker.terminate()));
  }

  async build(doc: LibraryDocument, request: BuildRequest, hooks: BuildHooks = {}): Promise<BuildReport> {
    if (!(LANGUAGE_MODES as readonly string[]).includes(request.mode)) {
      throw new AppError('build.unknownLanguage', { value: request.mode });
    }
    const editions: Edition[] = request.mode === 'all' ? [...LOCALES] : [request.mode as Edition];
    const locales = request.mode === 'all' || request.mode === 'parallel' ? LOCALES : [request.mode as Locale];
    const pack = resolvePack(doc, request.pack);
    // The workers report on the texts of what they build; --strict needs to know before building.
    if (request.strict || request.requireApproved) {
      assertComplete(pack.slug, editionModels(doc, request.pack, locales, request.strings).reports, request.requireApproved ?? false);
    }
    const targets = planOutputs(request, pack.slug, editions);

    const paper = request.paper ?? pack.paper;
    // Unless the request gives one text for every edition, each edition has the pack's own.
    const watermark = request.watermark;
    const builtAt = (request.builtAt ?? new Date()).toISOString();
    const seed = request.manifest;
    // pdf-lib takes a noticeable part of a fresh process's start: it loads while the workers lay out.
    const embedding = seed ? import('./embedManifest') : null;
    const results = await Promise.all(
      editions.map((edition) =>
        this.run(
          { type: 'build', jobId: 0, doc, pack: pack.id, edition, paper, watermark, builtAt, strings: request.strings ?? {}, strict: request.strict ?? false, changes: request.changes ?? null, recipient: request.recipient ?? null },
          hooks,
          request.editionTimeLimitMs ?? this.timeLimitMs,
        ),
      ),
    );
    const embedManifest = (await embedding)?.embedManifest;
    const finals = seed && embedManifest
      ? await Promise.all(
          editions.map((edition, i) => {
            const { manifest, titles } = buildManifest(seed, pack, edition, { mode: request.mode, paper, watermark: watermark ?? null, strict: request.strict ?? false, requireApproved: request.requireApproved ?? false, ...(request.recipient ? { recipient: request.recipient } : {}) }, editions.map((e, j) => ({ edition: e, pages: results[j]!.pages, reports: results[j]!.reports })));
            hooks.onManifest?.(manifest);
            return embedManifest(results[i]!.bytes, manifest, titles);
          }),
        )
      : results.map((r) => r.bytes);
    writeOutputs(targets.map((file, i) => ({ file, bytes: finals[i]! })), request.force ?? false);
    return {
      pack: { id: pack.id, slug: pack.slug },
      buildId: seed?.id ?? null,
      files: editions.map((edition, i) => ({
        edition,
        file: targets[i]!,
        pages: results[i]!.pages,
        bytes: finals[i]!.byteLength,
        sha256: createHash('sha256').update(finals[i]!).digest('hex'),
      })),
      editions: results.flatMap((r) => r.reports),
      warnings: [
        ...results.flatMap((r) => r.warnings),
        ...(request.terms ? termFindings(doc, editionModels(doc, request.pack, locales, request.strings).usedBy, request.terms) : []),
      ],
    };
  }

  private spawn(): PooledWorker {
    const pooled: PooledWorker = { worker: new Worker(this.workerEntry, { resourceLimits: this.heap }), busy: false };
    // An idle worker does not keep the process alive; one building does (run() refs it), so the
    // CLI waits for its builds instead of exiting with the promise unsettled (code 13).
    pooled.worker.unref();
    pooled.worker.on('exit', () => {
      const index = this.pool.indexOf(pooled);
      if (index >= 0) this.pool.splice(index, 1);
      // A stopped worker (cancelled or crashed) hands its place to whoever is waiting.
      const next = this.waiting.shift();
      if (next) void this.acquire().then(next);
    });
    return pooled;
  }

  private acquire(): Promise<PooledWorker> {
    const idle = this.pool.find((p) => !p.busy);
    if (idle) {
      idle.busy = true;
      return Promise.resolve(idle);
    }
    if (this.pool.length < this.size) {
      const fresh = this.spawn();
      fresh.busy = true;
      this.pool.push(fresh);
      return Promise.resolve(fresh);
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(pooled: PooledWorker): void {
    const next = this.waiting.shift();
    if (next) next(pooled);
    else pooled.busy = false;
  }

  private async run(
    job: BuildJob,
    hooks: BuildHooks,
    timeLimitMs: number,
  ): Promise<{ bytes: Uint8Array; pages: number; reports: EditionReport[]; warnings: ValidationProblem[] }> {
    if (hooks.signal?.aborted) throw new AppError('build.cancelled');
    const pooled = await this.acquire();
    // The build may have been cancelled while this edition waited for a worker.
    if (hooks.signal?.aborted) {
      this.release(pooled);
      throw new AppError('build.cancelled');
    }
    const jobId = this.nextJob++;
    return new Promise((resolve, reject) => {
      const { worker } = pooled;
      worker.ref();
      let laying: { pieceId: string; field: string } | null = null;
      let stopped: AppError | null = null;
      const cleanup = () => {
        clearTimeout(timer);
        worker.unref();
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        hooks.signal?.removeEventListener('abort', onAbort);
      };
      const onMessage = (message: WorkerMessage) => {
        if (message.jobId !== jobId) return;
        if (message.type === 'progress') {
          hooks.onProgress?.({ edition: job.edition, fraction: message.fraction });
          return;
        }
        if (message.type === 'laying') {
          laying = { pieceId: message.pieceId, field: message.field };
          return;
        }
        cleanup();
        this.release(pooled);
        if (message.type === 'done') resolve({ bytes: message.bytes, pages: message.pages, reports: message.reports, warnings: message.warnings });
        else if ('code' in message.error) reject(new AppError(message.error.code, message.error.params, message.error.problems));
        else reject(new AppError('build.failed', { detail: message.error.message }));
      };
      const onError = (error: Error) => {
        cleanup();
        reject(workerDeath(job.edition, error, this.heap.maxOldGenerationSizeMb));
      };
      const onExit = (code: number) => {
        cleanup();
        if (stopped) reject(stopped);
        else if (hooks.signal?.aborted) reject(new AppError('build.cancelled'));
        else reject(new AppError('build.workerExited', { edition: job.edition, code }));
      };
      // Layout cannot be interrupted from inside: past the limit the worker itself is stopped.
      const timer = setTimeout(() => {
        const seconds = Math.round(timeLimitMs / 100) / 10;
        stopped = laying
          ? new AppError('build.tooSlow', { edition: job.edition, seconds, piece: laying.pieceId, field: laying.field })
          : new AppError('build.tooSlowUnnamed', { edition: job.edition, seconds });
        void worker.terminate();
      }, timeLimitMs);
      // Layout cannot be interrupted from inside: cancelling stops the worker itself.
      const onAbort = () => void worker.terminate();
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      hooks.signal?.addEventListener('abort', onAbort, { once: true });
      worker.postMessage({ ...job, jobId } satisfies BuildJob);
    });
  }
}

/** A worker that died (out of memory, a crash in native code) as a message naming the edition. */
function workerDeath(edition: Edition, error: Error & { code?: string }, heapMb: number): AppError {
  if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') return new AppError('build.outOfMemory', { edition, limit: heapMb }, [], { cause: error });
  return new AppError('build.workerFailed', { edition, detail: String(error.message).slice(0, 200) }, [], { cause: error });
}

/**
 * --strict: every text of every edition must exist in its language and be up to date.
 * --require-approved: approved as well (no draft), for a paper that goes out as final.
 */
function assertComplete(pack: string, reports: EditionReport[], requireApproved: boolean): void {
  const problems: ValidationProblem[] = [];
  for (const report of reports) {
    const states = [['missing', report.missing], ['stale', report.stale], ...(requireApproved ? [['draft', report.draft] as const] : [])] as const;
    for (const [state, list] of states) {
      for (const issue of list) {
        problems.push({ path: [], key: `build.untranslated.${state}`, values: { locale: report.locale, piece: issue.pieceId, field: issue.field } });
      }
    }
  }
  if (problems.length > 0) throw new AppError(requireApproved ? 'build.notApproved' : 'build.incomplete', { pack, count: problems.length }, problems);
}

function planOutputs(request: BuildRequest, slug: string, editions: Edition[]): string[] {
  const out = path.resolve(request.out);
  const isFile = out.toLowerCase().endsWith('.pdf');
  if (isFile && editions.length > 1) throw new AppError('build.outNeedsFolder', { out });
  const targets = isFile ? [out] : editions.map((e) => path.join(out, `${slug}-${e}.pdf`));
  const folder = isFile ? path.dirname(out) : out;
  try {
    fs.mkdirSync(folder, { recursive: true });
    fs.accessSync(folder, fs.constants.W_OK);
  } catch (error) {
    throw new AppError('build.cannotWrite', { file: folder, detail: (error as NodeJS.ErrnoException).code ?? String(error) });
  }
  if (!fs.statSync(folder).isDirectory()) throw new AppError('build.cannotWrite', { file: folder, detail: 'ENOTDIR' });
  // A build killed earlier in this folder is finished or removed before this one looks at it.
  sweepBuildLeftovers(folder);
  if (!request.force) {
    const existing = targets.find((t) => fs.existsSync(t));
    if (existing) throw new AppError('build.outputExists', { file: existing });
  }
  return targets;
}
