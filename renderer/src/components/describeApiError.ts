import type { TFunction } from 'i18next';
import type { ApiError } from '../../../shared/api/apiContract';
import { describeProblem } from '../../../shared/schemas/validationProblems';

type Translate = (key: string, values?: Record<string, unknown>) => string;

/**
 * The error's message in the reader's language. Messages that summarise their problems
 * ({{first}}, {{more}}, {{count}}) get those values from the problem list.
 */
export function describeApiError(error: ApiError, t: TFunction): { message: string; problems: string[] } {
  const translate = t as unknown as Translate;
  const problems = error.problems.map((p) => describeProblem(p, translate));
  const values = {
    ...(problems.length > 0 ? { first: problems[0], more: problems.length - 1 } : {}),
    count: problems.length > 0 ? problems.length : 1,
    ...error.params,
  };
  const message = translate(`errors:${error.code}`, { ...values, defaultValue: error.code });
  return { message, problems };
}

/**
 * The paths the error's problems point at, relative to the record being edited: a save's
 * `notes[0].title.fr.text` and an invalid request's `record.title.fr.text` both become
 * `title.fr.text`.
 */
export function problemPaths(error: ApiError | null): string[] {
  if (!error) return [];
  return error.problems.map((p) => {
    const path = [...p.path];
    if (typeof path[0] === 'string' && typeof path[1] === 'number') path.splice(0, 2);
    else if (path[0] === 'record') path.splice(0, 1);
    return path.join('.');
  });
}

/** Does a problem point at this field (`title`), or at one language of it (`title`, `fr`)? */
export function fieldHasProblem(paths: readonly string[], field: string, locale?: string): boolean {
  const exact = locale ? `${field}.${locale}` : field;
  return paths.some((p) => p === field || p === exact || p.startsWith(`${exact}.`));
}
