import { Lexer, type Token, type Tokens } from 'marked';
import type { Content } from 'pdfmake/interfaces';

/**
 * marked's list parsing is superlinear in nesting depth (1,000 levels: ~13 s). Leading
 * whitespace beyond this many columns is clamped, which caps nesting near 12 levels and keeps
 * any pasted text fast; nothing is lost but the extra indentation.
 */
const MAX_INDENT = 24;
const SAFE_LINK = /^(https?:|mailto:)/i;

function clampIndentation(markdown: string): string {
  return markdown.replace(/^[ \t]+/gm, (lead) => {
    const width = lead.replace(/\t/g, '    ').length;
    return ' '.repeat(Math.min(width, MAX_INDENT));
  });
}

type Inline = Content & object;

/**
 * Markdown (a note body, a section text) into pdfmake nodes. User text only ever becomes the
 * `text` of nodes built here: no directive, image, font or file of the user's reaches pdfmake.
 */
export function markdownToPdf(markdown: string): Content[] {
  const tokens = new Lexer({ gfm: true }).lex(clampIndentation(markdown.replace(/\r\n?/g, '\n')));
  return blocks(tokens);
}

function blocks(tokens: Token[]): Content[] {
  const out: Content[] = [];
  for (const token of tokens) {
    const node = block(token);
    if (node !== null) out.push(node);
  }
  return out;
}

function block(token: Token): Content | null {
  switch (token.type) {
    case 'space':
    case 'def':
      return null;
    case 'paragraph':
      return { text: inlines((token as Tokens.Paragraph).tokens), style: 'mdParagraph' };
    case 'text': {
      const t = token as Tokens.Text;
      return { text: t.tokens ? inlines(t.tokens) : t.text, style: 'mdParagraph' };
    }
    case 'heading': {
      const h = token as Tokens.Heading;
      return { text: inlines(h.tokens), style: `mdHeading${Math.min(h.depth, 3)}` };
    }
    case 'list': {
      const list = token as Tokens.List;
      const items = list.items.map((item) => listItem(item));
      return list.ordered
        ? { ol: items, start: typeof list.start === 'number' ? list.start : 1, style: 'mdList' }
        : { ul: items, style: 'mdList' };
    }
    case 'blockquote':
      return { stack: blocks((token as Tokens.Blockquote).tokens), style: 'mdQuote' };
    case 'code':
      return { text: (token as Tokens.Code).text, style: 'mdCode', preserveLeadingSpaces: true };
    case 'hr':
      return { canvas: [{ type: 'line', x1: 0, y1: 0, x2: 120, y2: 0, lineWidth: 0.5, lineColor: '#999999' }], margin: [0, 4, 0, 8] };
    case 'html':
      // Raw HTML is shown as the characters the user typed, never interpreted.
      return { text: (token as Tokens.HTML).text, style: 'mdParagraph' };
    case 'table': {
      const table = token as Tokens.Table;
      const header = table.header.map((cell) => ({ text: inlines(cell.tokens), bold: true }));
      const rows = table.rows.map((row) => row.map((cell) => ({ text: inlines(cell.tokens) })));
      return {
        table: { headerRows: 1, widths: header.map(() => '*'), body: [header, ...rows] },
        layout: 'lightHorizontalLines',
        style: 'mdTable',
      };
    }
    default:
      return 'raw' in token && typeof token.raw === 'string' ? { text: token.raw, style: 'mdParagraph' } : null;
  }
}

function listItem(item: Tokens.ListItem): Content {
  const parts = blocks(item.tokens);
  if (item.task) parts.unshift({ text: item.checked ? '☑' : '☐' });
  if (parts.length === 1) return parts[0]!;
  return { stack: parts };
}

function inlines(tokens: Token[] | undefined): Inline[] {
  const out: Inline[] = [];
  for (const token of tokens ?? []) out.push(...inline(token));
  return out;
}

function inline(token: Token): Inline[] {
  switch (token.type) {
    case 'text': {
      const t = token as Tokens.Text;
      return t.tokens && t.tokens.length > 0 ? inlines(t.tokens) : [{ text: t.text }];
    }
    case 'escape':
      return [{ text: (token as Tokens.Escape).text }];
    case 'strong':
      return [{ text: inlines((token as Tokens.Strong).tokens), bold: true }];
    case 'em':
      return [{ text: inlines((token as Tokens.Em).tokens), italics: true }];
    case 'del':
      return [{ text: inlines((token as Tokens.Del).tokens), decoration: 'lineThrough' }];
    case 'codespan':
      return [{ text: (token as Tokens.Codespan).text, background: '#eeeeee' }];
    case 'br':
      return [{ text: '\n' }];
    case 'link': {
      const link = token as Tokens.Link;
      const label = inlines(link.tokens);
      if (!SAFE_LINK.test(link.href)) return label;
      return [{ text: label, link: link.href, color: '#1a4f8b', decoration: 'underline' }];
    }
    case 'image': {
      // Images are never loaded: the alternative text stands in.
      const image = token as Tokens.Image;
      return [{ text: `[${image.text}]`, italics: true }];
    }
    case 'html':
      return [{ text: (token as Tokens.HTML).text }];
    default:
      return 'raw' in token && typeof token.raw === 'string' ? [{ text: token.raw }] : [];
  }
}
