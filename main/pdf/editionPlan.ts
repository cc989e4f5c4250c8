import type { Block } from './packBlocks';

/*
 * pdfmake lays a document out whole and keeps all of it in memory while it does (about 0.75 MB
 * a page of live heap, and far more garbage: every heading it must move to the next page makes it
 * lay the whole document out again). Large editions are therefore laid out in parts, one after
 * the other, and merged (buildInParts.ts). The plan is decided from the content alone, before any
 * layout, with a weight per block: its characters plus a fixed cost for the block itself.
 */

/** What a block costs beyond its characters (margins, a line started): roughly a line of text. */
export const BLOCK_WEIGHT = 120;

export interface PlanLimits {
  /** Editions weighing more than this are built in parts; up to it, in one pass. */
  singlePassMax: number;
  /** What one part may weigh, unless a single item alone weighs more. */
  partMax: number;
}

/**
 * Weights calibrated on the starter pack (about 2,600 a page) and the benchmark's ×20 pack
 * (about 3,400 a page of denser text): one pass up to roughly 100 pages (the starter pack, 14
 * pages, weighs 36,000), parts of roughly 30 pages above that. Memory hardly depends on the size
 * of parts up to there (the process's fixed costs dominate); larger parts grow it, smaller ones
 * add pages (each chunk starts a page) and copies of the font subsets.
 */
export const PLAN_LIMITS: PlanLimits = { singlePassMax: 300_000, partMax: 100_000 };

/** A range of blocks [from, to). */
export interface PartRange {
  from: number;
  to: number;
}

export type EditionPlan = { kind: 'single'; weight: number } | { kind: 'parts'; weight: number; parts: PartRange[] };

const length = (text: { text: string } | string | null | undefined) =>
  text == null ? 0 : typeof text === 'string' ? text.length : text.text.length;

export function blockWeight(block: Block): number {
  switch (block.kind) {
    case 'sourceNote':
      return BLOCK_WEIGHT + length(block.title) + block.citation.length + length(block.url);
    case 'countryTable':
      return block.table.rows.reduce((sum, r) => sum + BLOCK_WEIGHT / 2 + r.name.length + r.role.length + r.notes.reduce((n, x) => n + x.title.text.length, 0), BLOCK_WEIGHT);
    default:
      return BLOCK_WEIGHT + length(block.text);
  }
}

/**
 * One pass for editions up to `singlePassMax`. Above it, parts of at most `partMax`: a part holds
 * whole sections while they fit (sections start on a new page anyway, so these boundaries change
 * nothing in the layout); a section that does not fit in a part of its own is cut before item
 * headings into chunks. A chunk starts on a new page, where the single-pass layout would have
 * run on: the only difference parts make to the document. An item heavier than `partMax` is not
 * cut: its chunk is as large as the item.
 */
export function planEdition(blocks: readonly Block[], weights: readonly number[], limits: PlanLimits = PLAN_LIMITS): EditionPlan {
  const weight = weights.reduce((sum, w) => sum + w, 0);
  if (weight <= limits.singlePassMax) return { kind: 'single', weight };

  // What follows each boundary up to the next one of the same or a higher level.
  const sectionWeight = new Map<number, number>();
  const itemWeight = new Map<number, number>();
  let section = -1;
  let item = -1;
  blocks.forEach((block, i) => {
    if (block.kind === 'sectionHeading') {
      section = i;
      item = -1;
      sectionWeight.set(i, 0);
    } else if (block.kind === 'itemHeading') {
      item = i;
      itemWeight.set(i, 0);
    }
    if (section >= 0) sectionWeight.set(section, sectionWeight.get(section)! + weights[i]!);
    if (item >= 0) itemWeight.set(item, itemWeight.get(item)! + weights[i]!);
  });

  const parts: PartRange[] = [];
  let from = 0;
  let current = 0;
  let items = 0;
  const cut = (at: number) => {
    if (at > from) parts.push({ from, to: at });
    from = at;
    current = 0;
    items = 0;
  };
  blocks.forEach((block, i) => {
    if (block.kind === 'sectionHeading' && current > 0 && current + sectionWeight.get(i)! > limits.partMax) cut(i);
    // Never before a section's first item: its heading would be left alone at the end of a part.
    if (block.kind === 'itemHeading' && items > 0 && current + itemWeight.get(i)! > limits.partMax) cut(i);
    if (block.kind === 'itemHeading') items++;
    current += weights[i]!;
  });
  cut(blocks.length);
  return { kind: 'parts', weight, parts };
}
