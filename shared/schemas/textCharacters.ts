import type { ValidationProblem } from './validationProblems';

/**
 * The one rule for the characters a text may hold, applied to every string of an exchange-format
 * document and of every API input before its schema sees it. Tab and line feed are the only
 * control characters a text needs; CR LF and a lone CR are line ends and become LF. NUL and the
 * other C0/C1 controls, lone surrogates and the noncharacters U+FFFE/U+FFFF are refused: SQLite's
 * checks, XML (so XLIFF) and the PDF fonts cannot hold them, and they are never typed on purpose.
 */
const FORBIDDEN = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export interface BadCharacter {
  /** `U+0000` */
  character: string;
  kind: 'control' | 'surrogate' | 'nonCharacter';
  line: number;
  column: number;
}

export function normalizeLineEnds(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/** The first character `text` may not hold, with its line and column (1-based), or null. */
export function findBadCharacter(text: string): BadCharacter | null {
  const match = FORBIDDEN.exec(text);
  if (!match) return null;
  const code = match[0].charCodeAt(0);
  const before = text.slice(0, match.index);
  const lineStart = before.lastIndexOf('\n') + 1;
  return {
    character: `U+${code.toString(16).toUpperCase().padStart(4, '0')}`,
    kind: code >= 0xd800 && code <= 0xdfff ? 'surrogate' : code >= 0xfffe ? 'nonCharacter' : 'control',
    line: before.split('\n').length,
    column: [...before.slice(lineStart)].length + 1,
  };
}

/** The problem's key and values in errors:validation. */
export function badCharacterProblem(bad: BadCharacter): Pick<ValidationProblem, 'key' | 'values'> {
  const values = { character: bad.character, line: bad.line, column: bad.column };
  if (bad.kind === 'surrogate') return { key: 'loneSurrogate', values };
  if (bad.kind === 'nonCharacter') return { key: 'nonCharacter', values };
  return { key: 'controlCharacter', values };
}

export interface CheckedTexts<T> {
  /** The input with line ends normalized in every string (the input itself when none changed). */
  value: T;
  problems: { path: (string | number)[]; bad: BadCharacter }[];
}

/**
 * Every string in `input` (values at any depth, not keys) through the rule, iteratively so a
 * hostile nesting depth cannot overflow the stack. At most `maxProblems` are reported.
 */
export function checkTexts<T>(input: T, maxProblems = 20): CheckedTexts<T> {
  const problems: CheckedTexts<T>['problems'] = [];
  const root = { input: input as unknown };
  // Each entry links to its parent's, so the path is built only for a problem (linear at any depth).
  interface Step {
    holder: Record<string | number, unknown>;
    key: string | number;
    up: Step | null;
  }
  const pathOf = (step: Step): (string | number)[] => {
    const path: (string | number)[] = [];
    for (let s: Step | null = step; s && s.up; s = s.up) path.push(s.key);
    return path.reverse();
  };
  const top: keyof typeof root = 'input';
  const stack: Step[] = [{ holder: root as Record<string, unknown>, key: top, up: null }];
  while (stack.length > 0) {
    const step = stack.pop()!;
    const value = step.holder[step.key];
    if (typeof value === 'string') {
      const normalized = normalizeLineEnds(value);
      if (normalized !== value) step.holder[step.key] = normalized;
      const bad = problems.length < maxProblems ? findBadCharacter(normalized) : null;
      if (bad) problems.push({ path: pathOf(step), bad });
    } else if (value !== null && typeof value === 'object') {
      // Copy on the way down so the caller's object is never changed.
      const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
      step.holder[step.key] = copy;
      const keys = Array.isArray(copy) ? copy.map((_, i) => i) : Object.keys(copy);
      for (let i = keys.length - 1; i >= 0; i--) stack.push({ holder: copy, key: keys[i]!, up: step });
    }
  }
  return { value: root.input as T, problems };
}
