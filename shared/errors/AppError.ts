/**
 * An error a user can act on: a code that names a message in locales/<lang>/errors.json and the
 * values that message needs. It is translated where it is shown (CLI, IPC, HTTP), never here.
 */
import type { ValidationProblem } from '../schemas/validationProblems';

export type ErrorParams = Record<string, string | number>;

export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly params: ErrorParams = {},
    /** Further problems of the same failure (an import with several invalid records). */
    readonly problems: readonly ValidationProblem[] = [],
    options?: { cause?: unknown },
  ) {
    super(`${code} ${JSON.stringify(params)}`, options);
    this.name = 'AppError';
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
