import { parentPort } from 'node:worker_threads';
import { isAppError } from '../../../shared/errors/AppError';
import { buildEdition } from '../buildEdition';
import { configurePdfmake } from '../pdfmakeEngine';
import type { BuildJob, WorkerMessage } from './messages';

/** Runs builds off the caller's thread; stays alive between jobs so later builds start warm. */
const port = parentPort;
if (!port) throw new Error('buildWorker must run in a worker thread');
const post = (message: WorkerMessage, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

let currentJob = 0;
configurePdfmake().setProgressCallback((fraction: number) => post({ type: 'progress', jobId: currentJob, fraction }));

port.on('message', async (job: BuildJob) => {
  currentJob = job.jobId;
  try {
    const built = await buildEdition(job.doc, job.pack, job.edition, {
      paper: job.paper,
      watermark: job.watermark,
      builtAt: new Date(job.builtAt),
    });
    const bytes = new Uint8Array(built.bytes.buffer, built.bytes.byteOffset, built.bytes.byteLength).slice();
    post({ type: 'done', jobId: job.jobId, bytes, pages: built.pages, reports: built.reports }, [bytes.buffer]);
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
