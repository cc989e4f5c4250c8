import { Lexer, type Token } from 'marked';

/*
 * marked parses nesting by recursion and some of it in superlinear time: about 2,000 `>` or
 * `- ` on one line overflow its stack, 1,000 nested `**a ` take seconds, leading indentation
 * of 1,000 levels takes about 13 s. Every reader of user Markdown (the PDF engine, the app's
 * preview, the translation checks) lexes through this one function, so all of them see the
 * same, bounded structure: what prints is what the preview shows and what the checks compare.
 */

/** Leading whitespace beyond this many columns is clamped (about 12 list levels). */
export const MAX_INDENT = 24;
/** Block markers (`>`, `-`, `*`, `+`, `1.`) opening one line beyond this many are dropped. */
export const MAX_LINE_NESTING = 8;
/** Emphasis open at once (`**a **b *c …`) beyond this depth is shown as the characters typed. */
export const MAX_EMPHASIS_DEPTH = 8;
/** A delimiter run longer than this (`*****…`) means nothing more in Markdown: shown as typed. */
const MAX_DELIMITER_RUN = 3;

export interface MarkdownLimits {
  /** Lines whose indentation was clamped or whose extra block markers were dropped. */
  nestingCut: number;
  /** Emphasis delimiters shown as typed because they opened too deep or ran too long. */
  emphasisCut: number;
}

export interface LexedMarkdown {
  tokens: Token[];
  /** What the limits changed; null when the text was within them (the usual case). */
  limited: MarkdownLimits | null;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
// One block marker and the spaces after it; a list marker needs a space (or the line's end).
const BLOCK_MARKER = /^(?:>[ \t]?|[-*+](?:[ \t]+|$)|\d{1,9}[.)](?:[ \t]+|$))/;
const DELIMITER_RUN = /(\\*)([*_~])\2*/g;
const CODE_SPAN = /(`+)[^`]*?\1/g;

/** Markdown (CRLF or LF) as marked's tokens, within the limits above. */
export function lexMarkdown(markdown: string): LexedMarkdown {
  const { text, limits } = limitMarkdown(markdown);
  return { tokens: new Lexer({ gfm: true }).lex(text), limited: limits.nestingCut || limits.emphasisCut ? limits : null };
}

/** The text lexMarkdown parses, and what it had to change (exported for its tests). */
export function limitMarkdown(markdown: string): { text: string; limits: MarkdownLimits } {
  const limits: MarkdownLimits = { nestingCut: 0, emphasisCut: 0 };
  let fence: string | null = null;
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const opening = FENCE.exec(line);
    if (fence !== null) {
      // Code is code: only its indentation is bounded.
      if (opening && opening[1]!.startsWith(fence)) fence = null;
      lines[i] = clampIndent(line, limits);
      continue;
    }
    if (opening) {
      fence = opening[1]!;
      lines[i] = clampIndent(line, limits);
      continue;
    }
    lines[i] = limitEmphasis(limitBlockMarkers(clampIndent(line, limits), limits), limits);
  }
  return { text: lines.join('\n'), limits };
}

function clampIndent(line: string, limits: MarkdownLimits): string {
  const lead = /^[ \t]+/.exec(line)?.[0];
  if (!lead) return line;
  const width = lead.replace(/\t/g, '    ').length;
  if (width <= MAX_INDENT && !lead.includes('\t')) return line;
  if (width > MAX_INDENT) limits.nestingCut++;
  return ' '.repeat(Math.min(width, MAX_INDENT)) + line.slice(lead.length);
}

function limitBlockMarkers(line: string, limits: MarkdownLimits): string {
  const indent = /^ */.exec(line)![0];
  let rest = line.slice(indent.length);
  let kept = '';
  let count = 0;
  for (let marker = BLOCK_MARKER.exec(rest); marker && marker[0].length > 0; marker = BLOCK_MARKER.exec(rest)) {
    count++;
    if (count <= MAX_LINE_NESTING) kept += marker[0];
    rest = rest.slice(marker[0].length);
    // Spaces between markers (`> > >`) belong to the structure too.
    const spaces = /^[ \t]*/.exec(rest)![0];
    if (count <= MAX_LINE_NESTING) kept += spaces;
    rest = rest.slice(spaces.length);
  }
  if (count <= MAX_LINE_NESTING) return line;
  limits.nestingCut++;
  return indent + kept + rest;
}

/**
 * Emphasis delimiters are counted as CommonMark sees them in the usual case: a run followed by
 * a non-space opens, a run after a non-space closes. Openers beyond the depth limit, and runs
 * too long to mean anything, are escaped: the reader sees the characters typed.
 */
function limitEmphasis(line: string, limits: MarkdownLimits): string {
  if (!/[*_~]/.test(line)) return line;
  const state = { depth: 0 };
  // Code spans are left as they are: their characters are shown as typed anyway.
  let out = '';
  let last = 0;
  for (const span of line.matchAll(CODE_SPAN)) {
    out += limitEmphasisIn(line.slice(last, span.index), state, limits) + span[0];
    last = span.index + span[0].length;
  }
  return out + limitEmphasisIn(line.slice(last), state, limits);
}

function limitEmphasisIn(line: string, state: { depth: number }, limits: MarkdownLimits): string {
  let changed = false;
  const out = line.replace(DELIMITER_RUN, (match: string, slashes: string, _char: string, offset: number) => {
    // An odd number of backslashes escapes the first delimiter: the run is already literal.
    if (slashes.length % 2 === 1) return match;
    const run = match.slice(slashes.length);
    const before = offset > 0 ? line[offset - 1]! : ' ';
    const after = line[offset + match.length] ?? ' ';
    const opens = !/\s/.test(after);
    const closes = !/\s/.test(before) && slashes.length === 0;
    if (run.length > MAX_DELIMITER_RUN || (opens && !closes && state.depth >= MAX_EMPHASIS_DEPTH)) {
      changed = true;
      limits.emphasisCut++;
      return slashes + run.replace(/./g, '\\$&');
    }
    if (closes && state.depth > 0) state.depth--;
    else if (opens) state.depth++;
    return match;
  });
  return changed ? out : line;
}

export type { Token };
