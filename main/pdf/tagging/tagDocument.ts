import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { LOCALE_TAGS, LOCALES, isLocale } from '../../../shared/domain/locales';
import { FALLBACK_LANGUAGE_KEY, LANGUAGE_COLUMNS_KEY } from '../layoutKeys';

/**
 * What a laid-out line is to the structure tree. pdfmake copies a leaf's own properties onto the
 * runs it lays out, so one Tag object, set on every leaf of a paragraph, reaches all its lines:
 * installTagging.ts groups the lines that share it into one structure element.
 */
export const TAG_KEY = 'structureTag';

/** On a leaf that cites a source (a source mark): its link is read as a Reference. */
export const REFERENCE_KEY = 'structureReference';

/**
 * On a run in another language than its paragraph (each language's words in the side-by-side
 * edition's contents): its locale. Builders set it; tagDocument.ts turns it into SPAN_KEY.
 */
export const PASSAGE_LANGUAGE_KEY = 'passageLanguage';
/** On a leaf read in another language than its paragraph: its BCP 47 tag, a Span in the tree. */
export const SPAN_KEY = 'structureSpan';

/** The alternate text a builder gives an image that means something (the pack's logo). */
export const ALT_KEY = 'altText';

export type TagRole = 'H1' | 'H2' | 'H3' | 'P' | 'Lbl' | 'Reference' | 'Note' | 'Figure' | 'Artifact';

/**
 * A structure element that holds others (a section, a list, a table and their parts): one object
 * shared by everything inside it, so installTagging.ts creates it once, where its first line is
 * drawn. Each group knows only the group it sits in (a chain, not a copied path): a list nested
 * 10,000 deep costs 10,000 groups, not 10,000² entries.
 */
export interface Group {
  role: 'Sect' | 'TOC' | 'TOCI' | 'L' | 'LI' | 'LBody' | 'Table' | 'TR' | 'TH' | 'TD';
  parent?: Group;
  /** A header cell's reach: the column under it. */
  scope?: 'Column';
  /**
   * A row's cells, created with the row: an empty cell draws nothing, yet is a TD, so that
   * the cells after it stay in their columns.
   */
  cells?: Group[];
}

export interface Tag {
  role: TagRole;
  /** The innermost group it sits in; none for a paragraph directly under Document. */
  parent?: Group;
  /** A numbered item's counter, which pdfmake lays out with no properties of its own. */
  label?: Tag;
  /** BCP 47; absent when the passage is in the document's own language. */
  lang?: string;
  /** A Figure's alternate text, what a screen reader says in place of the image. */
  alt?: string;
  /** In a header row: pdfmake draws it again at the top of each later page, an artifact there. */
  header?: true;
}

/** Roles by the style the document builders give a text (styles.ts); any other text is a P. */
const STYLE_ROLES: Record<string, TagRole> = {
  sectionHeading: 'H1',
  itemHeading: 'H2',
  sourcesHeading: 'H2',
  subHeading: 'H3',
  // A heading inside a body sits under its item's heading: H3 whatever its Markdown depth.
  mdHeading1: 'H3',
  mdHeading2: 'H3',
  mdHeading3: 'H3',
  // An entry of a section's sources: what its marks refer to.
  sourceNote: 'Note',
};

type Node = Record<string, unknown>;

const stylesOf = (node: Node): unknown[] => (Array.isArray(node.style) ? node.style : [node.style]);

function roleOf(node: Node): TagRole {
  for (const style of stylesOf(node)) if (typeof style === 'string' && STYLE_ROLES[style]) return STYLE_ROLES[style];
  return 'P';
}

const languageOf = (code: unknown): string | undefined => (isLocale(code) ? LOCALE_TAGS[code] : undefined);

/**
 * Marks every text of the document (after textRuns.ts prepared it) with its Tag: a Sect per pack
 * section, the contents as TOC › TOCI, the running header and footer as artifacts, each column of
 * a side-by-side table in its language, a text shown in place of a missing translation in the
 * language it is written in.
 */
export function tagDocument(definition: TDocumentDefinitions): TDocumentDefinitions {
  const documentLang = typeof definition.language === 'string' ? definition.language : undefined;
  const holder = definition as unknown as Node;
  tagTree(holder, 'content', { documentLang, place: TOP, sections: true });
  for (const key of ['header', 'footer'] as const) {
    const repeated = definition[key];
    if (typeof repeated !== 'function') continue;
    definition[key] = ((...args: Parameters<typeof repeated>) => {
      const box: Node = { content: repeated(...args) };
      if (box.content) tagTree(box, 'content', { documentLang, place: TOP, artifact: { role: 'Artifact' } });
      return box.content;
    }) as typeof repeated;
  }
  return definition;
}

interface Place {
  parent?: Group;
  label?: Tag;
  /** The role every text here takes (a contents entry is a Reference), whatever its style. */
  role?: TagRole;
  header?: true;
  /** The Tag made for the first text of a place with a role: the texts after it share it. */
  shared?: Tag;
}
const TOP: Place = {};

/** One node to tag: where it is held (so a string can be replaced by a leaf) and what it is in. */
interface Job {
  holder: Node | unknown[];
  key: string | number;
  lang?: string;
  documentLang?: string;
  artifact?: Tag;
  place: Place;
  /** The document's own content: a pack section's heading opens a Sect around what follows. */
  sections?: boolean;
}

/** A loop over a work list, not recursion: Markdown or a definition may nest deeper than the stack. */
function tagTree(holder: Node, key: string, job: Omit<Job, 'holder' | 'key'>): void {
  const pending: Job[] = [{ ...job, holder, key }];
  const found: Job[] = [];
  while (pending.length > 0) {
    tagNode(pending.pop()!, found);
    // In reading order: the texts of a contents entry share the Tag its first text makes.
    while (found.length > 0) pending.push(found.pop()!);
  }
}

function tagNode(job: Job, pending: Job[]): void {
  const { holder, key, documentLang, artifact, place } = job;
  const node = (holder as Record<string | number, unknown>)[key];
  const at = (h: Node | unknown[], k: string | number, lang: string | undefined, p: Place, sections?: boolean): Job => ({ holder: h, key: k, lang, documentLang, artifact, place: p, ...(sections ? { sections } : {}) });
  if (typeof node === 'string' || typeof node === 'number') {
    (holder as Record<string | number, unknown>)[key] = tagText({ text: String(node) }, job.lang, documentLang, artifact, place);
    return;
  }
  if (Array.isArray(node)) {
    let here = place;
    // Which section each node is in; the jobs may run in any order (groups are made on drawing).
    for (let i = 0; i < node.length; i++) {
      if (job.sections && !artifact && opensSection(node[i])) here = { ...place, parent: { role: 'Sect', ...(place.parent ? { parent: place.parent } : {}) } };
      pending.push(at(node, i, job.lang, here));
    }
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const n = node as Node;
  const lang = languageOf(n[FALLBACK_LANGUAGE_KEY]) ?? job.lang;
  if ('text' in n) {
    tagText(n, lang, documentLang, artifact, place);
    return;
  }
  // An image without alternate text is decoration: installTagging.ts draws it as an artifact.
  if (typeof n.image === 'string') {
    const alt = n[ALT_KEY];
    if (!artifact && typeof alt === 'string' && alt.trim()) n[TAG_KEY] = { role: 'Figure', alt, ...(lang && lang !== documentLang ? { lang } : {}), ...(place.parent ? { parent: place.parent } : {}) } satisfies Tag;
    return;
  }
  if (Array.isArray(n.stack) && !artifact && isContents(n.stack)) {
    tagContents(n.stack, lang, documentLang, place, pending);
    return;
  }
  for (const k of ['stack', 'columns'] as const) if (Array.isArray(n[k])) pending.push(at(n, k, lang, place));
  for (const k of ['ul', 'ol'] as const) {
    const items = n[k];
    if (!Array.isArray(items)) continue;
    if (artifact) {
      pending.push(at(n, k, lang, place));
      continue;
    }
    // L › LI › (Lbl, LBody): a bullet is drawn, an artifact, so only a numbered item has a Lbl.
    const list: Group = { role: 'L', ...(place.parent ? { parent: place.parent } : {}) };
    for (let i = 0; i < items.length; i++) {
      const item: Group = { role: 'LI', parent: list };
      const label: Tag | undefined = k === 'ol' ? { role: 'Lbl', parent: item } : undefined;
      pending.push(at(items, i, lang, { parent: { role: 'LBody', parent: item }, ...(label ? { label } : {}) }));
    }
  }
  const table = n.table as { body?: unknown[][]; headerRows?: number } | undefined;
  if (!table || !Array.isArray(table.body)) return;
  // One cell is a box drawn around its content (the status note, a change bar), not data: its
  // content is tagged where the box stands, with no Table a screen reader would announce.
  if (table.body.length === 1 && table.body[0]?.length === 1) {
    pending.push(at(table.body[0], 0, lang, place));
    return;
  }
  const columns = n[LANGUAGE_COLUMNS_KEY] === true;
  const headerRows = typeof table.headerRows === 'number' ? table.headerRows : 0;
  // Table › TR › TH | TD; the rows pdfmake repeats on each page (headerRows) are the header cells.
  const grid: Group = { role: 'Table', ...(place.parent ? { parent: place.parent } : {}) };
  table.body.forEach((row, r) => {
    const tr: Group = { role: 'TR', parent: grid, cells: [] };
    const header = r < headerRows;
    row.forEach((_, c) => {
      const cellLang = columns ? (languageOf(LOCALES[c]) ?? lang) : lang;
      if (artifact) {
        pending.push(at(row, c, cellLang, place));
        return;
      }
      const cell: Group = header ? { role: 'TH', scope: 'Column', parent: tr } : { role: 'TD', parent: tr };
      tr.cells!.push(cell);
      pending.push(at(row, c, cellLang, { parent: cell, ...(header ? { header: true as const } : {}) }));
    });
  });
}

/**
 * A pack section's heading at the top of the document, or in a row of a side-by-side table (one
 * table per section): what follows it, up to the next one, is its Sect.
 */
function opensSection(node: unknown): boolean {
  if (node === null || typeof node !== 'object') return false;
  const n = node as Node;
  if ('text' in n) return stylesOf(n).includes('sectionHeading');
  const body = (n.table as { body?: unknown[][] } | undefined)?.body;
  if (n[LANGUAGE_COLUMNS_KEY] !== true || !Array.isArray(body)) return false;
  return body.some((row) => Array.isArray(row) && row[0] !== null && typeof row[0] === 'object' && 'text' in row[0] && stylesOf(row[0] as Node).includes('sectionHeading'));
}

/** renderBlocks.ts's contents: a title, then one row per entry (with its dot leaders or not). */
function isContents(stack: unknown[]): boolean {
  const first = stack[0] as Node | undefined;
  return first !== null && typeof first === 'object' && 'text' in first && stylesOf(first).includes('tocTitle');
}

/** The title a P before the TOC; each entry a TOCI whose words and page number are one Reference. */
function tagContents(stack: unknown[], lang: string | undefined, documentLang: string | undefined, place: Place, pending: Job[]): void {
  const toc: Group = { role: 'TOC', ...(place.parent ? { parent: place.parent } : {}) };
  pending.push({ holder: stack, key: 0, lang, documentLang, place });
  for (let i = 1; i < stack.length; i++) {
    const entry: Group = { role: 'TOCI', parent: toc };
    pending.push({ holder: stack, key: i, lang, documentLang, place: { parent: entry, role: 'Reference' } });
  }
}

/**
 * Tags a text's leaves. Within one entry of the contents every leaf shares one Tag (its words
 * and its page number are one Reference); `place.role` is looked up once per entry.
 */
function tagText(node: Node, lang: string | undefined, documentLang: string | undefined, artifact: Tag | undefined, place: Place): Node {
  const leaves = leavesOf(node);
  // A fallback text in a heading ("[FR] Titre") is read in the language of its words.
  // Words in several languages (each a run): the paragraph reads in the first one's, the others in Spans.
  const own = lang ?? leaves.map((leaf) => languageOf(leaf[FALLBACK_LANGUAGE_KEY]) ?? languageOf(leaf[PASSAGE_LANGUAGE_KEY])).find(Boolean);
  const langOf = own && own !== documentLang ? { lang: own } : {};
  let tag: Tag | undefined = artifact;
  if (!tag && place.role) tag = place.shared;
  if (!tag) {
    tag = {
      role: place.role ?? roleOf(node),
      ...langOf,
      ...(place.parent ? { parent: place.parent } : {}),
      ...(place.label ? { label: { ...place.label, ...langOf } } : {}),
      ...(place.header ? { header: true as const } : {}),
    };
    // The columns of a contents entry are tagged one after the other with the same place.
    if (place.role) place.shared = tag;
  }
  const paragraphLang = tag.lang ?? documentLang;
  for (const leaf of leaves) {
    leaf[TAG_KEY] = tag;
    const passage = languageOf(leaf[PASSAGE_LANGUAGE_KEY]);
    if (!artifact && passage && passage !== paragraphLang) leaf[SPAN_KEY] = passage;
    if (!artifact && typeof leaf.linkToDestination === 'string' && stylesOf(leaf).includes('sourceMark')) leaf[REFERENCE_KEY] = true;
  }
  return node;
}

/** The text's leaves as objects (a string becomes one), in reading order; a loop, however deep the text nests. */
function leavesOf(node: Node): Node[] {
  const out: Node[] = [];
  const text = node.text;
  if (!Array.isArray(text) && (text === null || typeof text !== 'object')) {
    const leaf: Node = { text: text == null ? '' : String(text) };
    node.text = [leaf];
    out.push(leaf);
    return out;
  }
  const stack: { parts: unknown[]; at: number }[] = [{ parts: Array.isArray(text) ? text : [text], at: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (top.at >= top.parts.length) {
      stack.pop();
      continue;
    }
    const i = top.at++;
    const part = top.parts[i];
    if (Array.isArray(part)) stack.push({ parts: part, at: 0 });
    else if (part !== null && typeof part === 'object') {
      const leaf = part as Node;
      if (Array.isArray(leaf.text)) stack.push({ parts: leaf.text, at: 0 });
      else out.push(leaf);
    } else {
      const leaf: Node = { text: part == null ? '' : String(part) };
      top.parts[i] = leaf;
      out.push(leaf);
    }
  }
  return out;
}
