import type { TFunction } from 'i18next';
import type { ApiError } from '../../../shared/api/apiContract';
import { describeFieldProblem } from './describeFieldProblem';

type Translate = (key: string, values?: Record<string, unknown>) => string;

/**
 * The error's message in the reader's language, each problem naming its field as the form labels
 * it. Messages that summarise their problems ({{first}}, {{more}}, {{count}}) get those values
 * from the problem list. A request refused for its record alone is, to the user, a record not
 * saved: the channel's name means nothing to them.
 */
export function describeApiError(error: ApiError, t: TFunction): { message: string; problems: string[] } {
  const translate = t as unknown as Translate;
  const problems = error.problems.map((p) => describeFieldProblem(p, translate));
  const aboutRecord = error.problems.length > 0 && error.problems.every((p) => p.path[0] === 'record');
  const code = error.code === 'api.invalidInput' && aboutRecord ? 'api.invalidRecord' : error.code;
  const values = {
    ...(problems.length > 0 ? { first: problems[0], more: problems.length - 1 } : {}),
    count: problems.length > 0 ? problems.length : 1,
    ...error.params,
  };
  // The app's own wording where the shared one speaks to the command line (its flags, its options).
  const none = '\u0000';
  const inApp = translate(`errors:inApp.${code}`, { ...values, defaultValue: none });
  const hasInApp = inApp !== none && inApp !== '' && !inApp.endsWith(`inApp.${code}`);
  const message = hasInApp ? inApp : translate(`errors:${code}`, { ...values, defaultValue: error.code });
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
