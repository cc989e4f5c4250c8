import type { Content, ContentText, TDocumentDefinitions } from 'pdfmake/interfaces';
import { LOCALE_TAGS, type Locale } from '../../shared/domain/locales';
import type { StringOverrides, Translate } from '../../shared/locales/createTranslator';
import type { PackDoc } from '../../shared/schemas/libraryDocument';
import { formatDate } from '../../shared/domain/formatDates';
import type { EditionModel } from './packBlocks';
import { markedText, outlineEntries, renderBlock, renderCover, renderOpening, renderToc, tocEntries } from './renderBlocks';
import { wholeDocument, type SplittableDocument } from './documentParts';
import { blockWeight } from './editionPlan';
import { FONT_FAMILY } from './fonts';
import { DEFAULT_STYLE, STYLES } from './styles';
import { paginate } from './pagination';
import { coverHead, logoAlt, logoImages } from './coverHead';
import { contentWidth } from './dotLeaders';
import { documentLineText } from '../../shared/domain/documentLine';
import type { BuildChangesResult } from '../../shared/api/buildRecordTypes';
import { changedCellsOf, renderChangesPage, withChangeBars } from './changesPage';

export interface DocumentOptions {
  paper: 'a4' | 'letter';
  /** One text for every edition (--watermark), none (null), or the pack's own in each language (undefined). */
  watermark?: string | null;
  /** The build's date, on the cover; fixed in tests so output is reproducible. */
  builtAt: Date;
  /** Translators' edits to the PDF's own strings (headings, labels), by locale. */
  strings?: Partial<Record<Locale, StringOverrides>>;
  /** "Changes since": a page after the contents and change bars beside changed paragraphs. */
  changes?: BuildChangesResult | null;
  /** A personalized copy: who it is for, on every page's footer, the cover's included. */
  recipient?: string | null;
}

export const PAGE_SIZES = { a4: 'A4', letter: 'LETTER' } as const;

export function watermarkFor(text: string | null): TDocumentDefinitions['watermark'] {
  // No font size: pdfmake then fits the text across the page, whatever its length.
  return text ? { text, opacity: 0.07, bold: true } : undefined;
}

/**
 * PDF metadata: the title given, author, subject and keywords from the model, and the build's own
 * date as creation and modification date (never the time of writing: the same build gives the
 * same bytes, and pdfkit derives the file's /ID from these values).
 */
export function documentInfo(model: EditionModel, title: string, builtAt: Date): TDocumentDefinitions['info'] {
  return {
    title,
    author: model.author ?? undefined,
    subject: model.subject ?? undefined,
    keywords: model.keywords.join(', '),
    creator: 'Briefing Pack Builder',
    producer: 'Briefing Pack Builder (pdfmake)',
    creationDate: builtAt,
    modDate: builtAt,
  };
}

/** One edition (en, fr or es) of a pack as a pdfmake document definition. */
export function editionDocument(model: EditionModel, pack: PackDoc, t: Translate, options: DocumentOptions): TDocumentDefinitions {
  return wholeDocument(editionLayout(model, pack, t, options));
}

/** One edition (en, fr or es) of a pack, to be laid out whole or in parts. */
export function editionLayout(model: EditionModel, pack: PackDoc, t: Translate, options: DocumentOptions): SplittableDocument {
  const { cover, toc } = pack.options;
  const line = documentLineText(model.documentLine);
  const changed = changedCellsOf(options.changes);
  return {
    blocks: model.blocks,
    weights: model.blocks.map(blockWeight),
    hasCover: cover,
    // The changes page is front matter too: the body starts after it, on a page of its own.
    hasToc: toc || Boolean(options.changes),
    outline: outlineEntries(model.blocks, (b) => markedText(b.text)),

    front(pageOf) {
      const content: Content[] = [];
      if (cover) {
        const head = coverHead(line, pack.logo, { alt: logoAlt(t, model.cover.network?.text) });
        // A pack with its own date of issue is not dated by its build.
        const prepared = pack.issued ? null : t('pdf:preparedOn', { date: formatDate(options.builtAt.toISOString().slice(0, 10), model.locale) });
        content.push({ stack: [...(head ? [head] : []), ...renderCover(model.cover, prepared)] });
      }
      if (toc) {
        const entries = tocEntries(model.blocks, (b) => (b.kind === 'itemHeading' || b.kind === 'sectionHeading' ? markedText(b.text) : ''));
        content.push({ stack: renderToc(t('pdf:contents'), entries, pageOf, contentWidth(options.paper, false, 56)), ...(cover ? { pageBreak: 'before' as const } : {}) });
      }
      if (options.changes) content.push({ stack: renderChangesPage(options.changes, model.locale, t), ...(cover || toc ? { pageBreak: 'before' as const } : {}) });
      return content;
    },

    body(from, to, startsPage) {
      const content: Content[] = [];
      let first = startsPage;
      // The status note opens the body, above the first section's heading.
      const opening = from === 0 ? renderOpening(model, cover) : [];
      if (opening.length > 0) {
        content.push({ stack: opening, ...(first ? {} : { pageBreak: 'before' as const }) });
        first = true;
      }
      for (const block of model.blocks.slice(from, to)) {
        const node = withChangeBars(renderBlock(block, { anchors: true }), block, model.locale, changed);
        if (block.kind === 'sectionHeading' && !first) (node as ContentText).pageBreak = 'before';
        first = false;
        content.push(node);
      }
      return content;
    },

    frame: (part) => ({
      pageSize: PAGE_SIZES[options.paper],
      pageMargins: [56, 64, 56, 56],
      language: LOCALE_TAGS[model.locale],
      info: documentInfo(model, model.title, options.builtAt),
      defaultStyle: { font: FONT_FAMILY, ...DEFAULT_STYLE },
      styles: STYLES,
      images: logoImages(pack.logo),
      watermark: watermarkFor(options.watermark !== undefined ? options.watermark : model.watermark),
      header: (page) =>
        part.cover && page === 1
          ? null
          : {
              columns: [
                { text: model.title, width: '*' },
                { text: [model.classification, line].filter(Boolean).join('   ·   '), width: 'auto', alignment: 'right' },
              ],
              style: 'header',
              margin: [56, 28, 56, 0],
            },
      footer: part.footer
        ? (page, pages) => {
            const copy = options.recipient ? t('pdf:copyFor', { name: options.recipient }) : null;
            const number = part.cover && page === 1 ? null : t('pdf:pageOf', { page, pages });
            const text = [copy, number].filter(Boolean).join('   ·   ');
            return text ? { text, alignment: 'center', style: 'footer', margin: [0, 20, 0, 0] } : null;
          }
        : undefined,
      pageBreakBefore: paginate,
    }),
  };
}
