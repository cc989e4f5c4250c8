import { decodePDFRawStream, PDFArray, PDFBool, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFString, type PDFObject } from 'pdf-lib';
import { loadInspectedPdf } from './loadInspectedPdf';

/**
 * The PDF/UA-1 points a program can check from the file alone (ISO 14289-1 and the Matterhorn
 * protocol's machine-checkable conditions we cover): no substitute for veraPDF or a person with a
 * screen reader, but enough to catch an edition that lost its tags, language or title.
 */
/** The XMP namespace of the PDF/UA identifier (ISO 14289-1, 5). */
export const PDFUA_NAMESPACE = 'http://www.aiim.org/pdfua/ns/id/';

export const ACCESSIBILITY_CHECKS = ['tagged', 'language', 'title', 'pdfua', 'tabOrder', 'figures', 'tables'] as const;
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

interface Element {
  role: string;
  dict: PDFDict;
}

/**
 * The structure elements under `node`, in order, each with its role through the role map. A loop
 * rather than recursion: a file's tree may nest deeper than the call stack allows.
 */
function structureElements(node: PDFDict, map: Map<string, string>): Element[] {
  const out: Element[] = [];
  const seen = new Set<PDFDict>([node]);
  const pending: (PDFObject | undefined)[] = [node.lookup(PDFName.of('K'))];
  while (pending.length > 0) {
    const kids = pending.pop();
    if (kids instanceof PDFArray) {
      for (let i = kids.size() - 1; i >= 0; i--) pending.push(kids.lookup(i));
      continue;
    }
    if (!(kids instanceof PDFDict) || seen.has(kids)) continue;
    seen.add(kids);
    const role = kids.lookupMaybe(PDFName.of('S'), PDFName)?.decodeText();
    // Marked-content and object references (MCR, OBJR) have no role and no kids to follow.
    if (!role) continue;
    let standard = role;
    for (let hops = 0; map.has(standard) && hops < 10; hops++) standard = map.get(standard)!;
    out.push({ role: standard, dict: kids });
    pending.push(kids.lookup(PDFName.of('K')));
  }
  return out;
}
