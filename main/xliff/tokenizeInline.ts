/**
 * Splits one paragraph of Markdown (or an interface string) into translatable text and protected
 * markup. Every character of the input ends up, in order, either in a text node or in the data of
 * a code, so joining the nodes back always gives the input: when a construct is not recognised
 * with certainty it simply stays text. Emphasis follows CommonMark's delimiter rules closely
 * enough that the codes nest the way a Markdown renderer would read them.
 */

export type PhRole = 'break' | 'block' | 'variable' | 'code' | 'escape' | 'html';
export type PcRole = 'strong' | 'em' | 'link' | 'image';

export type InlineNode =
  | { kind: 'text'; text: string }
  | { kind: 'ph'; role: PhRole; data: string }
  | { kind: 'pc'; role: PcRole; start: string; end: string; children: InlineNode[] };

interface Delimiter {
  kind: 'delim';
  char: '*' | '_';
  count: number;
  originalCount: number;
  canOpen: boolean;
  canClose: boolean;
}

interface Bracket {
  kind: 'bracket';
  image: boolean;
}

type Item = InlineNode | Delimiter | Bracket;

// Indentation and block markers after a line break (or at the start of a paragraph): blockquote
// markers, then a thematic break or setext underline, an ATX heading, a bullet or an ordered item.
const LINE_START = new RegExp(
  String.raw`[ \t]*(?:(?:>[ \t]?)+[ \t]*)?(?:` +
    [
      String.raw`(?:[-*_][ \t]*){3,}(?=\r|\n|$)`,
      String.raw`=+[ \t]*(?=\r|\n|$)`,
      String.raw`#{1,6}(?:[ \t]+|(?=\r|\n|$))`,
      String.raw`[-*+][ \t]+`,
      String.raw`\d{1,9}[.)](?:[ \t]+|(?=\r|\n|$))`,
    ].join('|') +
    ')?',
  'y',
);
const HAS_MARKER = /[^ \t\r\n]/;

const VARIABLE = /\{\{[^{}\r\n]+\}\}/y;
// What CommonMark passes through as raw HTML: comments, URI and e-mail autolinks, open and close tags.
const HTML = new RegExp(
  [
    String.raw`<!--.*?-->`,
    String.raw`<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*>`,
    String.raw`<[A-Za-z0-9.!#$%&'*+/=?^_\`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*>`,
    String.raw`<[A-Za-z][A-Za-z0-9-]*(?:[ \t]+[A-Za-z_:][\w.:-]*(?:[ \t]*=[ \t]*(?:[^\s"'=<>\`]+|'[^'\r\n]*'|"[^"\r\n]*"))?)*[ \t]*\/?>`,
    String.raw`<\/[A-Za-z][A-Za-z0-9-]*[ \t]*>`,
  ].join('|'),
  'y',
);
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const PUNCTUATION = /[\p{P}\p{S}]/u;
const WHITESPACE = /\s/u;

export function tokenizeInline(text: string): InlineNode[] {
  return new InlineScanner(text).run();
}

/** The characters a node list stands for: the inverse of tokenizeInline. */
export function joinInline(nodes: readonly InlineNode[]): string {
  let out = '';
  for (const node of nodes) {
    if (node.kind === 'text') out += node.text;
    else if (node.kind === 'ph') out += node.data;
    else out += node.start + joinInline(node.children) + node.end;
  }
  return out;
}

class InlineScanner {
  private readonly done: InlineNode[] = [];
  /** Items since the last block marker: emphasis and links never cross one. */
  private items: Item[] = [];
  /** Indices in `items` of the `[` and `![` not yet closed. */
  private brackets: number[] = [];
  /** A `[` before this index can no longer open a link: links do not contain links. */
  private linkFloor = 0;
  /** Per backtick-run length, a position after which no closing run of that length exists. */
  private readonly noCodeCloser = new Map<number, number>();
  private pending = '';
  private pos = 0;

  constructor(private readonly s: string) {}

  run(): InlineNode[] {
    this.lineStart('');
    while (this.pos < this.s.length) this.step();
    this.closeRun();
    return mergeText(this.done);
  }

  private step(): void {
    const { s, pos } = this;
    const c = s[pos]!;
    if (c === '\n' || c === '\r') return this.lineBreak();
    if (c === '\\' && ASCII_PUNCTUATION.test(s[pos + 1] ?? '')) return this.code('escape', 2);
    if (c === '`') return this.codeSpan();
    if (c === '{' && this.sticky(VARIABLE, 'variable')) return;
    if (c === '$' && s.startsWith('$t(', pos)) {
      const end = closingParen(s, pos + 2);
      if (end > 0) return this.code('variable', end - pos);
    }
    if (c === '<' && this.sticky(HTML, 'html')) return;
    if (c === '!' && s[pos + 1] === '[') return this.bracket(true);
    if (c === '[') return this.bracket(false);
    if (c === ']' && this.closeBracket()) return;
    if (c === '*' || c === '_') return this.delimiter(c);
    this.pending += c;
    this.pos++;
  }

  private sticky(pattern: RegExp, role: PhRole): boolean {
    pattern.lastIndex = this.pos;
    const match = pattern.exec(this.s);
    if (!match) return false;
    this.code(role, match[0].length);
    return true;
  }

  private code(role: PhRole, length: number): void {
    this.flush();
    this.items.push({ kind: 'ph', role, data: this.s.slice(this.pos, this.pos + length) });
    this.pos += length;
  }

  /** Trailing blanks (a Markdown hard break), the break and the next line's markers form one code. */
  private lineBreak(): void {
    const trailing = /[ \t]*$/.exec(this.pending)![0];
    this.pending = this.pending.slice(0, this.pending.length - trailing.length);
    const crlf = this.s.startsWith('\r\n', this.pos);
    const breakChars = crlf ? '\r\n' : this.s[this.pos]!;
    this.pos += breakChars.length;
    this.lineStart(trailing + breakChars);
  }

  private lineStart(before: string): void {
    LINE_START.lastIndex = this.pos;
    const marker = LINE_START.exec(this.s)?.[0] ?? '';
    const data = before + marker;
    this.pos += marker.length;
    if (data === '') return;
    this.flush();
    const node: InlineNode = { kind: 'ph', role: before === '' ? 'block' : 'break', data };
    if (HAS_MARKER.test(marker)) {
      this.closeRun();
      this.done.push(node);
    } else {
      this.items.push(node);
    }
  }

  private codeSpan(): void {
    const { s, pos } = this;
    const width = /`+/y;
    width.lastIndex = pos;
    const run = width.exec(s)![0].length;
    if (pos < (this.noCodeCloser.get(run) ?? Infinity)) {
      const closer = new RegExp(`(?<!\`)\`{${run}}(?!\`)`, 'g');
      closer.lastIndex = pos + run;
      const found = closer.exec(s);
      if (found) return this.code('code', found.index + run - pos);
      this.noCodeCloser.set(run, pos);
    }
    this.pending += s.slice(pos, pos + run);
    this.pos += run;
  }

  private bracket(image: boolean): void {
    this.flush();
    this.brackets.push(this.items.length);
    this.items.push({ kind: 'bracket', image });
    this.pos += image ? 2 : 1;
  }

  /** `]` followed by `(destination "title")` or `[label]` closes the nearest `[`; links cannot nest. */
  private closeBracket(): boolean {
    const at = this.brackets.pop();
    if (at === undefined) return false;
    const opener = this.items[at] as Bracket;
    const active = opener.image || at >= this.linkFloor;
    const end = active ? linkTailEnd(this.s, this.pos + 1) : -1;
    if (end < 0) {
      this.items[at] = { kind: 'text', text: opener.image ? '![' : '[' };
      return false;
    }
    this.flush();
    const children = processEmphasis(this.items.splice(at).slice(1));
    this.items.push({
      kind: 'pc',
      role: opener.image ? 'image' : 'link',
      start: opener.image ? '![' : '[',
      end: this.s.slice(this.pos, end),
      children,
    });
    if (!opener.image) this.linkFloor = at;
    this.pos = end;
    return true;
  }

  private delimiter(char: '*' | '_'): void {
    const { s, pos } = this;
    let end = pos;
    while (s[end] === char) end++;
    const before = codePointBefore(s, pos);
    const after = codePointAt(s, end);
    const left = !isSpace(after) && (!isPunctuation(after) || isSpace(before) || isPunctuation(before));
    const right = !isSpace(before) && (!isPunctuation(before) || isSpace(after) || isPunctuation(after));
    this.flush();
    this.items.push({
      kind: 'delim',
      char,
      count: end - pos,
      originalCount: end - pos,
      canOpen: char === '*' ? left : left && (!right || isPunctuation(before)),
      canClose: char === '*' ? right : right && (!left || isPunctuation(after)),
    });
    this.pos = end;
  }

  private flush(): void {
    if (this.pending === '') return;
    this.items.push({ kind: 'text', text: this.pending });
    this.pending = '';
  }

  private closeRun(): void {
    this.flush();
    this.done.push(...processEmphasis(this.items));
    this.items = [];
    this.brackets = [];
    this.linkFloor = 0;
  }
}

/**
 * CommonMark's "process emphasis": each closer takes the nearest compatible opener; the matched
 * span becomes one paired code, and unmatched delimiters or brackets inside it become text. Items
 * go on a stack so a match only moves what it wraps, and `bottoms` remembers, per kind of closer,
 * below which item no opener can be found: long texts with many stray `*` or `_` stay linear.
 */
function processEmphasis(input: readonly Item[]): InlineNode[] {
  const stack: Item[] = [];
  const bottoms = new Map<string, Item | undefined>();
  for (const item of input) {
    if (item.kind !== 'delim' || !item.canClose) {
      stack.push(item);
      continue;
    }
    const closer = item;
    const key = `${closer.char}${closer.canOpen}${closer.originalCount % 3}`;
    while (closer.count > 0) {
      const bottom = bottoms.get(key);
      let at = -1;
      for (let j = stack.length - 1; j >= 0 && stack[j] !== bottom; j--) {
        const opener = stack[j]!;
        if (opener.kind === 'delim' && opener.char === closer.char && opener.canOpen && opener.count > 0 && !ruleOfThree(opener, closer)) {
          at = j;
          break;
        }
      }
      if (at < 0) {
        bottoms.set(key, stack[stack.length - 1]);
        break;
      }
      const opener = stack[at] as Delimiter;
      const use = opener.count >= 2 && closer.count >= 2 ? 2 : 1;
      const marks = closer.char.repeat(use);
      const children = stack.splice(at + 1).map(asNode);
      stack.push({ kind: 'pc', role: use === 2 ? 'strong' : 'em', start: marks, end: marks, children });
      opener.count -= use;
      closer.count -= use;
      if (opener.count === 0) stack.splice(at, 1);
    }
    if (closer.count > 0) stack.push(closer);
  }
  return mergeText(stack.map(asNode));
}

function ruleOfThree(opener: Delimiter, closer: Delimiter): boolean {
  if (!opener.canClose && !closer.canOpen) return false;
  const sum = opener.originalCount + closer.originalCount;
  return sum % 3 === 0 && !(opener.originalCount % 3 === 0 && closer.originalCount % 3 === 0);
}

function asNode(item: Item): InlineNode {
  if (item.kind === 'delim') return { kind: 'text', text: item.char.repeat(item.count) };
  if (item.kind === 'bracket') return { kind: 'text', text: item.image ? '![' : '[' };
  if (item.kind === 'pc') return { ...item, children: mergeText(item.children) };
  return item;
}

function mergeText(nodes: InlineNode[]): InlineNode[] {
  const out: InlineNode[] = [];
  for (const node of nodes) {
    const last = out[out.length - 1];
    if (node.kind === 'text' && node.text === '') continue;
    if (node.kind === 'text' && last?.kind === 'text') out[out.length - 1] = { kind: 'text', text: last.text + node.text };
    else out.push(node);
  }
  return out;
}

// Longest link tail and $t(…) call recognised: far beyond real ones, and a bound on the rescanning
// that text full of stray "](" or "$t(" would otherwise cause. Anything longer just stays text.
const MAX_LINK_TAIL = 2048;
const MAX_NESTING_CALL = 512;

/** The index just after `(…)` or `[…]` starting at `from`, or -1 when there is no valid tail. */
function linkTailEnd(s: string, from: number): number {
  if (s[from] === '[') {
    const label = /\[(?:[^[\]\\\r\n]|\\.){0,999}\]/y;
    label.lastIndex = from;
    return label.exec(s) ? label.lastIndex : -1;
  }
  if (s[from] !== '(') return -1;
  const limit = Math.min(s.length, from + MAX_LINK_TAIL);
  let i = skipBlanks(s, from + 1);
  if (s[i] === '<') {
    i++;
    while (i < limit && s[i] !== '>') {
      if (s[i] === '<' || s[i] === '\n' || s[i] === '\r') return -1;
      i += s[i] === '\\' ? 2 : 1;
    }
    if (i >= limit) return -1;
    i++;
  } else {
    let depth = 0;
    for (; i < limit && !isSpaceOrControl(s.charCodeAt(i)); i++) {
      if (s[i] === '\\') i++;
      else if (s[i] === '(') depth++;
      else if (s[i] === ')') {
        if (depth === 0) break;
        depth--;
      }
    }
    if (depth !== 0 || i >= limit) return -1;
  }
  const afterDestination = i;
  i = skipBlanks(s, i);
  const quote = s[i];
  if (i > afterDestination && (quote === '"' || quote === "'" || quote === '(')) {
    const close = quote === '(' ? ')' : quote;
    for (i++; i < limit && s[i] !== close; i += s[i] === '\\' ? 2 : 1) {
      if (s[i] === '\n' || s[i] === '\r' || (quote === '(' && s[i] === '(')) return -1;
    }
    if (i >= limit) return -1;
    i = skipBlanks(s, i + 1);
  }
  return s[i] === ')' ? i + 1 : -1;
}

function isSpaceOrControl(code: number): boolean {
  return code <= 0x20 || code === 0x7f;
}

function skipBlanks(s: string, i: number): number {
  while (s[i] === ' ' || s[i] === '\t') i++;
  return i;
}

/** The index after the `)` that closes the `(` at `open`, skipping quoted strings; -1 if none on the line. */
function closingParen(s: string, open: number): number {
  const limit = Math.min(s.length, open + MAX_NESTING_CALL);
  let depth = 0;
  for (let i = open; i < limit; i++) {
    const c = s[i]!;
    if (c === '\n' || c === '\r') return -1;
    if (c === '"' || c === "'") {
      const end = s.indexOf(c, i + 1);
      if (end < 0 || end >= limit) return -1;
      i = end;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i + 1;
  }
  return -1;
}

function codePointBefore(s: string, i: number): string {
  if (i === 0) return '';
  const low = s.charCodeAt(i - 1);
  if (low >= 0xdc00 && low <= 0xdfff && i >= 2) {
    const high = s.charCodeAt(i - 2);
    if (high >= 0xd800 && high <= 0xdbff) return s.slice(i - 2, i);
  }
  return s[i - 1]!;
}

function codePointAt(s: string, i: number): string {
  const cp = s.codePointAt(i);
  return cp === undefined ? '' : String.fromCodePoint(cp);
}

/** The start or end of the paragraph counts as whitespace, as in CommonMark. */
function isSpace(c: string): boolean {
  return c === '' || WHITESPACE.test(c);
}

function isPunctuation(c: string): boolean {
  return c !== '' && PUNCTUATION.test(c);
}
