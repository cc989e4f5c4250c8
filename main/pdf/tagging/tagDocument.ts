import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { LOCALE_TAGS, LOCALES, isLocale } from '../../../shared/domain/locales';
import { FALLBACK_LANGUAGE_KEY, LANGUAGE_COLUMNS_KEY } from '../layoutKeys';

/**
 * What a laid-out line is to the structure tree. pdfmake copies a leaf's own properties onto the
 * runs it lays out, so one Tag object, set on every leaf of a paragraph, reaches all its lines:
 * installTagging.ts groups the lines that share it into one structure element.
 */
export const TAG_KEY = 'structureTag';

/** The alternate text a builder gives an image that means something (the pack's logo). */
export const ALT_KEY = 'altText';

export type TagRole = 'H1' | 'H2' | 'H3' | 'P' | 'Lbl' | 'Figure' | 'Artifact';

/**
 * A structure element that holds others (a list, its items and their bodies): one object shared
 * by the Tags of everything inside it, so installTagging.ts creates it once, where its first
 * line is drawn.
 */
export interface Group {
  role: 'L' | 'LI' | 'LBody' | 'Table' | 'TR' | 'TH' | 'TD';
  /** A header cell's reach: the column under it. */
  scope?: 'Column';
}

export interface Tag {
  role: TagRole;
  /** The groups it sits in, outermost first; none for a paragraph directly under Document. */
  parents?: readonly Group[];
  /** A numbered item's counter, which pdfmake lays out with no properties of its own. */
  label?: Tag;
  /** BCP 47; absent when the passage is in the document's own language. */
  lang?: string;
  /** A Figure's alternate text, what a screen reader says in place of the image. */
  alt?: string;
}

/** Headings by the style the document builders give them (styles.ts); any other text is a P. */
const HEADING_ROLES: Record<string, TagRole> = {
  sectionHeading: 'H1',
  itemHeading: 'H2',
  sourcesHeading: 'H2',
  subHeading: 'H3',
  // A heading inside a body sits under its item's heading: H3 whatever its Markdown depth.
  mdHeading1: 'H3',
  mdHeading2: 'H3',
  mdHeading3: 'H3',
};

type Node = Record<string, unknown>;

function roleOf(node: Node): TagRole {
  const styles = Array.isArray(node.style) ? node.style : [node.style];
  for (const style of styles) if (typeof style === 'string' && HEADING_ROLES[style]) return HEADING_ROLES[style];
  return 'P';
}

const languageOf = (code: unknown): string | undefined => (isLocale(code) ? LOCALE_TAGS[code] : undefined);

/**
 * Marks every text of the document (after textRuns.ts prepared it) with its Tag: the running
 * header and footer as artifacts, each column of a side-by-side table in its language, a text
 * shown in place of a missing translation in the language it is written in.
 */
export function tagDocument(definition: TDocumentDefinitions): TDocumentDefinitions {
  const documentLang = typeof definition.language === 'string' ? definition.language : undefined;
  definition.content = tagContent(definition.content, undefined, documentLang) as TDocumentDefinitions['content'];
  for (const key of ['header', 'footer'] as const) {
    const repeated = definition[key];
    if (typeof repeated !== 'function') continue;
    definition[key] = ((...args: Parameters<typeof repeated>) => {
      const content = repeated(...args);
      return content ? tagContent(content, undefined, documentLang, { role: 'Artifact' }) : content;
    }) as typeof repeated;
  }
  return definition;
}

interface Place {
  parents: readonly Group[];
  label?: Tag;
}
const TOP: Place = { parents: [] };

function tagContent(node: unknown, lang: string | undefined, documentLang: string | undefined, artifact?: Tag, place: Place = TOP): unknown {
  if (typeof node === 'string' || typeof node === 'number') return tagText({ text: String(node) }, lang, documentLang, artifact, place);
  if (Array.isArray(node)) return node.map((child) => tagContent(child, lang, documentLang, artifact, place));
  if (node === null || typeof node !== 'object') return node;
  const n = node as Node;
  const here = languageOf(n[FALLBACK_LANGUAGE_KEY]) ?? lang;
  if ('text' in n) return tagText(n, here, documentLang, artifact, place);
  // An image without alternate text is decoration: installTagging.ts draws it as an artifact.
  if (typeof n.image === 'string') {
    const alt = n[ALT_KEY];
    if (!artifact && typeof alt === 'string' && alt.trim()) n[TAG_KEY] = { role: 'Figure', alt, ...(here && here !== documentLang ? { lang: here } : {}) } satisfies Tag;
    return n;
  }
  for (const key of ['stack', 'columns'] as const) {
    if (Array.isArray(n[key])) n[key] = (n[key] as unknown[]).map((child) => tagContent(child, here, documentLang, artifact, place));
  }
  for (const key of ['ul', 'ol'] as const) {
    if (!Array.isArray(n[key])) continue;
    // L › LI › (Lbl, LBody): a bullet is drawn, an artifact, so only a numbered item has a Lbl.
    const list = artifact ? place.parents : [...place.parents, { role: 'L' } as Group];
    n[key] = (n[key] as unknown[]).map((child) => {
      if (artifact) return tagContent(child, here, documentLang, artifact, place);
      const item: Group = { role: 'LI' };
      const label: Tag | undefined = key === 'ol' ? { role: 'Lbl', parents: [...list, item] } : undefined;
      return tagContent(child, here, documentLang, artifact, { parents: [...list, item, { role: 'LBody' }], ...(label ? { label } : {}) });
    });
  }
  const table = n.table as { body?: unknown[][]; headerRows?: number } | undefined;
  // One cell is a box drawn around its content (the status note, a change bar), not data: its
  // content is tagged where the box stands, with no Table a screen reader would announce.
  if (table && Array.isArray(table.body) && table.body.length === 1 && table.body[0]?.length === 1) {
    table.body = [[tagContent(table.body[0][0], here, documentLang, artifact, place)]];
  } else if (table && Array.isArray(table.body)) {
    const columns = n[LANGUAGE_COLUMNS_KEY] === true;
    const headerRows = typeof table.headerRows === 'number' ? table.headerRows : 0;
    // Table › TR › TH | TD; the rows pdfmake repeats on each page (headerRows) are the header cells.
    const grid: Group = { role: 'Table' };
    table.body = table.body.map((row, r) => {
      const tr: Group = { role: 'TR' };
      return row.map((cell, c) => {
        const lang = columns ? (languageOf(LOCALES[c]) ?? here) : here;
        if (artifact) return tagContent(cell, lang, documentLang, artifact, place);
        const td: Group = r < headerRows ? { role: 'TH', scope: 'Column' } : { role: 'TD' };
        return tagContent(cell, lang, documentLang, artifact, { parents: [...place.parents, grid, tr, td] });
      });
    });
  }
  return n;
}

function tagText(node: Node, lang: string | undefined, documentLang: string | undefined, artifact: Tag | undefined, place: Place): Node {
  const leaves: Node[] = [];
  node.text = Array.isArray(node.text) || (node.text !== null && typeof node.text === 'object') ? leavesOf(node.text, leaves) : [leavesOf(node.text, leaves)];
  // A fallback text in a heading ("[FR] Titre") is read in the language of its words.
  const own = lang ?? leaves.map((leaf) => languageOf(leaf[FALLBACK_LANGUAGE_KEY])).find(Boolean);
  const langOf = own && own !== documentLang ? { lang: own } : {};
  const tag: Tag = artifact ?? {
    role: roleOf(node),
    ...langOf,
    ...(place.parents.length ? { parents: place.parents } : {}),
    ...(place.label ? { label: { ...place.label, ...langOf } } : {}),
  };
  for (const leaf of leaves) leaf[TAG_KEY] = tag;
  return node;
}

/** The text's leaves as objects (a string becomes one), collected in `out` in reading order. */
function leavesOf(text: unknown, out: Node[]): unknown {
  if (Array.isArray(text)) return text.map((part) => leavesOf(part, out));
  if (text !== null && typeof text === 'object') {
    const leaf = text as Node;
    if (Array.isArray(leaf.text)) leaf.text = leavesOf(leaf.text, out);
    else out.push(leaf);
    return leaf;
  }
  const leaf: Node = { text: text == null ? '' : String(text) };
  out.push(leaf);
  return leaf;
}
