import type { z } from 'zod';
import type { DocumentIssue } from './checkLibraryDocument';
import { badCharacterProblem, checkTexts } from './textCharacters';
import { cutForMessage } from '../errors/cutForMessage';

function cutValues(values: Record<string, string | number>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(values)) out[k] = typeof v === 'string' ? cutForMessage(v) : v;
  return out;
}

/**
 * A validation failure in neutral form: where (path and the record's id) and what (a key in
 * errors:validation with its values). Services produce these; the edge translates them.
 */
export interface ValidationProblem {
  path: (string | number)[];
  recordId?: string;
  key: string;
  values: Record<string, string | number>;
}

type Translate = (key: string, values?: Record<string, unknown>) => string;

const MESSAGE_KEYS = new Set([
  'badId', 'badSlug', 'badCountryCode', 'badDate', 'badPartialDate', 'badHash', 'badUrl', 'badTag',
  'badFormatVersion', 'endBeforeStart',
]);

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
};

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let here: unknown = input;
  for (const step of path) {
    if (here === null || typeof here !== 'object') return undefined;
    here = (here as Record<PropertyKey, unknown>)[step];
  }
  return here;
}

function recordIdAt(input: unknown, path: readonly PropertyKey[]): string | undefined {
  if (typeof path[0] !== 'string' || typeof path[1] !== 'number') return undefined;
  const record = valueAt(input, path.slice(0, 2));
  if (!record || typeof record !== 'object') return undefined;
  const { id, code } = record as { id?: unknown; code?: unknown };
  // Quoted at the head of each of the record's problems before the id itself is checked: a
  // file may hold an id of any length, cut like every other quoted value.
  const found = typeof id === 'string' ? id : typeof code === 'string' ? code : undefined;
  return found === undefined ? undefined : cutForMessage(found);
}

function keyAndValues(issue: z.core.$ZodIssue, value: unknown, container: unknown): Pick<ValidationProblem, 'key' | 'values'> {
  if (MESSAGE_KEYS.has(issue.message)) return { key: issue.message, values: { value: String(value) } };
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return { key: 'required', values: {} };
      if (issue.expected === 'int') return { key: 'notInteger', values: {} };
      return { key: 'wrongType', values: { expected: TYPE_NAMES[issue.expected] ?? issue.expected } };
    case 'too_big':
      if (issue.origin === 'string' && typeof value === 'string') {
        return { key: 'tooLong', values: { actual: value.length, max: Number(issue.maximum) } };
      }
      return { key: 'tooBig', values: { max: Number(issue.maximum) } };
    case 'too_small':
      if (issue.origin === 'string') return { key: 'tooShort', values: {} };
      return { key: 'tooSmall', values: { min: Number(issue.minimum) } };
    case 'unrecognized_keys': {
      const key = issue.keys[0] ?? '';
      if (issue.path.length === 0) return { key: 'unknownTopField', values: { key: issue.keys.join('", "') } };
      const localized =
        container !== null && typeof container === 'object' && ['en', 'fr', 'es'].some((l) => l in (container as object));
      return { key: localized || /^[a-z]{2}(-[A-Za-z]{2,4})?$/.test(key) ? 'unknownLocale' : 'unknownField', values: { key } };
    }
    case 'invalid_value':
      // zod reports a missing enum field as a wrong value; it is a missing field.
      if (value === undefined) return { key: 'required', values: {} };
      if (issue.values.length === 1) return { key: 'badValue', values: { expected: JSON.stringify(issue.values[0]) } };
      return { key: 'badEnum', values: { value: String(value), options: issue.values.join(', ') } };
    case 'custom': {
      const params = issue.params as { key?: string; values?: Record<string, string | number> } | undefined;
      if (params?.key) return { key: params.key, values: params.values ?? {} };
      return { key: 'invalid', values: {} };
    }
    default:
      return { key: 'invalid', values: {} };
  }
}

export function problemFromZodIssue(issue: z.core.$ZodIssue, input: unknown): ValidationProblem {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const value = valueAt(input, path);
  const { key, values } = keyAndValues(issue, value, value);
  // A problem without a path names its message's namespace (describeProblem): here, validation.
  return { path, recordId: recordIdAt(input, path), key: path.length === 0 ? `validation.${key}` : key, values: cutValues(values) };
}

/**
 * `input` with line ends normalized in every string, and a problem for each text holding a
 * character no text may hold (textCharacters.ts): exchange format and API inputs alike.
 */
export function checkTextCharacters<T>(input: T): { value: T; problems: ValidationProblem[] } {
  const { value, problems } = checkTexts(input);
  return {
    value,
    problems: problems.map(({ path, bad }) => ({ path, recordId: recordIdAt(input, path), ...badCharacterProblem(bad) })),
  };
}

export function problemFromDocumentIssue(issue: DocumentIssue, input: unknown): ValidationProblem {
  return { path: issue.path, recordId: recordIdAt(input, issue.path), key: issue.key, values: issue.values };
}

function formatPath(path: readonly (string | number)[]): string {
  return path.reduce<string>((out, step) => {
    if (typeof step === 'number') return `${out}[${step}]`;
    return out ? `${out}.${step}` : step;
  }, '');
}

/** `notes[2] (note-x) title.en.text: required field is missing`, in the reader's language. */
export function describeProblem(problem: ValidationProblem, t: Translate): string {
  // A problem with no path is about the whole request; its key names its own namespace.
  // A key that names its namespace (`common:checks.numbers`) is used as it is.
  if (problem.path.length === 0) return t(problem.key.includes(':') ? problem.key : `errors:${problem.key}`, problem.values);
  const [collection, index, ...rest] = problem.path;
  let where: string;
  if (typeof collection === 'string' && typeof index === 'number') {
    const head =
      problem.recordId !== undefined
        ? t('errors:validation.record', { collection, index, id: problem.recordId })
        : `${collection}[${index}]`;
    where = rest.length ? `${head} ${formatPath(rest)}` : head;
  } else {
    where = problem.path.length ? formatPath(problem.path) : '(root)';
  }
  return t('errors:validation.at', { where, problem: t(`errors:validation.${problem.key}`, problem.values) });
}
