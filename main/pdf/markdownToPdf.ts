import type { Token, Tokens } from 'marked';
import type { Content, ContentText } from 'pdfmake/interfaces';
import { lexMarkdown } from '../../shared/text/lexMarkdown';
import type { TextOrigin } from './EditionTexts';
import { MARKDOWN_LIMITED_KEY, ORIGIN_KEY, ROLE_KEY } from './layoutKeys';

/**
 * Nesting that indentation does not express (`- - - - x`, `> > > x`) is cut at this depth: what
 * is deeper is shown as its plain source text, so pdfmake never lays out columns too narrow for
 * a single letter (it then drops the text and emits blank pages).
 */
const MAX_DEPTH = 8;
const SAFE_LINK = /^(https?:|mailto:)/i;

/** Inline formatting a leaf text inherits: pdfmake does not pass it down nested text arrays. */
interface InlineStyle {
  bold?: boolean;
  italics?: boolean;
  decoration?: 'lineThrough' | 'underline';
  background?: string;
  color?: string;
  link?: string;
}

type Leaf = ContentText & InlineStyle;

/**
 * Markdown (a note body, a section text) into pdfmake nodes. User text only ever becomes the
 * `text` of nodes built here: no directive, image, font or file of the user's reaches pdfmake.
 * Every top-level node carries the text's origin; the first also what the Markdown limits cut
 * (shared/text/lexMarkdown.ts), for the build to report.
 */
export function markdownToPdf(markdown: string, origin?: TextOrigin): Content[] {
  const { tokens, limited } = lexMarkdown(markdown);
  const nodes = blocks(tokens, 0);
  for (const node of nodes as unknown as Record<string, unknown>[]) {
    if (origin) node[ORIGIN_KEY] = origin;
    // Body text to pagination, wherever the nodes go (a cell of the side-by-side edition too).
    node[ROLE_KEY] ??= 'body';
  }
  if (limited && nodes.length > 0) (nodes[0] as unknown as Record<string, unknown>)[MARKDOWN_LIMITED_KEY] = limited;
  return nodes;
}

function blocks(tokens: Token[], depth: number): Content[] {
  const out: Content[] = [];
  for (const token of tokens) {
    const node = depth >= MAX_DEPTH ? flattened(token) : block(token, depth);
    if (node !== null) out.push(node);
  }
  return out;
}

function flattened(token: Token): Content | null {
  const raw = 'raw' in token && typeof token.raw === 'string' ? token.raw.trim() : '';
  return raw ? { text: raw, style: 'mdParagraph' } : null;
}

function block(token: Token, depth: number): Content | null {
  switch (token.type) {
    case 'space':
    case 'def':
      return null;
    case 'paragraph':
      return { text: inlines((token as Tokens.Paragraph).tokens, {}), style: 'mdParagraph' };
    case 'text': {
      const t = token as Tokens.Text;
      return { text: t.tokens ? inlines(t.tokens, {}) : t.text, style: 'mdParagraph' };
    }
    case 'heading': {
      const h = token as Tokens.Heading;
      // A heading in a body keeps with what follows it, as the document's own do (pagination.ts).
      return { text: inlines(h.tokens, {}), style: `mdHeading${Math.min(h.depth, 3)}`, [ROLE_KEY]: 'heading' } as Content;
    }
    case 'list': {
      const list = token as Tokens.List;
      const items = list.items.map((item) => listItem(item, depth + 1));
      return list.ordered
        ? { ol: items, start: typeof list.start === 'number' ? list.start : 1, style: 'mdList' }
        : { ul: items, style: 'mdList' };
    }
    case 'blockquote':
      return { stack: blocks((token as Tokens.Blockquote).tokens, depth + 1), style: 'mdQuote' };
    case 'code':
      return { text: (token as Tokens.Code).text, style: 'mdCode', preserveLeadingSpaces: true };
    case 'hr':
      return {
        canvas: [{ type: 'line', x1: 0, y1: 0, x2: 120, y2: 0, lineWidth: 0.5, lineColor: '#999999' }],
        margin: [0, 4, 0, 8],
      };
    case 'html':
      // Raw HTML is shown as the characters the user typed, never interpreted.
      return { text: (token as Tokens.HTML).text, style: 'mdParagraph' };
    case 'table': {
      const table = token as Tokens.Table;
      const header = table.header.map((cell) => ({ text: inlines(cell.tokens, { bold: true }) }));
      const rows = table.rows.map((row) => row.map((cell) => ({ text: inlines(cell.tokens, {}) })));
      return {
        // Sized from their content, as a browser's automatic table layout does; when even their
        // longest unbreakable runs do not fit, the columns share the width (pdfmakeLayout.ts).
        table: { headerRows: 1, widths: header.map(() => 'auto'), body: [header, ...rows] },
        layout: 'lightHorizontalLines',
        style: 'mdTable',
      };
    }
    default:
      return flattened(token);
  }
}

function listItem(item: Tokens.ListItem, depth: number): Content {
  // marked gives a task item's box as a token of its own: drawn here, on the item's first line.
  const parts = blocks(item.tokens.filter((t) => t.type !== 'checkbox'), depth);
  if (item.task) {
    const box: Leaf = { text: item.checked ? '☑ ' : '☐ ' };
    const first = parts[0] as ContentText | undefined;
    if (first && 'text' in first && Array.isArray(first.text)) first.text = [box, ...(first.text as Leaf[])];
    else parts.unshift({ text: [box] });
  }
  if (parts.length === 1) return parts[0]!;
  return { stack: parts };
}

/** A flat run of leaves, each carrying every style of its ancestors. */
function inlines(tokens: Token[] | undefined, style: InlineStyle): Leaf[] {
  const out: Leaf[] = [];
  for (const token of tokens ?? []) out.push(...inline(token, style));
  return out;
}

function leaf(text: string, style: InlineStyle): Leaf {
  return { text, ...style };
}

function inline(token: Token, style: InlineStyle): Leaf[] {
  switch (token.type) {
    case 'text': {
      const t = token as Tokens.Text;
      return t.tokens && t.tokens.length > 0 ? inlines(t.tokens, style) : [leaf(t.text, style)];
    }
    case 'escape':
      return [leaf((token as Tokens.Escape).text, style)];
    case 'strong':
      return inlines((token as Tokens.Strong).tokens, { ...style, bold: true });
    case 'em':
      return inlines((token as Tokens.Em).tokens, { ...style, italics: true });
    case 'del':
      return inlines((token as Tokens.Del).tokens, { ...style, decoration: 'lineThrough' });
    case 'codespan':
      return [leaf((token as Tokens.Codespan).text, { ...style, background: '#eeeeee' })];
    case 'br':
      return [leaf('\n', style)];
    case 'link': {
      const link = token as Tokens.Link;
      if (!SAFE_LINK.test(link.href)) return inlines(link.tokens, style);
      return inlines(link.tokens, { ...style, link: link.href, color: '#1a4f8b', decoration: 'underline' });
    }
    case 'image':
      // Images are never loaded: the alternative text stands in.
      return [leaf(`[${(token as Tokens.Image).text}]`, { ...style, italics: true })];
    case 'html':
      return [leaf((token as Tokens.HTML).text, style)];
    default:
      return 'raw' in token && typeof token.raw === 'string' ? [leaf(token.raw, style)] : [];
  }
}
