import type { Content } from 'pdfmake/interfaces';
import type { Block, CoverModel } from './packBlocks';
import type { StatusNote } from './editionStatus';
import type { EditionText } from './EditionTexts';
import { markdownToPdf } from './markdownToPdf';
import type { OutlineEntry } from './documentParts';
import { FALLBACK_LANGUAGE_KEY, ORIGIN_KEY, ROLE_KEY, type LayoutRole } from './layoutKeys';
import { withDotLeaders } from './dotLeaders';
import { withParagraphNumbers } from './paragraphNumbers';
import { sourceEntryId } from './crossReferences';
import { STYLES } from './styles';
import { EMPTY_CELL, rowFitsAPage, type CountryRow } from './countryTable';
import { markPrefix, markedText } from './statusMarks';

/**
 * `[FR] ` before a text shown in another language than the edition's, `[out of date] ` before a
 * translation whose original changed since: the marks the edition's status note explains.
 */
export function fallbackTag(text: EditionText): Content[] {
  const mark = markPrefix(text);
  return mark ? [{ text: mark, style: 'fallbackTag' }] : [];
}

export { markPrefix, markedText } from './statusMarks';

/** The text after its fallback mark; the text's origin goes with it to the laid-out lines. */
function tagged(text: EditionText): Content[] {
  return [
    ...fallbackTag(text),
    { text: text.text, ...(text.origin ? { [ORIGIN_KEY]: text.origin } : {}), ...(text.fallback ? { [FALLBACK_LANGUAGE_KEY]: text.fallback } : {}) },
  ];
}

export interface BlockRenderOptions {
  /** Ids, TOC page anchors and bookmarks: only one column of a parallel edition carries them. */
  anchors: boolean;
  /** Bookmark titles, when they should differ from the visible heading (parallel edition). */
  outlineTitle?: (block: Block) => string;
}

/** What each kind of block is to pagination (pagination.ts). */
const ROLES: Record<Block['kind'], LayoutRole> = {
  sectionHeading: 'section',
  itemHeading: 'heading',
  subHeading: 'heading',
  sourcesHeading: 'heading',
  officialTitle: 'meta',
  meta: 'meta',
  markdown: 'body',
  sourceNote: 'source',
  countryTable: 'body',
};

export function renderBlock(block: Block, options: BlockRenderOptions): Content {
  const node = blockContent(block, options);
  (node as unknown as Record<string, unknown>)[ROLE_KEY] = ROLES[block.kind];
  return node;
}

function blockContent(block: Block, options: BlockRenderOptions): Content {
  switch (block.kind) {
    case 'sectionHeading':
      return {
        text: tagged(block.text),
        style: 'sectionHeading',
        ...(options.anchors
          ? { id: block.id, outline: true, outlineText: options.outlineTitle?.(block) ?? markedText(block.text) }
          : {}),
      };
    case 'itemHeading': {
      const marks = sourceMarkRuns(block.sourceMarks, block.parentId);
      return {
        text: [...tagged(block.text), ...marks],
        style: 'itemHeading',
        ...(options.anchors
          ? {
              id: block.id,
              outline: true,
              outlineParentId: block.parentId,
              outlineText: options.outlineTitle?.(block) ?? markedText(block.text),
            }
          : {}),
      };
    }
    case 'subHeading':
      return { text: tagged(block.text), style: 'subHeading' };
    case 'officialTitle':
      return { text: tagged(block.text), style: 'officialTitle' };
    case 'meta':
      return {
        text: block.parts
          ? block.parts.map((p) => (p.target ? { text: p.text, linkToDestination: p.target, style: 'crossReference' } : { text: p.text }))
          : block.text,
        style: 'meta',
      };
    case 'markdown': {
      const nodes = withParagraphNumbers(markdownToPdf(block.text.text, block.text.origin), block.paragraphs);
      return block.text.fallback
        ? ({ stack: [{ text: fallbackTag(block.text) }, ...nodes], [FALLBACK_LANGUAGE_KEY]: block.text.fallback } as Content)
        : { stack: nodes };
    }
    case 'sourcesHeading':
      return { text: block.text, style: 'sourcesHeading' };
    case 'countryTable':
      return countryTableContent(block);
    case 'sourceNote':
      return {
        text: [
          { text: `${block.number}. ` },
          ...tagged(block.title),
          { text: block.citation ? ` — ${block.citation}` : '' },
          ...(block.url ? [{ text: ` ${block.url}` }] : []),
        ],
        style: 'sourceNote',
        ...(options.anchors ? { id: block.id } : {}),
      };
  }
}

/** The section's countries, one row each; note titles link to the profile they sit in. */
function countryTableContent(block: Extract<Block, { kind: 'countryTable' }>): Content {
  const { header, rows } = block.table;
  const marks = sourceMarkRuns(block.sourceMarks, block.parentId);
  const notesCell = (notes: CountryRow['notes']): Content =>
    notes.length === 0
      ? { text: EMPTY_CELL }
      : { stack: notes.map((n) => ({ text: tagged(n.title), linkToDestination: n.target, style: 'countryNoteLink' })) };
  return {
    table: {
      headerRows: 1,
      // A row is a country: half of its name on one page and half on the next reads as two rows.
      // Only when every row surely fits a page: pdfmake drops an unbreakable row taller than one.
      dontBreakRows: rows.every(rowFitsAPage),
      widths: ['auto', 'auto', '*'],
      body: [
        header.map((text, i) => ({ text: i === 0 ? [{ text }, ...marks] : text, style: 'countryTableHeader' })),
        ...rows.map((row) => [{ text: row.name }, { text: row.role }, notesCell(row.notes)]),
      ],
    },
    layout: 'lightHorizontalLines',
    style: 'countryTable',
  };
}

/**
 * What opens an edition's body: its original language when no cover says it, and its status note
 * when it has one. Empty for an approved edition with a cover.
 */
export function renderOpening(model: { cover: CoverModel; statusNote: StatusNote | null }, hasCover: boolean): Content[] {
  const original = !hasCover && model.cover.status[0] ? [{ text: model.cover.status[0], style: 'meta', margin: [0, 0, 0, 8] } as Content] : [];
  return [...original, ...(model.statusNote ? [renderStatusNote(model.statusNote)] : [])];
}

/** The edition's translation status and the legend of its marks, in a tinted box. */
export function renderStatusNote(note: StatusNote): Content {
  return {
    table: {
      widths: ['*'],
      body: [[{ stack: [{ text: note.summary, style: 'statusSummary' }, ...note.legend.map((line) => ({ text: line, style: 'statusLegend' }))], fillColor: '#f6efdf' }]],
    },
    layout: { hLineWidth: () => 0, vLineWidth: () => 0, paddingLeft: () => 8, paddingRight: () => 8, paddingTop: () => 6, paddingBottom: () => 6 },
    margin: [0, 0, 0, 14],
  };
}

/** Source marks as superscripts, each a link to its entry in the section's sources. */
export function sourceMarkRuns(numbers: readonly number[], sectionId: string): Content[] {
  return numbers.flatMap((n, i): Content[] => [
    { text: i === 0 ? '\u2009' : ',\u2009', sup: true, style: 'sourceMark' },
    { text: String(n), sup: true, style: 'sourceMark', linkToDestination: sourceEntryId(sectionId, n) },
  ]);
}

/** `compact`: a third of a landscape page (parallel edition) must still hold the whole cover. */
export function renderCover(cover: CoverModel, prepared: string | null, options: { compact?: boolean } = {}): Content[] {
  const out: Content[] = [];
  if (cover.network) out.push({ text: tagged(cover.network), style: 'coverNetwork' });
  if (cover.meeting) out.push({ text: tagged(cover.meeting), style: 'coverMeeting' });
  if (cover.meetingLine) out.push({ text: cover.meetingLine, style: 'coverMeetingLine' });
  out.push({ text: tagged(cover.title), style: options.compact ? ['coverTitle', 'coverTitleCompact'] : 'coverTitle' });
  if (cover.subtitle) {
    out.push({ text: tagged(cover.subtitle), style: options.compact ? ['coverSubtitle', 'coverSubtitleCompact'] : 'coverSubtitle' });
  }
  if (cover.audience) out.push({ text: tagged(cover.audience), style: 'coverAudience' });
  if (cover.classification) out.push({ text: tagged(cover.classification), style: 'coverClassification' });
  cover.status.forEach((line, i) => out.push({ text: line, style: i === 0 ? 'coverStatus' : ['coverStatus', 'coverStatusDraft'] }));
  if (prepared) out.push({ text: prepared, style: 'coverPrepared' });
  return out;
}

export interface TocEntry {
  id: string;
  /** Runs when its words are in several languages (the side-by-side edition's). */
  text: string | Content[];
  level: 1 | 2;
}

/**
 * Contents with page numbers and links, from the headings' own ids: pdfmake finds the pages
 * (pageReference) unless `pageOf` gives them (a document built in parts). Either way the number
 * links to the heading, and pdfmake right-aligns the number it writes in its column.
 */
export function renderToc(title: string | Content[], entries: TocEntry[], pageOf?: (id: string) => number, width?: number): Content[] {
  return [
    { text: title, style: 'tocTitle' },
    ...entries.map((entry): Content => {
      const style = entry.level === 1 ? 'tocSection' : 'tocItem';
      const row = {
        columns: [
          { text: entry.text, linkToDestination: entry.id, width: '*' },
          pageOf
            ? { text: String(pageOf(entry.id)), linkToDestination: entry.id, width: 36, alignment: 'right' }
            : { pageReference: entry.id, width: 36, alignment: 'right' },
        ],
        columnGap: 8,
        style,
      };
      return width === undefined ? (row as Content) : withDotLeaders(row, width, tocRowMetrics(style));
    }),
  ];
}

function tocRowMetrics(style: 'tocSection' | 'tocItem') {
  const s = STYLES[style] as { fontSize: number; margin: [number, number, number, number] };
  return { fontSize: s.fontSize, indent: s.margin[0], top: s.margin[1] };
}

export function tocEntries(blocks: Block[], text: (block: Block & { text: EditionText }) => string): TocEntry[] {
  const entries: TocEntry[] = [];
  for (const block of blocks) {
    if (block.kind === 'sectionHeading') entries.push({ id: block.id, text: text(block), level: 1 });
    if (block.kind === 'itemHeading') entries.push({ id: block.id, text: text(block), level: 2 });
  }
  return entries;
}

/** The bookmarks renderBlock's anchors make: sections, and items under their section. */
export function outlineEntries(
  blocks: readonly Block[],
  title: (block: Block & { text: EditionText }, index: number) => string,
): OutlineEntry[] {
  const entries: OutlineEntry[] = [];
  blocks.forEach((block, index) => {
    if (block.kind === 'sectionHeading') entries.push({ id: block.id, parentId: null, title: title(block, index) });
    if (block.kind === 'itemHeading') entries.push({ id: block.id, parentId: block.parentId, title: title(block, index) });
  });
  return entries;
}
