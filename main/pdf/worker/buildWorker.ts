import { parentPort } from 'node:worker_threads';
import { isAppError } from '../../../shared/errors/AppError';
import type { LibraryDocument } from '../../../shared/schemas/libraryDocument';
import { prepareEdition, renderEdition } from '../buildEdition';
import { onRenderProgress } from '../pdfmakeEngine';
import { onLayoutOrigin } from '../pdfmakeLayout';
import type { BuildJob, WorkerMessage } from './messages';
import { warmFonts } from '../warmFonts';

/** Runs builds off the caller's thread; stays alive between jobs so later builds start warm. */
const port = parentPort;
if (!port) throw new Error('buildWorker must run in a worker thread');
const post = (message: WorkerMessage, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

let currentJob = 0;
// pdfmake reports every item it renders: tens of thousands of messages for a large edition.
// Steps of a hundredth are enough for a progress bar; the end (1) is always reported.
const PROGRESS_STEP = 0.01;
let lastProgress = -1;
onRenderProgress((fraction) => {
  if (fraction < 1 && fraction - lastProgress < PROGRESS_STEP) return;
  lastProgress = fraction;
  post({ type: 'progress', jobId: currentJob, fraction });
});

// postMessage leaves at once, even while layout keeps this thread busy: the service always
// knows which piece was being laid out when it stops a build that takes too long.
onLayoutOrigin(({ pieceId, field }) => post({ type: 'laying', jobId: currentJob, pieceId, field }));

// Started before its first job (PackBuildService.warm), the worker parses the fonts meanwhile;
// a job that arrives first waits for this, which the job would have had to do anyway.
setImmediate(warmFonts);

port.on('message', async (job: BuildJob) => {
  currentJob = job.jobId;
  lastProgress = -1;
  try {
    const prepared = prepareEdition(job.doc, job.pack, job.edition, {
      paper: job.paper,
      watermark: job.watermark,
      builtAt: new Date(job.builtAt),
      strings: job.strings,
      changes: job.changes ?? null,
      recipient: job.recipient ?? null,
    });
    // The edition keeps the texts it shows; the rest of the library can go before layout starts.
    (job as { doc: LibraryDocument | null }).doc = null;
    const built = await renderEdition(prepared, { strict: job.strict, pack: job.pack });
    // Transferred, not copied: a copy unless the result owns its whole buffer (pdfmake's may not).
    const { buffer, byteOffset, byteLength } = built.bytes;
    const bytes =
      buffer instanceof ArrayBuffer && byteOffset === 0 && byteLength === buffer.byteLength
        ? new Uint8Array(buffer)
        : new Uint8Array(buffer, byteOffset, byteLength).slice();
    post({ type: 'done', jobId: job.jobId, bytes, pages: built.pages, reports: built.reports, warnings: built.warnings }, [bytes.buffer]);
  } catch (error) {
    post({
      type: 'failed',
      jobId: job.jobId,
      error: isAppError(error)
        ? { code: error.code, params: error.params, problems: [...error.problems] }
        : { message: (error as Error)?.message ?? String(error), stack: (error as Error)?.stack },
    });
  }
});
