import type { ErrorParams } from '../../../shared/errors/AppError';
import type { ValidationProblem } from '../../../shared/schemas/validationProblems';

/** Main thread → import worker: one file's text to parse and validate. */
export type ImportJob =
  | { id: number; kind: 'xliff'; text: string }
  | { id: number; kind: 'tbx'; text: string }
  | { id: number; kind: 'library'; text: string; file: string };

/** Import worker → main thread: what was read, or why not. */
export type ImportAnswer =
  | { id: number; ok: true; value: unknown }
  | {
      id: number;
      ok: false;
      error: { code: string; params: ErrorParams; problems: ValidationProblem[] } | { message: string; stackOverflow: boolean };
    };
