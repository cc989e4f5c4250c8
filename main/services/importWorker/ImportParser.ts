import { Worker } from 'node:worker_threads';
import { AppError } from '../../../shared/errors/AppError';
import type { LibraryDocument } from '../../../shared/schemas/libraryDocument';
import type { XliffDocumentIn } from '../../xliff/xliffTypes';
import type { readTbx } from '../../terms/readTbx';
import type { ImportAnswer, ImportJob } from './importWorkerMessages';

/** Set by main/bin/compile.mjs in the compiled command line: the URL of its own file. */
declare const __BRIEFING_COMPILED_URL__: string | undefined;
// Compiled, the worker was compiled beside the command line; otherwise its shim runs the TS via tsx.
const WORKER_ENTRY =
  typeof __BRIEFING_COMPILED_URL__ === 'string'
    ? new URL('./importWorker.mjs', __BRIEFING_COMPILED_URL__)
    : new URL('./importWorker.mjs', import.meta.url);
const DETAIL_MAX = 200;

export interface ImportParserOptions {
  /** The desktop app passes its bundled worker; the CLI and browser mode run the TS one via tsx. */
  workerEntry?: URL;
  /** Reading one file may take this long; then the worker is stopped and the import refused. */
  timeoutMs?: number;
  /** The worker's heap: a 32 MB file read whole fits; a runaway one stops here, not the app. */
  heapMb?: number;
}

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;
type Job = WithoutId<ImportJob>;

/**
 * Reads import files (XLIFF, TBX, library JSON) in a worker thread, one at a time, so the thread that
 * answers the app's requests stays free while a large or hostile file is parsed and validated.
 * What needs the library (references, current texts) and every write stay on the caller's
 * thread. A file that takes too long or too much memory stops the worker, never the app.
 */
export class ImportParser {
  private worker: Worker | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private nextId = 1;
  private jobs = 0;
  private readonly workerEntry: URL;
  readonly timeoutMs: number;
  readonly heapMb: number;

  constructor(options: ImportParserOptions = {}) {
    this.workerEntry = options.workerEntry ?? WORKER_ENTRY;
    this.timeoutMs = options.timeoutMs ?? 120_000;
    this.heapMb = options.heapMb ?? 1024;
  }

  /** Files waiting or being read. */
  get pending(): number {
    return this.jobs;
  }

  /** Starts the worker now, so the first import does not wait for it. */
  warm(): void {
    this.ensure();
  }

  readXliff(xml: string): Promise<XliffDocumentIn> {
    return this.run({ kind: 'xliff', text: xml }) as Promise<XliffDocumentIn>;
  }

  /** A TBX termbase's concepts, read and checked (not yet merged with the library's). */
  readTbx(xml: string): Promise<ReturnType<typeof readTbx>> {
    return this.run({ kind: 'tbx', text: xml }) as Promise<ReturnType<typeof readTbx>>;
  }

  /** A library file's JSON, its envelope and every field checked (not yet its references). */
  readLibraryJson(text: string, file: string): Promise<LibraryDocument> {
    return this.run({ kind: 'library', text, file }) as Promise<LibraryDocument>;
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }

  private ensure(): Worker {
    if (!this.worker) {
      const worker = new Worker(this.workerEntry, { resourceLimits: { maxOldGenerationSizeMb: this.heapMb } });
      worker.unref();
      worker.on('exit', () => {
        if (this.worker === worker) this.worker = null;
      });
      // Errors reach the job that is running; one with no job running must not go unhandled.
      worker.on('error', () => undefined);
      this.worker = worker;
    }
    return this.worker;
  }

  private run(job: Job): Promise<unknown> {
    this.jobs++;
    const result = this.queue.then(() => this.runNow(job)).finally(() => this.jobs--);
    this.queue = result.catch(() => undefined);
    return result;
  }

  private runNow(job: Job): Promise<unknown> {
    const worker = this.ensure();
    const id = this.nextId++;
    // While a file is read the worker keeps the process alive; idle, it does not.
    worker.ref();
    return new Promise((resolve, reject) => {
      let settled = false;
      const settle = (outcome: () => void, stop: boolean) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (stop) {
          if (this.worker === worker) this.worker = null;
          void worker.terminate();
        } else worker.unref();
        outcome();
      };
      const onMessage = (answer: ImportAnswer) => {
        if (answer.id !== id) return;
        settle(() => (answer.ok ? resolve(answer.value) : reject(toAppError(answer.error))), false);
      };
      const onError = (error: Error & { code?: string }) => {
        const failure =
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new AppError('importWorker.outOfMemory', { limit: this.heapMb }, [], { cause: error })
            : new AppError('importWorker.failed', { detail: cut(error.message) }, [], { cause: error });
        settle(() => reject(failure), true);
      };
      const onExit = (code: number) => settle(() => reject(new AppError('importWorker.failed', { detail: `exit code ${code}` })), true);
      const timer = setTimeout(
        () => settle(() => reject(new AppError('importWorker.tooSlow', { seconds: Math.round(this.timeoutMs / 1000) })), true),
        this.timeoutMs,
      );
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage({ ...job, id } satisfies ImportJob);
    });
  }
}

function cut(text: string): string {
  return text.length > DETAIL_MAX ? `${text.slice(0, DETAIL_MAX - 1)}…` : text;
}

function toAppError(error: Extract<ImportAnswer, { ok: false }>['error']): AppError {
  if ('code' in error) return new AppError(error.code, error.params, error.problems);
  if (error.stackOverflow) return new AppError('importWorker.tooDeep');
  return new AppError('importWorker.failed', { detail: cut(error.message) });
}
