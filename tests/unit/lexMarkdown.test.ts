import { describe, expect, it } from 'vitest';
import type { Token } from 'marked';
import { lexMarkdown, limitMarkdown, MAX_EMPHASIS_DEPTH, MAX_INDENT, MAX_LINE_NESTING } from '../../shared/text/lexMarkdown';

/** The deepest nesting of block containers (quotes, lists, list items) in a token tree. */
function blockDepth(tokens: readonly Token[]): number {
  let deepest = 0;
  for (const token of tokens) {
    const nested = token as { tokens?: Token[]; items?: Token[] };
    const container = token.type === 'blockquote' || token.type === 'list' ? 1 : 0;
    deepest = Math.max(deepest, container + blockDepth([...(nested.items ?? []), ...(token.type === 'paragraph' ? [] : (nested.tokens ?? []))]));
  }
  return deepest;
}

function emphasisDepth(tokens: readonly Token[] | undefined): number {
  let deepest = 0;
  for (const token of tokens ?? []) {
    const own = token.type === 'strong' || token.type === 'em' || token.type === 'del' ? 1 : 0;
    const nested = token as { tokens?: Token[]; items?: Token[] };
    deepest = Math.max(deepest, own + emphasisDepth([...(nested.items ?? []), ...(nested.tokens ?? [])]));
  }
  return deepest;
}

const plainText = (tokens: readonly Token[]): string =>
  tokens.map((t) => ('tokens' in t && t.tokens ? plainText(t.tokens) : 'items' in t ? plainText((t as { items: Token[] }).items) : 'text' in t ? String(t.text) : '')).join('');

describe('lexMarkdown: one bounded reading of user Markdown', () => {
  it('leaves ordinary Markdown as it is and reports nothing', () => {
    const text = 'Some **bold**, _em_, ***both***, a\\*b, snake_case_name, 2*3*4 and `**code**`.\n\n> quote\n> > inner\n\n- a\n  - b\n    1. c';
    const { text: limited, limits } = limitMarkdown(text);
    expect(limited).toBe(text);
    expect(limits).toEqual({ nestingCut: 0, emphasisCut: 0 });
    expect(lexMarkdown(text).limited).toBeNull();
  });

  it.each([
    ['10,000 `>` on one line', '>'.repeat(10_000) + ' deepest words'],
    ['10,000 `> ` on one line', '> '.repeat(10_000) + 'deepest words'],
    ['10,000 list markers on one line', '- '.repeat(10_000) + 'deepest words'],
    ['10,000 ordered markers on one line', '1. '.repeat(10_000) + 'deepest words'],
    ['quotes and lists mixed', '> - '.repeat(5_000) + 'deepest words'],
  ])('%s: lexes, keeps the words, nests at most the limit, reports the cut', (_, text) => {
    const { tokens, limited } = lexMarkdown(text);
    expect(plainText(tokens)).toContain('deepest words');
    expect(blockDepth(tokens)).toBeLessThanOrEqual(MAX_LINE_NESTING * 2);
    expect(limited?.nestingCut).toBe(1);
  });

  it('10,000 lines each one level deeper: indentation clamped, every line kept', () => {
    const text = Array.from({ length: 10_000 }, (_, i) => `${' '.repeat(i)}- item ${i}`).join('\n');
    const { text: limited, limits } = limitMarkdown(text);
    expect(limits.nestingCut).toBe(10_000 - MAX_INDENT - 1);
    for (const line of limited.split('\n')) expect(/^ */.exec(line)![0].length).toBeLessThanOrEqual(MAX_INDENT);
    const { tokens } = lexMarkdown(text);
    expect(plainText(tokens)).toContain('item 9999');
  });

  it('10,000 nested emphasis openers: bounded depth, the rest shown as typed', () => {
    const text = '**a '.repeat(10_000) + 'x' + ' b**'.repeat(10_000);
    const { tokens, limited } = lexMarkdown(text);
    expect(emphasisDepth(tokens)).toBeLessThanOrEqual(MAX_EMPHASIS_DEPTH);
    expect(limited?.emphasisCut).toBeGreaterThan(9_000);
    expect(plainText(tokens)).toContain('**a **a');
  });

  it('a run of 10,000 asterisks is shown as typed', () => {
    const { tokens, limited } = lexMarkdown('*'.repeat(10_000) + 'x' + '*'.repeat(10_000));
    expect(plainText(tokens)).toBe('*'.repeat(10_000) + 'x' + '*'.repeat(10_000));
    expect(limited?.emphasisCut).toBe(2);
  });

  it('leaves code as typed: fenced blocks and code spans', () => {
    const fenced = '```\n' + '> '.repeat(20) + 'code\n```';
    expect(limitMarkdown(fenced).text).toBe(fenced);
    const { tokens } = lexMarkdown('`' + '*'.repeat(6) + '` then ' + '*'.repeat(5));
    const codespan = JSON.stringify(tokens).match(/"type":"codespan","raw":"`(\**)`"/);
    expect(codespan?.[1]).toBe('******');
  });
});
