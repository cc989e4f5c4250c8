/**
 * An error a user can act on: a code that names a message in locales/<lang>/errors.json and the
 * values that message needs. It is translated where it is shown (CLI, IPC, HTTP), never here.
 */
import type { ValidationProblem } from '../schemas/validationProblems';
import { cutForMessage } from './cutForMessage';

export type ErrorParams = Record<string, string | number>;

export class AppError extends Error {
  readonly params: ErrorParams;
  /** Further problems of the same failure (an import with several invalid records). */
  readonly problems: readonly ValidationProblem[];

  constructor(
    readonly code: string,
    params: ErrorParams = {},
    problems: readonly ValidationProblem[] = [],
    options?: { cause?: unknown },
  ) {
    // Values are quoted in messages (CLI, app, log): a huge one is cut here, once for all.
    const cut = cutParams(params);
    super(`${code} ${JSON.stringify(cut)}`, options);
    this.name = 'AppError';
    this.params = cut;
    this.problems = problems.map((p) => ({ ...p, values: cutParams(p.values) }));
  }
}

function cutParams<T extends Record<string, string | number>>(params: T): T {
  let out: Record<string, string | number> | null = null;
  for (const [key, value] of Object.entries(params)) {
    if (typeof value !== 'string') continue;
    const cut = cutForMessage(value);
    if (cut !== value) (out ??= { ...params })[key] = cut;
  }
  return (out ?? params) as T;
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
