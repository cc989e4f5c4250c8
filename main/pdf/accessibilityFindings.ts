import { decodePDFRawStream, PDFArray, PDFBool, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRawStream, PDFRef, PDFString, type PDFObject } from 'pdf-lib';
import { claimedMarkedContent, fontProblems, pageContent } from './accessibilityContent';
import { loadInspectedPdf } from './loadInspectedPdf';

/**
 * The PDF/UA-1 points a program can check from the file alone (ISO 14289-1 and the Matterhorn
 * protocol's machine-checkable conditions we cover): no substitute for veraPDF or a person with a
 * screen reader, but enough to catch an edition that lost its tags, language or title.
 */
/** The XMP namespace of the PDF/UA identifier (ISO 14289-1, 5). */
export const PDFUA_NAMESPACE = 'http://www.aiim.org/pdfua/ns/id/';

export const ACCESSIBILITY_CHECKS = ['tagged', 'language', 'title', 'pdfua', 'tabOrder', 'figures', 'tables', 'passageLanguage', 'links', 'content', 'roles', 'headings', 'fonts'] as const;
export type AccessibilityCheck = (typeof ACCESSIBILITY_CHECKS)[number];

export interface AccessibilityFinding {
  check: AccessibilityCheck;
  /** `na`: nothing to check (no figure, no table, or no structure tree to find them in). */
  status: 'pass' | 'fail' | 'na';
  /** What the message names: missing entries, pages, counts. */
  detail: Record<string, string | number>;
}

export async function readAccessibilityFindings(file: string): Promise<AccessibilityFinding[]> {
  // An encrypted file's strings (title, language) cannot be read without the password: named, not checked as garbage.
  return accessibilityFindings(await loadInspectedPdf(file, 'inspect.encrypted'));
}

export function accessibilityFindings(pdf: PDFDocument): AccessibilityFinding[] {
  const catalog = pdf.catalog;
  const findings: AccessibilityFinding[] = [];
  const add = (check: AccessibilityCheck, status: AccessibilityFinding['status'], detail: AccessibilityFinding['detail'] = {}) => findings.push({ check, status, detail });

  const tree = catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  const missingTags = [tree ? null : '/StructTreeRoot', isMarked(catalog) ? null : '/MarkInfo << /Marked true >>'].filter((x) => x !== null);
  add('tagged', isTagged(pdf) ? 'pass' : 'fail', { missing: missingTags.join(', ') });

  const lang = text(catalog.lookup(PDFName.of('Lang')));
  add('language', lang ? 'pass' : 'fail', { lang: lang ?? '' });

  const title = pdf.getTitle()?.trim() ?? '';
  const display = catalog.lookupMaybe(PDFName.of('ViewerPreferences'), PDFDict)?.lookupMaybe(PDFName.of('DisplayDocTitle'), PDFBool)?.asBoolean() === true;
  const missingTitle = [title ? null : '/Title', display ? null : '/DisplayDocTitle true'].filter((x) => x !== null);
  add('title', missingTitle.length === 0 ? 'pass' : 'fail', { title, missing: missingTitle.join(', ') });

  add('pdfua', claimsPdfUa(xmpOf(catalog)) ? 'pass' : 'fail');

  const pages = pdf.getPages();
  // /Tabs is not inherited from the page tree: each page's own entry counts.
  const wrong = pages.flatMap((page, i) => (page.node.get(PDFName.of('Tabs')) === PDFName.of('S') ? [] : [i + 1]));
  add('tabOrder', wrong.length === 0 ? 'pass' : 'fail', { failing: wrong.length, total: pages.length, pages: listPages(wrong) });

  const elements = tree ? structureElements(tree, roleMap(tree)) : [];
  const figures = elements.filter((e) => e.role === 'Figure');
  const withoutAlt = figures.filter((f) => !text(f.dict.lookup(PDFName.of('Alt')))?.trim() && !text(f.dict.lookup(PDFName.of('ActualText')))?.trim());
  add('figures', figures.length === 0 ? 'na' : withoutAlt.length === 0 ? 'pass' : 'fail', { failing: withoutAlt.length, total: figures.length });
  const tables = elements.filter((e) => e.role === 'Table');
  const withoutHeaders = tables.filter((t) => !structureElements(t.dict, roleMap(tree!)).some((e) => e.role === 'TH'));
  add('tables', tables.length === 0 ? 'na' : withoutHeaders.length === 0 ? 'pass' : 'fail', { failing: withoutHeaders.length, total: tables.length });

  // Each passage is read in its language: its own /Lang, an ancestor's, or the document's. "mul"
  // (several languages) and "und" name no voice: a side-by-side edition's columns need their own.
  const passages = elements.filter((e) => e.content);
  const voiceless = passages.filter((e) => !voiced(e.lang ?? lang));
  add('passageLanguage', passages.length === 0 ? 'na' : voiceless.length === 0 ? 'pass' : 'fail', {
    failing: voiceless.length,
    total: passages.length,
    roles: [...new Set(voiceless.map((e) => e.role))].join(', '),
    pages: listPages([...new Set(voiceless.map((e) => pageIndex(pdf, e.dict)).filter((p) => p > 0))].sort((a, b) => a - b)),
  });

  // Every link annotation is in the structure tree (an OBJR in a Link element) and says where it goes (/Contents).
  const tagged = new Set<PDFRef>();
  for (const e of elements) if (e.role === 'Link') for (const ref of objectReferences(e.dict)) tagged.add(ref);
  const annotations = pages.flatMap((page, i) => linkAnnotations(page.node).map((a) => ({ ...a, page: i + 1 })));
  const unlinked = annotations.filter((a) => !tagged.has(a.ref) || !text(a.dict.lookup(PDFName.of('Contents')))?.trim());
  add('links', annotations.length === 0 ? 'na' : unlinked.length === 0 ? 'pass' : 'fail', {
    failing: unlinked.length,
    total: annotations.length,
    pages: listPages([...new Set(unlinked.map((a) => a.page))]),
  });

  // All content is tagged or an artifact: nothing shown outside marked content, and every marked
  // sequence (an MCID outside any Artifact) claimed by a structure element.
  const claimed = claimedMarkedContent(pdf, tree);
  const untaggedPages: number[] = [];
  let unmarked = 0;
  let orphans = 0;
  pages.forEach((page, i) => {
    const content = pageContent(page);
    const lost = content.mcids.filter((mcid) => !claimed.has(`${page.ref.toString()}#${mcid}`)).length;
    unmarked += content.unmarked;
    orphans += lost;
    if (content.unmarked + lost > 0) untaggedPages.push(i + 1);
  });
  add('content', untaggedPages.length === 0 ? 'pass' : 'fail', { unmarked, orphans, pages: listPages(untaggedPages), total: pages.length });

  const unknown = [...new Set(elements.filter((e) => !STANDARD_ROLES.has(e.role)).map((e) => e.raw))];
  add('roles', elements.length === 0 ? 'na' : unknown.length === 0 ? 'pass' : 'fail', { failing: unknown.length, total: elements.length, roles: unknown.slice(0, 10).join(', ') });

  // Headings nest: each H<n> at most one level below the heading before it, the first an H1.
  const headings = elements.flatMap((e) => (/^H[1-6]$/.test(e.role) ? [{ level: Number(e.role.slice(1)), e }] : []));
  const skips: string[] = [];
  headings.reduce((previous, h) => {
    if (h.level > previous + 1) skips.push(`H${previous || '–'} → H${h.level}`);
    return h.level;
  }, 0);
  add('headings', headings.length === 0 ? 'na' : skips.length === 0 ? 'pass' : 'fail', { failing: skips.length, total: headings.length, skips: skips.slice(0, 5).join(', ') });

  const fonts = fontProblems(pdf);
  const badFonts = [...new Set([...fonts.notEmbedded, ...fonts.noUnicode])];
  add('fonts', fonts.total === 0 ? 'na' : badFonts.length === 0 ? 'pass' : 'fail', {
    total: fonts.total,
    failing: badFonts.length,
    notEmbedded: fonts.notEmbedded.slice(0, 5).join(', ') || '–',
    noUnicode: fonts.noUnicode.slice(0, 5).join(', ') || '–',
  });
  return findings;
}

/** A structure tree and /MarkInfo << /Marked true >>: what pdfkit writes for a tagged edition. */
export function isTagged(pdf: PDFDocument): boolean {
  return pdf.catalog.has(PDFName.of('StructTreeRoot')) && isMarked(pdf.catalog);
}

function isMarked(catalog: PDFDict): boolean {
  return catalog.lookupMaybe(PDFName.of('MarkInfo'), PDFDict)?.lookupMaybe(PDFName.of('Marked'), PDFBool)?.asBoolean() === true;
}

function text(value: PDFObject | undefined): string | null {
  return value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : null;
}

function xmpOf(catalog: PDFDict): string {
  const stream = catalog.lookup(PDFName.of('Metadata'));
  if (!(stream instanceof PDFRawStream)) return '';
  try {
    return new TextDecoder().decode(decodePDFRawStream(stream).decode());
  } catch {
    return '';
  }
}

/** `part` 1 under whatever prefix the packet binds to the PDF/UA namespace, element or attribute. */
export function claimsPdfUa(xmp: string): boolean {
  const escaped = PDFUA_NAMESPACE.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  for (const [, prefix] of xmp.matchAll(new RegExp(`xmlns:([\\w.-]+)=["']${escaped}["']`, 'g'))) {
    if (new RegExp(`<${prefix}:part>\\s*1\\s*</${prefix}:part>|${prefix}:part=["']1["']`).test(xmp)) return true;
  }
  return false;
}

/** "3, 5, 8" (the first ten, then "…"). */
function listPages(pages: number[]): string {
  return pages.length > 10 ? `${pages.slice(0, 10).join(', ')}, …` : pages.join(', ');
}

function roleMap(tree: PDFDict): Map<string, string> {
  const map = new Map<string, string>();
  const dict = tree.lookupMaybe(PDFName.of('RoleMap'), PDFDict);
  for (const [key, value] of dict?.entries() ?? []) if (value instanceof PDFName) map.set(key.decodeText(), value.decodeText());
  return map;
}

/** The standard structure types of PDF 1.7 (ISO 32000-1, 14.8.4), which PDF/UA-1 builds on. */
const STANDARD_ROLES = new Set([
  'Document', 'Part', 'Art', 'Sect', 'Div', 'BlockQuote', 'Caption', 'TOC', 'TOCI', 'Index', 'NonStruct', 'Private',
  'P', 'H', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'L', 'LI', 'Lbl', 'LBody', 'Table', 'TR', 'TH', 'TD', 'THead', 'TBody', 'TFoot',
  'Span', 'Quote', 'Note', 'Reference', 'BibEntry', 'Code', 'Link', 'Annot', 'Ruby', 'RB', 'RT', 'RP', 'Warichu', 'WT', 'WP',
  'Figure', 'Formula', 'Form',
]);

interface Element {
  /** Its role through the role map. */
  role: string;
  /** Its /S as written. */
  raw: string;
  dict: PDFDict;
  /** Its /Lang, or its nearest ancestor's. */
  lang?: string;
  /** It holds marked content of its own (a passage), not only other elements. */
  content: boolean;
}

const UNVOICED = new Set(['', 'mul', 'und', 'zxx', 'mis']);
const voiced = (lang: string | null | undefined) => typeof lang === 'string' && !UNVOICED.has(lang.trim().toLowerCase());

/** The page (1-based) an element's /Pg names; 0 when none. */
function pageIndex(pdf: PDFDocument, dict: PDFDict): number {
  const page = dict.get(PDFName.of('Pg'));
  if (!(page instanceof PDFRef)) return 0;
  return pdf.getPages().findIndex((p) => p.ref === page) + 1;
}

/** The annotations an element's OBJR kids point at. */
function objectReferences(dict: PDFDict): PDFRef[] {
  const kids = dict.get(PDFName.of('K'));
  const list = kids instanceof PDFArray ? kids.asArray() : kids ? [kids] : [];
  const refs: PDFRef[] = [];
  for (const kid of list) {
    const resolved = kid instanceof PDFRef ? dict.context.lookup(kid) : kid;
    if (!(resolved instanceof PDFDict) || resolved.get(PDFName.of('Type')) !== PDFName.of('OBJR')) continue;
    const obj = resolved.get(PDFName.of('Obj'));
    if (obj instanceof PDFRef) refs.push(obj);
  }
  return refs;
}

function linkAnnotations(page: PDFDict): { ref: PDFRef; dict: PDFDict }[] {
  const annots = page.lookupMaybe(PDFName.of('Annots'), PDFArray);
  const out: { ref: PDFRef; dict: PDFDict }[] = [];
  for (let i = 0; i < (annots?.size() ?? 0); i++) {
    const ref = annots!.get(i);
    const dict = annots!.lookupMaybe(i, PDFDict);
    if (ref instanceof PDFRef && dict?.get(PDFName.of('Subtype')) === PDFName.of('Link')) out.push({ ref, dict });
  }
  return out;
}

/**
 * The structure elements under `node`, in order, each with its role through the role map. A loop
 * rather than recursion: a file's tree may nest deeper than the call stack allows.
 */
function structureElements(node: PDFDict, map: Map<string, string>): Element[] {
  const out: Element[] = [];
  const seen = new Set<PDFDict>([node]);
  const pending: { kids: PDFObject | undefined; parent?: Element }[] = [{ kids: node.lookup(PDFName.of('K')) }];
  while (pending.length > 0) {
    const { kids, parent } = pending.pop()!;
    if (kids instanceof PDFArray) {
      for (let i = kids.size() - 1; i >= 0; i--) pending.push({ kids: kids.lookup(i), ...(parent ? { parent } : {}) });
      continue;
    }
    // Marked content: a number (MCID) or a marked-content reference.
    if (kids instanceof PDFNumber || (kids instanceof PDFDict && kids.get(PDFName.of('Type')) === PDFName.of('MCR'))) {
      if (parent) parent.content = true;
      continue;
    }
    if (!(kids instanceof PDFDict) || seen.has(kids)) continue;
    seen.add(kids);
    const role = kids.lookupMaybe(PDFName.of('S'), PDFName)?.decodeText();
    // Object references (OBJR) have no role and no kids to follow.
    if (!role) continue;
    let standard = role;
    for (let hops = 0; map.has(standard) && hops < 10; hops++) standard = map.get(standard)!;
    const lang = text(kids.lookup(PDFName.of('Lang'))) ?? parent?.lang;
    const element: Element = { role: standard, raw: role, dict: kids, content: false, ...(lang ? { lang } : {}) };
    out.push(element);
    pending.push({ kids: kids.lookup(PDFName.of('K')), parent: element });
  }
  return out;
}
