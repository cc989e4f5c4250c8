import type { Token } from 'marked';
import { lexMarkdown } from '../text/lexMarkdown';
import { checkTerms, type TermContext } from './checkTerms';

/** What a translator is told before approving; `values` fill the message `common:checks.<key>`. */
export interface TranslationCheck {
  key: 'empty' | 'placeholders' | 'markdown' | 'numbers' | 'termMissing' | 'termForbidden';
  values: Record<string, string | number>;
}

/** i18next interpolation and nesting, and single-brace names some tools write. */
const PLACEHOLDER = /\{\{[^{}]+\}\}|\$t\([^()]*\)|\{[A-Za-z_][\w.]*\}/g;

/**
 * Runs of digits with their group and decimal separators: `1,000`, `1 000`, `1.000` and `2,5`
 * all name the same digits however a language groups them, so only the digits are compared.
 */
const NUMBER = /\d+(?:[.,\u00a0\u202f ]\d+)*/g;

/**
 * The checks a translator expects before approving a text: nothing empty, every placeholder kept,
 * the same Markdown structure (headings, list items, links, emphasis, code), every number and year
 * kept, and, given the termbase, its terms (checkTerms). An empty list means the translation passes.
 */
export function checkTranslation(source: string, target: string, terms?: TermContext): TranslationCheck[] {
  if (target.trim() === '') return [{ key: 'empty', values: {} }];
  const checks: TranslationCheck[] = [];

  const lost = difference(source.match(PLACEHOLDER) ?? [], target.match(PLACEHOLDER) ?? []);
  const added = difference(target.match(PLACEHOLDER) ?? [], source.match(PLACEHOLDER) ?? []);
  if (lost.length > 0 || added.length > 0) {
    checks.push({ key: 'placeholders', values: { missing: lost.join(', ') || '—', extra: added.join(', ') || '—' } });
  }

  const a = markdownShape(source);
  const b = markdownShape(target);
  const differing = Object.keys(a).filter((k) => a[k] !== b[k]);
  if (differing.length > 0) {
    checks.push({
      key: 'markdown',
      values: { parts: differing.map((k) => `${k} ${a[k]}→${b[k]}`).join(', ') },
    });
  }

  const digits = (text: string) => (text.match(NUMBER) ?? []).map((n) => n.replace(/[^\d]/g, ''));
  const missingNumbers = difference(digits(source), digits(target));
  if (missingNumbers.length > 0) checks.push({ key: 'numbers', values: { numbers: missingNumbers.join(', ') } });
  if (terms) {
    for (const check of checkTerms(source, target, terms)) {
      checks.push({ key: check.key, values: { term: check.term, expected: check.expected.join(' / ') || '—' } });
    }
  }
  return checks;
}

/** Items of `a` not matched one for one in `b`. */
function difference(a: readonly string[], b: readonly string[]): string[] {
  const left = new Map<string, number>();
  for (const x of b) left.set(x, (left.get(x) ?? 0) + 1);
  const out: string[] = [];
  for (const x of a) {
    const n = left.get(x) ?? 0;
    if (n > 0) left.set(x, n - 1);
    else out.push(x);
  }
  return out;
}

/** Counts of the Markdown constructs a translation must keep, by name. */
function markdownShape(text: string): Record<string, number | string> {
  const shape: Record<string, number> = {
    headings: 0,
    'list items': 0,
    links: 0,
    emphasis: 0,
    strong: 0,
    code: 0,
    quotes: 0,
    tables: 0,
  };
  const urls: string[] = [];
  const walk = (tokens: readonly Token[] | undefined) => {
    for (const token of tokens ?? []) {
      switch (token.type) {
        case 'heading':
          shape.headings! += 1;
          break;
        case 'list_item':
          shape['list items']! += 1;
          break;
        case 'link':
          shape.links! += 1;
          urls.push(token.href as string);
          break;
        case 'em':
          shape.emphasis! += 1;
          break;
        case 'strong':
          shape.strong! += 1;
          break;
        case 'codespan':
        case 'code':
          shape.code! += 1;
          break;
        case 'blockquote':
          shape.quotes! += 1;
          break;
        case 'table':
          shape.tables! += 1;
          break;
      }
      const nested = token as { tokens?: Token[]; items?: Token[] };
      walk(nested.items);
      walk(nested.tokens);
    }
  };
  walk(lexMarkdown(text).tokens);
  return { ...shape, 'link targets': urls.sort().join(' ') };
}
