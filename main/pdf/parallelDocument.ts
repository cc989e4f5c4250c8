import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { LOCALES, type Locale } from '../../shared/domain/locales';
import type { Translate } from '../../shared/locales/createTranslator';
import type { PackDoc } from '../../shared/schemas/libraryDocument';
import { formatDate } from '../../shared/domain/formatDates';
import type { Block, EditionModel } from './packBlocks';
import { changedCellsOf, renderChangesPage, withChangeBars } from './changesPage';
import { fallbackTag, markedText, outlineEntries, renderBlock, renderCover, renderOpening, renderToc, tocEntries } from './renderBlocks';
import { wholeDocument, type SplittableDocument } from './documentParts';
import { blockWeight } from './editionPlan';
import { markdownToPdf } from './markdownToPdf';
import { withParagraphNumbers } from './paragraphNumbers';
import { FONT_FAMILY } from './fonts';
import { DEFAULT_STYLE, STYLES } from './styles';
import { PAGE_SIZES, documentInfo, watermarkFor, type DocumentOptions } from './editionDocument';
import { paginate } from './pagination';
import { coverHead, logoAlt, logoImages } from './coverHead';
import { contentWidth } from './dotLeaders';
import { frenchTypography } from '../../shared/text/frenchTypography';
import { documentLineText } from '../../shared/domain/documentLine';
import { FALLBACK_LANGUAGE_KEY, LANGUAGE_COLUMNS_KEY, ROLE_KEY } from './layoutKeys';
import { PASSAGE_LANGUAGE_KEY } from './tagging/tagDocument';

type Editions = Record<Locale, EditionModel>;
type Translators = Record<Locale, Translate>;

const joined = (parts: string[]) => [...new Set(parts)].join(' / ');
/** What `joined` shows, one run per language, so that each is read in its own (tagging). */
function joinedRuns(parts: Record<Locale, string>): Content[] {
  const runs: Content[] = [];
  const seen = new Set<string>();
  for (const l of LOCALES) {
    if (seen.has(parts[l])) continue;
    seen.add(parts[l]);
    if (runs.length > 0) runs.push({ text: ' / ' });
    runs.push({ text: parts[l], [PASSAGE_LANGUAGE_KEY]: l } as Content);
  }
  return runs;
}
const headingText = (b: Block) => ('text' in b && typeof b.text === 'object' ? markedText(b.text) : '');

/**
 * Rows of three cells. A Markdown body becomes one row per top-level block when the three
 * languages have the same number of blocks, so each paragraph starts on the same line in EN, FR
 * and ES; otherwise the whole body is one row.
 */
function rowsFor(index: number, editions: Editions): TableCell[][] {
  const blocks = LOCALES.map((l) => editions[l].blocks[index]!);
  const first = blocks[0]!;
  if (first.kind === 'markdown') {
    const parsed = blocks.map((b) => (b.kind === 'markdown' ? withParagraphNumbers(markdownToPdf(b.text.text, b.text.origin), b.paragraphs) : []));
    const tags = blocks.map((b) => (b.kind === 'markdown' ? fallbackTag(b.text) : []));
    const counts = new Set(parsed.map((p) => p.length));
    if (counts.size === 1) {
      return parsed[0]!.map((_, row) =>
        parsed.map((nodes, column) => {
          const fallback = (blocks[column] as { text: { fallback: Locale | null } }).text.fallback;
          const cell = row === 0 && tags[column]!.length ? { stack: [{ text: tags[column]! }, nodes[row]!] } : nodes[row]!;
          return fallback ? ({ stack: [cell], [FALLBACK_LANGUAGE_KEY]: fallback } as TableCell) : cell;
        }),
      );
    }
  }
  const outline = joined(blocks.map(headingText));
  return [blocks.map((b, column) => renderBlock(b, { anchors: column === 0, outlineTitle: () => outline }))];
}

/**
 * A row of no height before each row of headings: pagination.ts moves its first cell to the next
 * page when a heading of any language would not keep its text with it there, and the rows after
 * it follow, level in the three columns (a break inside one cell would move that column only).
 */
function probeRow(): TableCell[] {
  return LOCALES.map(() => ({ text: '\u200b', fontSize: 1, lineHeight: 1, [ROLE_KEY]: 'probe' }) as TableCell);
}

const roleOf = (row: TableCell[] | undefined) => (row?.[0] as Record<string, unknown> | undefined)?.[ROLE_KEY];
/** Item, source and Markdown headings (not sections: they start a table of their own). */
const isHeadingRow = (row: TableCell[]) => roleOf(row) === 'heading';
const isProbe = (row: TableCell[] | undefined) => roleOf(row) === 'probe';

/** One PDF with the three languages side by side, landscape, one table per section. */
export function parallelDocument(editions: Editions, pack: PackDoc, t: Translators, options: DocumentOptions): TDocumentDefinitions {
  return wholeDocument(parallelLayout(editions, pack, t, options));
}

/** The parallel edition, to be laid out whole or in parts (a part's first table starts its page). */
export function parallelLayout(editions: Editions, pack: PackDoc, t: Translators, options: DocumentOptions): SplittableDocument {
  const changed = changedCellsOf(options.changes);
  const en = editions.en;
  // A new row for every table: pdfmake consumes the row objects it lays out.
  const languageRow = (): TableCell[] => LOCALES.map((l) => ({ text: t[l]('pdf:languageName'), style: 'parallelLanguage' }));
  const table = (rows: TableCell[][], pageBreak: boolean): Content => {
    // Probe rows (see probeRow) take no room: no padding.
    const padding = (row: number) => (isProbe(rows[row - 1]) ? 0 : 1);
    return {
      table: { headerRows: 1, widths: ['*', '*', '*'], body: [languageRow(), ...rows] },
      layout: { hLineWidth: () => 0, vLineWidth: () => 0, paddingLeft: () => 6, paddingRight: () => 6, paddingTop: padding, paddingBottom: padding },
      [LANGUAGE_COLUMNS_KEY]: true,
      ...(pageBreak ? { pageBreak: 'before' as const } : {}),
    } as Content;
  };
  // Strings that join the three languages lie outside the language columns: French spacing here.
  const spaced = (l: Locale, text: string) => (l === 'fr' ? frenchTypography(text) : text);
  const headings = (index: number) => Object.fromEntries(LOCALES.map((l) => [l, spaced(l, headingText(editions[l].blocks[index]!))])) as Record<Locale, string>;
  const heading = (index: number) => joined(LOCALES.map((l) => headings(index)[l]));
  // One reference; the version label and the date in each language (the same ones once).
  const lines = LOCALES.map((l) => editions[l].documentLine);
  const parallelLine = lines[0]
    ? [lines[0].reference, joined(lines.map((x) => x?.version ?? '').filter(Boolean)), joined(lines.map((x) => x?.date ?? '').filter(Boolean))]
        .filter(Boolean)
        .join(' · ')
    : null;
  const pageOf = (page: number, pages: number) => LOCALES.map((l) => t[l]('pdf:pageOf', { page, pages })).join('   ·   ');

  return {
    blocks: en.blocks,
    // Three columns side by side: a block costs what its three languages together cost.
    weights: en.blocks.map((_, i) => LOCALES.reduce((sum, l) => sum + blockWeight(editions[l].blocks[i]!), 0)),
    hasCover: pack.options.cover,
    hasToc: pack.options.toc || Boolean(options.changes),
    // renderBlock's bookmark title for the anchored (English) column: the three headings.
    outline: outlineEntries(en.blocks, (_, index) => heading(index)),

    front(pageNumberOf) {
      const content: Content[] = [];
      if (pack.options.cover) {
        content.push(
          table(
            [
              LOCALES.map((l) => {
                const head = coverHead(documentLineText(editions[l].documentLine), pack.logo, { compact: true, alt: logoAlt(t[l], editions[l].cover.network?.text) });
                const prepared = pack.issued ? null : t[l]('pdf:preparedOn', { date: formatDate(options.builtAt.toISOString().slice(0, 10), l) });
                return { stack: [...(head ? [head] : []), ...renderCover(editions[l].cover, prepared, { compact: true })] };
              }),
            ],
            false,
          ),
        );
      }
      if (pack.options.toc) {
        // Blocks line up across editions, so an entry's index finds its heading in every language.
        const headingIndexes = en.blocks.flatMap((b, i) => (b.kind === 'sectionHeading' || b.kind === 'itemHeading' ? [i] : []));
        const entries = tocEntries(en.blocks, () => '').map((entry, i) => ({ ...entry, text: joinedRuns(headings(headingIndexes[i]!)) }));
        const title = joinedRuns(Object.fromEntries(LOCALES.map((l) => [l, t[l]('pdf:contents')])) as Record<Locale, string>);
        content.push({
          stack: renderToc(title, entries, pageNumberOf, contentWidth(options.paper, true, 40)),
          ...(pack.options.cover ? { pageBreak: 'before' as const } : {}),
        });
      }
      if (options.changes) {
        const pages = LOCALES.map((l) => ({ stack: renderChangesPage(options.changes!, l, t[l]) }) as TableCell);
        content.push(table([pages], pack.options.cover || pack.options.toc));
      }
      return content;
    },

    body(from, to, startsPage) {
      const content: Content[] = [];
      let rows: TableCell[][] = [];
      let first = startsPage;
      const flush = () => {
        if (rows.length === 0) return;
        content.push(table(rows, !first));
        first = false;
        rows = [];
      };
      for (let index = from; index < to; index++) {
        if (en.blocks[index]!.kind === 'sectionHeading') flush();
        // Each language's status note opens its column, above the first section.
        const openings = index === 0 ? LOCALES.map((l) => renderOpening(editions[l], pack.options.cover)) : [];
        if (openings.some((o) => o.length > 0)) rows.push(openings.map((stack) => (stack.length ? { stack } : { text: '' }) as TableCell));
        for (const row of rowsFor(index, editions)) {
          if (isHeadingRow(row)) rows.push(probeRow());
          rows.push(changed ? row.map((cell, c) => withChangeBars(cell as Content, editions[LOCALES[c]!].blocks[index]!, LOCALES[c]!, changed) as TableCell) : row);
        }
      }
      flush();
      return content;
    },

    frame: (part) => ({
      pageSize: PAGE_SIZES[options.paper],
      pageOrientation: 'landscape',
      pageMargins: [40, 56, 40, 48],
      // One document, three languages: "mul" is the ISO 639 code for multiple languages.
      language: 'mul',
      info: documentInfo(en, joined(LOCALES.map((l) => editions[l].title)), options.builtAt),
      defaultStyle: { font: FONT_FAMILY, ...DEFAULT_STYLE, fontSize: 9 },
      styles: STYLES,
      images: logoImages(pack.logo),
      watermark: watermarkFor(
        options.watermark !== undefined ? options.watermark : [...new Set(LOCALES.map((l) => editions[l].watermark).filter(Boolean))].join(' · ') || null,
      ),
      header: (page) =>
        part.cover && page === 1
          ? null
          : {
              columns: [
                { text: joined(LOCALES.map((l) => spaced(l, editions[l].title))), width: '*' },
                {
                  text: [joined(LOCALES.map((l) => editions[l].classification ?? '').filter(Boolean)), parallelLine].filter(Boolean).join('   ·   '),
                  width: 'auto',
                  alignment: 'right',
                },
              ],
              style: 'header',
              margin: [40, 24, 40, 0],
            },
      footer: part.footer
        ? (page, pages) => {
            const copy = options.recipient ? joined(LOCALES.map((l) => t[l]('pdf:copyFor', { name: options.recipient! }))) : null;
            const number = part.cover && page === 1 ? null : pageOf(page, pages);
            const text = [copy, number].filter(Boolean).join('   ·   ');
            return text ? { text, alignment: 'center', style: 'footer', margin: [0, 18, 0, 0] } : null;
          }
        : undefined,
      pageBreakBefore: paginate,
    }),
  };
}
