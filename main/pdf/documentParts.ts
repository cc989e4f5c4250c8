import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { Block } from './packBlocks';

/** What differs between the whole document and one of its parts. */
export interface FrameOptions {
  /** The document (or part) opens with the cover: no running header or footer on its page 1. */
  cover: boolean;
  /** Footers with page numbers; parts leave them out, the merged document gets the global ones. */
  footer: boolean;
}

/** Everything of a document definition but its content. */
export type Frame = Omit<TDocumentDefinitions, 'content'>;

/** One bookmark: sections at the top level, their items as children (by `parentId`). */
export interface OutlineEntry {
  id: string;
  parentId: string | null;
  title: string;
}

/**
 * A document that can be laid out in one pass or in parts: the front matter (cover and
 * contents) and any range of blocks can be produced on their own, with the same settings.
 */
export interface SplittableDocument {
  /** The blocks the body is made of (the English ones for the parallel edition: all line up). */
  blocks: readonly Block[];
  /** Each block's share of the layout work, for planning (see editionPlan). */
  weights: readonly number[];
  hasCover: boolean;
  hasToc: boolean;
  frame(options: FrameOptions): Frame;
  /** Cover and contents (pages before the first section). Without `pageOf` the contents take their numbers from pdfmake (pageReference). */
  front(pageOf?: (id: string) => number): Content[];
  /** Blocks [from, to). `startsPage`: the first block is at the top of a fresh page (no page break before it). */
  body(from: number, to: number, startsPage: boolean): Content[];
  /** The bookmarks pdfmake makes from the headings, in document order. */
  outline: OutlineEntry[];
}

/** The single-pass document definition: front matter and every block. */
export function wholeDocument(doc: SplittableDocument): TDocumentDefinitions {
  return {
    ...doc.frame({ cover: doc.hasCover, footer: true }),
    content: [...doc.front(), ...doc.body(0, doc.blocks.length, !doc.hasCover && !doc.hasToc)],
  };
}
