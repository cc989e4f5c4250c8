import { describe, expect, it } from 'vitest';
import { joinInline, tokenizeInline, type InlineNode } from '../../main/xliff/tokenizeInline';

/** A compact picture of the nodes: text as is, [role:data] for <ph>, {role:start…end} for <pc>. */
function shape(nodes: readonly InlineNode[]): string {
  return nodes
    .map((node) => {
      if (node.kind === 'text') return node.text;
      if (node.kind === 'ph') return `[${node.role}:${node.data}]`;
      return `{${node.role}:${node.start}|${shape(node.children)}|${node.end}}`;
    })
    .join('');
}

const CASES: Array<[string, string, string]> = [
  ['strong and em', 'a **b** *c* d', 'a {strong:**|b|**} {em:*|c|*} d'],
  ['triple delimiters nest em around strong', '***x***', '{em:*|{strong:**|x|**}|*}'],
  ['emphasis nested in emphasis', '*a **b** c*', '{em:*|a {strong:**|b|**} c|*}'],
  ['an unclosed ** stays text', 'a **b c', 'a **b c'],
  ['spaced stars are not emphasis', 'a * b * c', 'a * b * c'],
  ['underscores inside words are not emphasis', 'snake_case_name', 'snake_case_name'],
  ['underscore emphasis', '_a_ __b__', '{em:_|a|_} {strong:__|b|__}'],
  ['escaped stars are protected, not emphasis', '\\*a\\*', '[escape:\\*]a[escape:\\*]'],
  ['link with parentheses in its address', '[t](https://x.org/a_(b))', '{link:[|t|](https://x.org/a_(b))}'],
  ['link with a title', '[t](u "T")', '{link:[|t|](u "T")}'],
  ['emphasis inside a link', '[a *b*](u)', '{link:[|a {em:*|b|*}|](u)}'],
  ['links take precedence over emphasis', '*[a*](u)', '*{link:[|a*|](u)}'],
  ['links do not nest', '[a [b](u) c](v)', '[a {link:[|b|](u)} c](v)'],
  ['image', '![alt](i.png)', '{image:![|alt|](i.png)}'],
  ['reference link', '[a][ref]', '{link:[|a|][ref]}'],
  ['brackets without address stay text', '[a] (b)', '[a] (b)'],
  ['unbalanced parentheses in an address', '[a](u(b)', '[a](u(b)'],
  ['i18next placeholders and nesting', '{{count}} {{d, datetime}} $t(a:b, {"n": 1})', '[variable:{{count}}] [variable:{{d, datetime}}] [variable:$t(a:b, {"n": 1})]'],
  ['braces without a placeholder stay text', '{a} {{ b', '{a} {{ b'],
  ['code span hides what is inside', '`*x* {{y}}`', '[code:`*x* {{y}}`]'],
  ['double-backtick code span', '``a ` b``', '[code:``a ` b``]'],
  ['unclosed backtick stays text', 'a ` b', 'a ` b'],
  ['inline HTML and autolinks', 'a<br/>b <https://x.org>', 'a[html:<br/>]b [html:<https://x.org>]'],
  ['a lone < stays text', 'a < b', 'a < b'],
  ['list markers and line breaks', '- a\n- b\n  c', '[block:- ]a[break:\n- ]b[break:\n  ]c'],
  ['ordered list, heading, quote', '1. a\n# b\n> c', '[block:1. ]a[break:\n# ]b[break:\n> ]c'],
  ['hard break keeps its trailing spaces', 'a  \nb', 'a[break:  \n]b'],
  ['CRLF is one break', 'a\r\nb', 'a[break:\r\n]b'],
  ['emphasis does not cross a list item', '**a\n- b**', '**a[break:\n- ]b**'],
  ['thematic break', '---', '[block:---]'],
  ['only a placeholder', '{{count}}', '[variable:{{count}}]'],
  ['emoji next to emphasis', '😀**é😀**', '😀{strong:**|é😀|**}'],
];

describe('tokenizeInline', () => {
  it.each(CASES)('%s', (_name, input, expected) => {
    const nodes = tokenizeInline(input);
    expect(shape(nodes)).toBe(expected);
    expect(joinInline(nodes)).toBe(input);
  });

  it.each([
    ['stray closing delimiters', 'a* a_ '.repeat(30_000)],
    ['many emphasis spans', '*a* '.repeat(50_000)],
    ['link openings that never close', '[a]('.repeat(50_000)],
    ['nesting calls that never close', '$t('.repeat(60_000)],
    ['brackets that never close a link', '[a '.repeat(30_000) + '[b](u) '.repeat(10_000)],
    ['backtick runs without a closer', '` x ``'.repeat(30_000)],
  ])('stays fast on a 200,000-character text of %s', (_name, input) => {
    const started = Date.now();
    expect(joinInline(tokenizeInline(input))).toBe(input);
    expect(Date.now() - started).toBeLessThan(3000);
  });
});
