import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem, TextMarkedContent } from 'pdfjs-dist/types/src/display/api';

/** One run of text as pdf.js extracts it, with its position on the page (PDF points, origin bottom-left). */
export interface PdfTextItem {
  str: string;
  x: number;
  /** Baseline, from the text matrix (transform[5]). */
  y: number;
  /** Font size: the text matrix's vertical scale. */
  size: number;
  width: number;
  hasEOL: boolean;
  /** pdf.js's name for the font (one per font file: regular, bold, italic… differ). */
  font: string;
}

/** Items that share a baseline (within half a point), left to right. */
export interface PdfLine {
  y: number;
  text: string;
  items: PdfTextItem[];
}

export interface PdfPage {
  number: number;
  width: number;
  height: number;
  /** The page's text, items joined in reading order, whitespace normalised. */
  text: string;
  items: PdfTextItem[];
  /** Lines from the top of the page down. */
  lines: PdfLine[];
  /** Images painted on the page (image XObjects and inline images). */
  images: number;
  /** Targets of the page's link annotations (URLs, or `dest:` for links inside the document). */
  links: string[];
}

export interface PdfOutlineNode {
  title: string;
  /** The page the bookmark points to (1-based), or null when it cannot be resolved. */
  page: number | null;
  /** Where on that page it lands: the /XYZ top (PDF points from the bottom), or null (page top or none). */
  top: number | null;
  children: PdfOutlineNode[];
}

export interface PdfInfo {
  Title?: string;
  Language?: string;
  Author?: string;
  Subject?: string;
  Keywords?: string;
  Creator?: string;
  Producer?: string;
}

export interface LoadedPdf {
  pageCount: number;
  pages: PdfPage[];
  outline: PdfOutlineNode[];
  info: PdfInfo;
  /** The whole document's text, pages joined by a space. */
  text: string;
  /** The raw file, decoded as latin1, to look for PDF objects (dictionaries are not compressed). */
  raw: string;
}

/** Collapses every run of whitespace to one space and trims. */
export function norm(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

type ContentItem = TextItem | TextMarkedContent;

function isTextItem(item: ContentItem): item is TextItem {
  return 'str' in item && 'transform' in item;
}

/**
 * Items in content order: a new line where pdf.js marks one or where the baseline moves (a list
 * marker, a table cell, a superscript), so words of different lines never run together.
 */
function joinItems(items: PdfTextItem[]): string {
  let out = '';
  let previous: PdfTextItem | null = null;
  for (const item of items) {
    if (previous && !previous.hasEOL && Math.abs(previous.y - item.y) > 1) out += '\n';
    out += item.str + (item.hasEOL ? '\n' : '');
    previous = item;
  }
  return norm(out);
}

export function groupLines(items: PdfTextItem[]): PdfLine[] {
  const lines: PdfLine[] = [];
  for (const item of items) {
    if (item.str === '') continue;
    const line = lines.find((l) => Math.abs(l.y - item.y) < 0.5);
    if (line) line.items.push(item);
    else lines.push({ y: item.y, text: '', items: [item] });
  }
  for (const line of lines) {
    line.items.sort((a, b) => a.x - b.x);
    line.text = norm(line.items.map((i) => i.str).join(''));
  }
  return lines.sort((a, b) => b.y - a.y);
}

const IMAGE_OPS = new Set<number>([
  OPS.paintImageXObject,
  OPS.paintInlineImageXObject,
  OPS.paintImageMaskXObject,
  OPS.paintImageXObjectRepeat,
  OPS.paintInlineImageXObjectGroup,
  OPS.paintImageMaskXObjectGroup,
  OPS.paintImageMaskXObjectRepeat,
  OPS.paintSolidColorImageMask,
]);

/** Loads a PDF (a file or its bytes) and reads back its text, positions, outline and metadata. */
export async function loadPdf(source: string | Uint8Array): Promise<LoadedPdf> {
  const bytes = typeof source === 'string' ? new Uint8Array(fs.readFileSync(source)) : source;
  const raw = Buffer.from(bytes).toString('latin1');
  // pdf.js may detach the buffer it is given: hand it a copy.
  const pdf = await getDocument({ data: bytes.slice(), disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  try {
    const pages: PdfPage[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const [x0, y0, x1, y1] = page.view as [number, number, number, number];
      const content = await page.getTextContent({ disableNormalization: true });
      const items: PdfTextItem[] = (content.items as ContentItem[]).filter(isTextItem).map((i) => ({
        str: i.str,
        x: round(i.transform[4] as number),
        y: round(i.transform[5] as number),
        size: round(Math.hypot(i.transform[2] as number, i.transform[3] as number)),
        width: round(i.width),
        hasEOL: i.hasEOL,
        font: i.fontName,
      }));
      const text = joinItems(items);
      const ops = await page.getOperatorList();
      const images = ops.fnArray.filter((fn) => IMAGE_OPS.has(fn)).length;
      const annotations = (await page.getAnnotations()) as { subtype?: string; url?: string; unsafeUrl?: string; dest?: unknown }[];
      const links = annotations
        .filter((a) => a.subtype === 'Link')
        .map((a) => a.url ?? a.unsafeUrl ?? (a.dest !== undefined ? `dest:${JSON.stringify(a.dest)}` : ''));
      pages.push({ number: n, width: round(x1 - x0), height: round(y1 - y0), text, items, lines: groupLines(items), images, links });
      page.cleanup();
    }

    const explicitOf = async (dest: unknown): Promise<unknown> => {
      try {
        return typeof dest === 'string' ? await pdf.getDestination(dest) : dest;
      } catch {
        return null;
      }
    };
    const topOf = async (dest: unknown): Promise<number | null> => {
      const explicit = await explicitOf(dest);
      if (!Array.isArray(explicit) || (explicit[1] as { name?: string } | undefined)?.name !== 'XYZ') return null;
      return typeof explicit[3] === 'number' ? explicit[3] : null;
    };
    const resolvePage = async (dest: unknown): Promise<number | null> => {
      try {
        const explicit = typeof dest === 'string' ? await pdf.getDestination(dest) : dest;
        if (!Array.isArray(explicit) || explicit.length === 0) return null;
        const ref = explicit[0] as unknown;
        if (typeof ref === 'number') return ref + 1;
        return (await pdf.getPageIndex(ref as { num: number; gen: number })) + 1;
      } catch {
        return null;
      }
    };
    interface RawOutline {
      title: string;
      dest: unknown;
      items: RawOutline[];
    }
    const convert = async (nodes: RawOutline[] | null): Promise<PdfOutlineNode[]> => {
      const out: PdfOutlineNode[] = [];
      for (const node of nodes ?? []) {
        out.push({ title: node.title, page: await resolvePage(node.dest), top: await topOf(node.dest), children: await convert(node.items) });
      }
      return out;
    };
    const outline = await convert((await pdf.getOutline()) as RawOutline[] | null);
    const meta = await pdf.getMetadata();
    const info = (meta.info ?? {}) as PdfInfo;
    return { pageCount: pdf.numPages, pages, outline, info, text: pages.map((p) => p.text).join(' '), raw };
  } finally {
    await pdf.destroy();
  }
}

/** Text of the items of a page drawn at a given font size (within 0.1 pt), joined in order. */
export function textAtSize(page: PdfPage, size: number): string {
  return joinItems(page.items.filter((i) => Math.abs(i.size - size) < 0.1));
}

/** Files in a folder (recursively), relative paths, sorted. */
export function filesIn(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: false }) as string[])
    .filter((f) => fs.statSync(path.join(dir, f)).isFile())
    .sort();
}

/** Temporary folders for one test file, all under one root that `cleanup` removes. */
export function scratch(prefix: string): { dir(name?: string): string; cleanup(): void } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return {
    dir: (name = 'tmp-') => fs.mkdtempSync(path.join(root, name)),
    cleanup: () => fs.rmSync(root, { recursive: true, force: true }),
  };
}
