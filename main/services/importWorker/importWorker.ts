import { parentPort } from 'node:worker_threads';
import { isAppError } from '../../../shared/errors/AppError';
import { readXliff } from '../../xliff/readXliff';
import { readTbx } from '../../terms/readTbx';
import { parseJsonText } from '../readLibraryFile';
import { parseLibraryShape } from '../parseLibraryDocument';
import type { ImportAnswer, ImportJob } from './importWorkerMessages';

/** Parses and validates import files off the thread that answers the app's requests. */
const port = parentPort;
if (!port) throw new Error('importWorker must run in a worker thread');

port.on('message', (job: ImportJob) => {
  let answer: ImportAnswer;
  try {
    const value =
      job.kind === 'xliff'
        ? readXliff(job.text)
        : job.kind === 'tbx'
          ? readTbx(job.text)
          : parseLibraryShape(parseJsonText(job.text, job.file), job.file);
    answer = { id: job.id, ok: true, value };
  } catch (error) {
    answer = {
      id: job.id,
      ok: false,
      error: isAppError(error)
        ? { code: error.code, params: error.params, problems: [...error.problems] }
        : { message: (error as Error)?.message ?? String(error), stackOverflow: error instanceof RangeError && /call stack/i.test(error.message) },
    };
  }
  port.postMessage(answer);
});
