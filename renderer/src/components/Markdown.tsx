import { memo, type ReactNode } from 'react';
import type { Token, Tokens } from 'marked';
import { lexMarkdown } from '../../../shared/text/lexMarkdown';

/** Same limits and rules as the PDF engine (main/pdf/markdownToPdf.ts): what you see is what prints. */
const SAFE_LINK = /^(https?:|mailto:)/i;
/** The reading view opens links in the system browser (main checks them again): web pages only. */
const WEB_LINK = /^https?:\/\/[^\s/?#]+/i;

/**
 * Markdown rendered to React elements from marked's tokens: user text only ever becomes text
 * nodes, never HTML (no dangerouslySetInnerHTML), raw HTML is shown as typed, images never load.
 */
export const Markdown = memo(function Markdown({ source, className, webLinksOnly }: { source: string; className?: string; webLinksOnly?: boolean }) {
  const { tokens } = lexMarkdown(source);
  return <div className={className ?? 'markdown'}>{blocks(tokens, webLinksOnly ? WEB_LINK : SAFE_LINK)}</div>;
});

function blocks(tokens: Token[], rule: RegExp): ReactNode[] {
  return tokens.map((token, i) => block(token, i, rule));
}

function block(token: Token, key: number, rule: RegExp): ReactNode {
  switch (token.type) {
    case 'space':
    case 'def':
    case 'checkbox':
      return null;
    case 'paragraph':
      return <p key={key}>{inlines((token as Tokens.Paragraph).tokens, rule)}</p>;
    case 'text': {
      const t = token as Tokens.Text;
      return <p key={key}>{t.tokens ? inlines(t.tokens, rule) : t.text}</p>;
    }
    case 'heading': {
      const h = token as Tokens.Heading;
      // Preview headings are styled, not structural: the page's own outline stays in order.
      return (
        <p key={key} className={`md-heading md-h${Math.min(h.depth, 3)}`}>
          {inlines(h.tokens, rule)}
        </p>
      );
    }
    case 'list': {
      const list = token as Tokens.List;
      const items = list.items.map((item, i) => (
        <li key={i}>
          {item.task ? <span aria-hidden="true">{item.checked ? '☑ ' : '☐ '}</span> : null}
          {item.loose ? blocks(item.tokens, rule) : looseless(item.tokens, rule)}
        </li>
      ));
      return list.ordered ? (
        <ol key={key} start={typeof list.start === 'number' ? list.start : 1}>
          {items}
        </ol>
      ) : (
        <ul key={key}>{items}</ul>
      );
    }
    case 'blockquote':
      return <blockquote key={key}>{blocks((token as Tokens.Blockquote).tokens, rule)}</blockquote>;
    case 'code':
      return (
        <pre key={key}>
          <code>{(token as Tokens.Code).text}</code>
        </pre>
      );
    case 'hr':
      return <hr key={key} />;
    case 'html':
      return <p key={key}>{(token as Tokens.HTML).text}</p>;
    case 'table': {
      const table = token as Tokens.Table;
      return (
        <table key={key}>
          <thead>
            <tr>
              {table.header.map((cell, i) => (
                <th key={i} scope="col">
                  {inlines(cell.tokens, rule)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, i) => (
                  <td key={i}>{inlines(cell.tokens, rule)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
    }
    default:
      return 'raw' in token && typeof token.raw === 'string' ? <p key={key}>{token.raw}</p> : null;
  }
}

/** A tight list item: its text tokens inline, other blocks as blocks. */
function looseless(tokens: Token[], rule: RegExp): ReactNode[] {
  return tokens.map((token, i) => {
    if (token.type === 'checkbox') return null;
    if (token.type === 'text') {
      const t = token as Tokens.Text;
      return <span key={i}>{t.tokens ? inlines(t.tokens, rule) : t.text}</span>;
    }
    return block(token, i, rule);
  });
}

function inlines(tokens: Token[] | undefined, rule: RegExp): ReactNode[] {
  return (tokens ?? []).map((token, i) => inline(token, i, rule));
}

function inline(token: Token, key: number, rule: RegExp): ReactNode {
  switch (token.type) {
    case 'text': {
      const t = token as Tokens.Text;
      return t.tokens && t.tokens.length > 0 ? <span key={key}>{inlines(t.tokens, rule)}</span> : t.text;
    }
    case 'escape':
      return (token as Tokens.Escape).text;
    case 'strong':
      return <strong key={key}>{inlines((token as Tokens.Strong).tokens, rule)}</strong>;
    case 'em':
      return <em key={key}>{inlines((token as Tokens.Em).tokens, rule)}</em>;
    case 'del':
      return <del key={key}>{inlines((token as Tokens.Del).tokens, rule)}</del>;
    case 'codespan':
      return <code key={key}>{(token as Tokens.Codespan).text}</code>;
    case 'br':
      return <br key={key} />;
    case 'link': {
      const link = token as Tokens.Link;
      const label = inlines(link.tokens, rule);
      if (!rule.test(link.href)) return <span key={key}>{label}</span>;
      return (
        <a key={key} href={link.href} target="_blank" rel="noopener noreferrer">
          {label}
        </a>
      );
    }
    case 'image':
      return <em key={key}>[{(token as Tokens.Image).text}]</em>;
    case 'html':
      return (token as Tokens.HTML).text;
    default:
      return 'raw' in token && typeof token.raw === 'string' ? token.raw : null;
  }
}
