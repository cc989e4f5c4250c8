import type { Content } from 'pdfmake/interfaces';
import { LOCALES } from '../../shared/domain/locales';
import { pickText } from '../../shared/domain/pickText';
import { lexMarkdown } from '../../shared/text/lexMarkdown';
import type { LocalizedDoc } from '../../shared/schemas/common';
import type { LibraryDocument } from '../../shared/schemas/libraryDocument';
import { localizedFields } from '../../shared/schemas/localizedFields';
import type { Block } from './packBlocks';
import { ROLE_KEY } from './layoutKeys';

/*
 * Numbered paragraphs, as a speaker says "paragraph 12" to a room reading three languages: the
 * numbers must be the same in the English, French and Spanish editions. So they are decided
 * from the three texts of each body at once, never from the edition being built: when the
 * three have the same number of paragraphs (lists, tables and quotes count as one; headings and
 * rules are not numbered), each paragraph has its number; when a translation splits or joins
 * paragraphs, the body has one number, on its first paragraph, in every language.
 */

export interface ParagraphNumbers {
  first: number;
  /** Every numbered paragraph of the body gets a number (first, first + 1, …), or only the first. */
  each: boolean;
}

const UNNUMBERED_TOKENS = new Set(['space', 'def', 'heading', 'hr']);

/** Paragraphs a body's Markdown has, as numbering counts them. */
export function countParagraphs(markdown: string): number {
  return lexMarkdown(markdown).tokens.filter((t) => !UNNUMBERED_TOKENS.has(t.type)).length;
}

/** Gives every Markdown block of the edition its numbers, the same in every language. */
export function numberParagraphs(blocks: Block[], doc: LibraryDocument): void {
  const values = new Map<string, LocalizedDoc>();
  for (const f of localizedFields(doc)) values.set(`${f.pieceId}\u0000${f.field}`, f.value);
  let next = 1;
  for (const block of blocks) {
    if (block.kind !== 'markdown' || !block.text.origin) continue;
    const value = values.get(`${block.text.origin.pieceId}\u0000${block.text.origin.field}`);
    if (!value) continue;
    const counts = LOCALES.map((l) => countParagraphs(pickText(value, l)?.text ?? ''));
    if (Math.max(...counts) === 0) continue;
    const each = counts.every((c) => c === counts[0]);
    block.paragraphs = { first: next, each };
    next += each ? counts[0]! : 1;
  }
}

const isNumbered = (node: Content) => {
  const n = node as unknown as Record<string, unknown>;
  return n[ROLE_KEY] !== 'heading' && !('canvas' in n);
};

/** Markdown's top-level nodes with their paragraph numbers in a hanging column. */
export function withParagraphNumbers(nodes: Content[], numbers: ParagraphNumbers | undefined): Content[] {
  if (!numbers) return nodes;
  let next = numbers.first;
  let done = false;
  return nodes.map((node) => {
    if (done || !isNumbered(node)) return node;
    const number = next++;
    if (!numbers.each) done = true;
    const { [ROLE_KEY]: role, ...rest } = node as unknown as Record<string, unknown>;
    return {
      columns: [
        { text: `${number}.`, width: 22, style: 'paragraphNumber' },
        { width: '*', stack: [rest as unknown as Content] },
      ],
      columnGap: 4,
      [ROLE_KEY]: role,
    } as unknown as Content;
  });
}
