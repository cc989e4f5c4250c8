import type { Content } from 'pdfmake/interfaces';
import type { BuildChangesResult } from '../../shared/api/buildRecordTypes';
import type { Locale } from '../../shared/domain/locales';
import { formatDate } from '../../shared/domain/formatDates';
import { changedCells, splitParagraphs, type PieceChange } from '../../shared/domain/packChanges';
import { pickText } from '../../shared/domain/pickText';
import type { Translate } from '../../shared/locales/createTranslator';
import type { Block } from './packBlocks';
import { pieceTitle } from '../../shared/descriptors/pieceTitle';

/** Beside a changed paragraph, in the left margin: a rule as tall as the paragraph. */
const BAR = { width: 1.5, gap: 6, color: '#4a5568' } as const;

export function changeBar(node: Content): Content {
  return {
    table: { widths: ['*'], body: [[node]] },
    layout: {
      hLineWidth: () => 0,
      vLineWidth: (i: number) => (i === 0 ? BAR.width : 0),
      vLineColor: () => BAR.color,
      paddingLeft: () => BAR.gap,
      paddingRight: () => 0,
      paddingTop: () => 0,
      paddingBottom: () => 0,
    },
    // Into the margin by the bar and its gap: the text itself stays where it was.
    margin: [-(BAR.width + BAR.gap), 0, 0, 0],
  } as Content;
}

/** The text cells of an edition that changed, by `pieceId NUL field NUL locale`: the changed paragraphs. */
export type ChangedCells = ReadonlyMap<string, number[]>;

export const changedCellsOf = (changes: BuildChangesResult | null | undefined): ChangedCells | null => (changes ? changedCells(changes.changes) : null);

/**
 * A rendered block with change bars beside what changed: a body text's changed paragraphs (each
 * when its paragraphs map one to one onto the text's, else the whole text), or the whole block.
 * Only body texts, official titles and sub-headings carry bars; headings are listed on the changes page.
 */
export function withChangeBars(node: Content, block: Block, locale: Locale, changed: ChangedCells | null): Content {
  if (!changed || (block.kind !== 'markdown' && block.kind !== 'officialTitle' && block.kind !== 'subHeading')) return node;
  const { text } = block;
  if (!text.origin) return node;
  const paragraphs = changed.get(`${text.origin.pieceId}\u0000${text.origin.field}\u0000${text.fallback ?? locale}`);
  if (!paragraphs) return node;
  const stack = (node as { stack?: Content[] }).stack;
  if (block.kind === 'markdown' && stack) {
    const offset = text.fallback ? 1 : 0;
    if (stack.length - offset === splitParagraphs(text.text).length) {
      const marked = new Set(paragraphs);
      (node as { stack: Content[] }).stack = stack.map((n, i) => (i >= offset && marked.has(i - offset) ? changeBar(n) : n));
      return node;
    }
  }
  return changeBar(node);
}

const pieceLine = (p: PieceChange, locale: Locale, t: Translate): Content => {
  const name = p.kind === 'section' ? t('pdf:changes.sectionTexts') : pieceTitle(p.kind, p.pieceId, p.title, locale).text;
  const what = p.change === 'changed' ? t('pdf:changes.changedKinds', { kinds: p.kinds.map((k) => t(`pdf:changes.kind.${k}`)).join(', ') }) : t(`pdf:changes.${p.change}`);
  return { text: [{ text: name, bold: true }, { text: ` — ${what}` }], margin: [10, 1, 0, 1] };
};

/** The page after the contents: pieces added, removed and changed since the earlier build, by section. */
export function renderChangesPage(result: BuildChangesResult, locale: Locale, t: Translate): Content[] {
  const date = formatDate(result.builtAt.slice(0, 10), locale);
  const { counts, sections } = result.changes;
  const content: Content[] = [
    { text: t('pdf:changes.title', { date }), style: 'sectionHeading' },
    { text: t('pdf:changes.summary', { added: counts.added, removed: counts.removed, changed: counts.changed }), style: 'meta' },
    { text: t('pdf:changes.barNote'), style: 'meta', margin: [0, 0, 0, 8] },
  ];
  if (sections.length === 0) content.push({ text: t('pdf:changes.none') });
  for (const s of sections) {
    const heading = s.sectionId === null ? t('pdf:changes.outside') : (pickText(s.title, locale)?.text ?? s.sectionId);
    const state = s.change === 'kept' ? '' : ` (${t(`pdf:changes.section.${s.change}`)})`;
    content.push({ text: `${heading}${state}`, style: 'tocSection' });
    for (const p of s.pieces) content.push(pieceLine(p, locale, t));
  }
  return content;
}
