import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { breakOffsets, ZWSP } from './breakOpportunities';
import { fontCoverage, needsNoGlyph, type FontCoverage } from './fontCoverage';
import { FONT_FAMILY, type FontFamily } from './fonts';
import type { TextOrigin } from './EditionTexts';
import type { MarkdownLimits } from '../../shared/text/lexMarkdown';
import { frenchTypography } from '../../shared/text/frenchTypography';
import { LOCALES } from '../../shared/domain/locales';
import { COLUMN_KEY, FALLBACK_LANGUAGE_KEY, LANGUAGE_COLUMNS_KEY, MARKDOWN_LIMITED_KEY, ORIGIN_KEY, ROLE_KEY } from './layoutKeys';

/*
 * The last step before pdfmake lays a document out: every text is cut into runs of one font of
 * the fallback chain (pdfmake has no per-glyph fallback), long tokens get break opportunities
 * (breakOpportunities.ts), and every run carries the piece and field it comes from, so that a
 * check after layout (layoutChecks.ts) can name them. Characters that no font shows are reported.
 * French text (a French edition, the French column of the side-by-side one) gets its
 * non-breaking spaces here, before break opportunities are chosen, code excepted.
 */

export type { TextOrigin };


/** What the preparation finds: characters no font shows (they print as an empty box), Markdown cut. */
export interface TextFindings {
  uncovered(char: string, origin: TextOrigin | null): void;
  markdownLimited(origin: TextOrigin | null, limits: MarkdownLimits): void;
}

const IGNORE: TextFindings = { uncovered: () => {}, markdownLimited: () => {} };

type Node = Record<string, unknown>;
type Leaf = Node & { text: string };

interface Walk {
  coverage: FontCoverage;
  findings: TextFindings;
  /** French spacing for every text, or only for this language column (side by side). */
  french: 'all' | number | null;
}

const FRENCH_COLUMN = LOCALES.indexOf('fr');

function frenchOf(definition: TDocumentDefinitions): Walk['french'] {
  const language = definition.language ?? '';
  if (language === 'fr' || language.startsWith('fr-')) return 'all';
  return language === 'mul' ? FRENCH_COLUMN : null;
}

/**
 * Prepares a document definition's content, header and footer in place (they are built per
 * render). The running header and footer are probed once, as on a page after the cover, so that
 * their characters are reported before layout too.
 */
export function prepareDocument(definition: TDocumentDefinitions, findings: TextFindings = IGNORE): TDocumentDefinitions {
  const walk: Walk = { coverage: fontCoverage(), findings, french: frenchOf(definition) };
  definition.content = prepareContent(definition.content, TOP, walk) as Content;
  for (const key of ['header', 'footer'] as const) {
    const repeated = definition[key];
    if (typeof repeated === 'function') {
      const quiet: Walk = { ...walk, findings: IGNORE };
      const probe = repeated(2, 2, { width: 595, height: 842, orientation: 'portrait' });
      if (probe) prepareContent(probe, TOP, walk);
      definition[key] = ((...args: Parameters<typeof repeated>) => {
        const content = repeated(...args);
        return content ? prepareContent(content, TOP, quiet) : content;
      }) as typeof repeated;
    }
  }
  const watermark = definition.watermark;
  const mark = typeof watermark === 'string' ? watermark : (watermark as { text?: string } | undefined)?.text;
  // pdfmake draws the watermark in one font: its characters are only checked.
  if (mark) for (const char of mark) if (!covered(char, walk)) findings.uncovered(char, null);
  return definition;
}

function covered(char: string, walk: Walk): boolean {
  const cp = char.codePointAt(0)!;
  return needsNoGlyph(cp) || walk.coverage.familyFor(cp) !== null;
}

/** What a node passes down to the text nodes inside it. */
interface Inherited {
  origin: TextOrigin | null;
  /** What pagination.ts needs: the block's role, and its column in the side-by-side edition. */
  role?: unknown;
  column?: number;
  /** Set inside a text shown in another language than the edition's. */
  fallback?: unknown;
}

const TOP: Inherited = { origin: null };

/** Any content node: text, containers, lists, tables. Other nodes (canvas, toc) are left alone. */
export function prepareContent(node: unknown, inherited: Inherited, walk: Walk): unknown {
  if (typeof node === 'string' || typeof node === 'number') return textNode({ text: String(node) }, inherited, walk);
  if (Array.isArray(node)) return node.map((child) => prepareContent(child, inherited, walk));
  if (node === null || typeof node !== 'object') return node;
  const n = node as Node;
  const here: Inherited = {
    origin: (n[ORIGIN_KEY] as TextOrigin | undefined) ?? inherited.origin,
    role: n[ROLE_KEY] ?? inherited.role,
    column: inherited.column,
    fallback: n[FALLBACK_LANGUAGE_KEY] ?? inherited.fallback,
  };
  if (n[MARKDOWN_LIMITED_KEY]) walk.findings.markdownLimited(here.origin, n[MARKDOWN_LIMITED_KEY] as MarkdownLimits);
  if ('text' in n) return textNode(n, here, walk);
  for (const key of ['stack', 'columns', 'ul', 'ol'] as const) {
    if (Array.isArray(n[key])) n[key] = (n[key] as unknown[]).map((child) => prepareContent(child, here, walk));
  }
  const table = n.table as { body?: unknown[][] } | undefined;
  if (table && Array.isArray(table.body)) {
    const columns = n[LANGUAGE_COLUMNS_KEY] === true;
    table.body = table.body.map((row) => row.map((cell, c) => prepareContent(cell, columns ? { ...here, column: c } : here, walk)));
  }
  return n;
}

/**
 * pdfmake flattens a paragraph's pieces with `reduce` and `concat`: quadratic in their number
 * (30,000 pieces: 6 s). Adjacent pieces of one style are merged, and a paragraph of more pieces
 * than this is laid out as several, one under the other (only pasted chains of thousands of
 * links or escapes get there).
 */
export const MAX_PIECES = 1_000;

function textNode(node: Node, inherited: Inherited, walk: Walk): Node {
  const origin = inherited.origin;
  if (inherited.role !== undefined) node[ROLE_KEY] = inherited.role;
  if (inherited.column !== undefined) node[COLUMN_KEY] = inherited.column;
  const leaves: Leaf[] = [];
  flatten(node.text, origin, leaves);
  const french =
    (walk.french === 'all' || (walk.french !== null && walk.french === inherited.column)) &&
    (inherited.fallback === undefined || inherited.fallback === 'fr');
  // A code block keeps the characters typed.
  if (french && node.style !== 'mdCode') frenchSpacing(leaves);
  const pieces = merged(runs(leaves, walk));
  if (pieces.length <= MAX_PIECES) {
    node.text = pieces;
    return node;
  }
  const { text: _text, ...container } = node;
  // Each piece of the stack is a text node of the same role.
  const stack: Node[] = [];
  for (let i = 0; i < pieces.length; i += MAX_PIECES) {
    stack.push({ text: pieces.slice(i, i + MAX_PIECES), [ROLE_KEY]: node[ROLE_KEY], [COLUMN_KEY]: node[COLUMN_KEY] });
  }
  return { ...container, stack };
}

function sameStyle(a: Leaf, b: Leaf): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => key === 'text' || a[key] === b[key]);
}

function merged(leaves: Leaf[]): Leaf[] {
  if (leaves.length < 2) return leaves;
  const out: Leaf[] = [leaves[0]!];
  for (let i = 1; i < leaves.length; i++) {
    const leaf = leaves[i]!;
    const last = out[out.length - 1]!;
    if (sameStyle(last, leaf)) out[out.length - 1] = { ...last, text: last.text + leaf.text };
    else out.push(leaf);
  }
  return out;
}

/** Nested text arrays as one flat list (pdfmake flattens them the same way, without merging styles). */
function flatten(text: unknown, origin: TextOrigin | null, out: Leaf[]): void {
  if (Array.isArray(text)) {
    for (const item of text) flatten(item, origin, out);
    return;
  }
  if (text !== null && typeof text === 'object') {
    const leaf = text as Node;
    const here = (leaf[ORIGIN_KEY] as TextOrigin | undefined) ?? origin;
    if (Array.isArray(leaf.text)) flatten(leaf.text, here, out);
    else out.push({ ...leaf, text: leaf.text == null ? '' : String(leaf.text), [ORIGIN_KEY]: here });
    return;
  }
  out.push({ text: text == null ? '' : String(text), [ORIGIN_KEY]: origin });
}

/** Inline code keeps what was typed; a fallback text is in another language. */
const isFrench = (leaf: Leaf) => leaf.background === undefined && (leaf[FALLBACK_LANGUAGE_KEY] === undefined || leaf[FALLBACK_LANGUAGE_KEY] === 'fr');

/** French spacing leaf by leaf, each seeing the paragraph around it; inline code is left as typed. */
function frenchSpacing(leaves: Leaf[]): void {
  if (leaves.length === 1) {
    if (isFrench(leaves[0]!)) leaves[0]!.text = frenchTypography(leaves[0]!.text);
    return;
  }
  const whole = leaves.map((l) => l.text).join('');
  // The rule looks past a few spaces and one character: a bounded context keeps long chains linear.
  const CONTEXT = 32;
  let start = 0;
  for (const leaf of leaves) {
    const text = leaf.text;
    const end = start + text.length;
    if (isFrench(leaf)) {
      leaf.text = frenchTypography(text, whole.slice(Math.max(0, start - CONTEXT), start), whole.slice(end, end + CONTEXT));
    }
    start = end;
  }
}

/** Break opportunities across the whole paragraph (a token may span leaves: a chain of links), then font runs. */
function runs(leaves: Leaf[], walk: Walk): Leaf[] {
  const whole = leaves.length === 1 ? leaves[0]!.text : leaves.map((l) => l.text).join('');
  const offsets = breakOffsets(whole);
  const out: Leaf[] = [];
  let start = 0;
  let next = 0;
  for (const leaf of leaves) {
    const end = start + leaf.text.length;
    let text = leaf.text;
    if (next < offsets.length && offsets[next]! <= end) {
      let built = '';
      let last = start;
      // An opportunity at a leaf's start goes at the end of the leaf before (see below).
      while (next < offsets.length && offsets[next]! <= end) {
        const at = offsets[next]!;
        built += whole.slice(last, at) + ZWSP;
        last = at;
        next++;
      }
      text = built + whole.slice(last, end);
    }
    splitByFont({ ...leaf, text }, walk, out);
    start = end;
  }
  return out;
}

function splitByFont(leaf: Leaf, walk: Walk, out: Leaf[]): void {
  const text = leaf.text;
  // Fast path: every character in the primary font (almost all text).
  let simple = true;
  for (let i = 0; i < text.length; i++) {
    const cp = text.charCodeAt(i);
    if (cp >= 0xd800 || walk.coverage.familyFor(cp) !== FONT_FAMILY) {
      simple = false;
      break;
    }
  }
  if (simple) {
    out.push(leaf);
    return;
  }
  const origin = (leaf[ORIGIN_KEY] as TextOrigin | null) ?? null;
  let run = '';
  let family: FontFamily = FONT_FAMILY;
  const push = () => {
    if (run === '') return;
    out.push(family === FONT_FAMILY ? { ...leaf, text: run } : { ...leaf, text: run, font: family });
    run = '';
  };
  for (const char of text) {
    const cp = char.codePointAt(0)!;
    let wanted = walk.coverage.familyFor(cp);
    if (wanted === null) {
      // Invisible selectors and joiners that no font has are dropped; anything else is reported
      // and left in the primary font, where it prints as the font's empty box.
      if (needsNoGlyph(cp) && cp >= 0x20) continue;
      if (!needsNoGlyph(cp)) walk.findings.uncovered(char, origin);
      wanted = FONT_FAMILY;
    }
    if (wanted !== family) {
      push();
      family = wanted;
    }
    run += char;
  }
  push();
}
