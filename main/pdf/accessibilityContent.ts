import { decodePDFRawStream, PDFArray, PDFDict, PDFName, PDFNumber, PDFRawStream, PDFRef, type PDFDocument, type PDFObject, type PDFPage } from 'pdf-lib';

/**
 * What a page's content stream paints outside the structure: text or images shown outside any
 * marked-content sequence, and marked content (an MCID) no structure element claims. A small
 * tokenizer of our own (pdf-lib has none, and pdf.js is a test-only dependency): strings, hex
 * strings, dictionaries, arrays and inline images are skipped whole so their bytes are never read
 * as operators.
 */
export interface PageContent {
  /** Text-showing operators (Tj, TJ, ', ") and XObjects painted (Do) outside marked content. */
  unmarked: number;
  /** MCIDs of marked-content sequences on the page (BDC with /MCID), outside any Artifact. */
  mcids: number[];
}

const SHOW = new Set(['Tj', 'TJ', "'", '"', 'Do']);

export function pageContent(page: PDFPage): PageContent {
  // One latin1 string: slicing it is far cheaper than decoding each token's bytes.
  const bytes = contentBytes(page.node);
  const src = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
  const result: PageContent = { unmarked: 0, mcids: [] };
  // The marked-content stack: each entry says whether it (or an enclosing one) is an Artifact.
  const stack: boolean[] = [];
  const operands: string[] = [];
  let i = 0;
  const n = bytes.length;
  const isWhite = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0c || c === 0x00;
  const isDelim = (c: number) => c === 0x28 || c === 0x29 || c === 0x3c || c === 0x3e || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d || c === 0x2f || c === 0x25;
  while (i < n) {
    const c = bytes[i]!;
    if (isWhite(c)) { i++; continue; }
    if (c === 0x25) { while (i < n && bytes[i] !== 0x0a && bytes[i] !== 0x0d) i++; continue; }
    if (c === 0x28) { i = skipString(bytes, i); operands.push('('); continue; }
    if (c === 0x3c && bytes[i + 1] === 0x3c) {
      const start = i;
      i = skipDict(bytes, i);
      operands.push(src.slice(start, i));
      continue;
    }
    if (c === 0x3c) { while (i < n && bytes[i] !== 0x3e) i++; i++; operands.push('<'); continue; }
    if (c === 0x5b || c === 0x5d || c === 0x3e || c === 0x7b || c === 0x7d) { i++; continue; }
    const start = i;
    i++;
    while (i < n && !isWhite(bytes[i]!) && !isDelim(bytes[i]!)) i++;
    const token = src.slice(start, i);
    if (c === 0x2f || /^[-+.\d]/.test(token)) { operands.push(token); continue; }
    // An operator.
    if (token === 'BI') {
      // Inline image: skip to EI after ID's data (EI delimited by white space).
      const id = indexOfOp(bytes, i, 'ID');
      const ei = indexOfOp(bytes, id < 0 ? i : id + 2, 'EI');
      i = ei < 0 ? n : ei + 2;
      if (stack.length === 0) result.unmarked++;
    } else if (token === 'BMC' || token === 'BDC') {
      const tag = operands[operands.length - (token === 'BDC' ? 2 : 1)] ?? '';
      const artifact = tag === '/Artifact' || stack[stack.length - 1] === true;
      stack.push(artifact);
      if (token === 'BDC' && !artifact) {
        const props = operands[operands.length - 1] ?? '';
        const mcid = /\/MCID\s+(\d+)/.exec(props);
        if (mcid) result.mcids.push(Number(mcid[1]));
      }
    } else if (token === 'EMC') {
      stack.pop();
    } else if (SHOW.has(token) && stack.length === 0) {
      result.unmarked++;
    }
    operands.length = 0;
  }
  return result;
}

function indexOfOp(bytes: Uint8Array, from: number, op: string): number {
  const a = op.charCodeAt(0);
  const b = op.charCodeAt(1);
  for (let k = from; k < bytes.length - 1; k++) {
    if (bytes[k] === a && bytes[k + 1] === b && (k === 0 || /\s/.test(String.fromCharCode(bytes[k - 1]!))) && (k + 2 >= bytes.length || /\s/.test(String.fromCharCode(bytes[k + 2]!)))) return k;
  }
  return -1;
}

function skipString(bytes: Uint8Array, i: number): number {
  let depth = 0;
  for (; i < bytes.length; i++) {
    const c = bytes[i];
    if (c === 0x5c) { i++; continue; }
    if (c === 0x28) depth++;
    else if (c === 0x29 && --depth === 0) return i + 1;
  }
  return i;
}

function skipDict(bytes: Uint8Array, i: number): number {
  let depth = 0;
  while (i < bytes.length) {
    const c = bytes[i];
    if (c === 0x28) { i = skipString(bytes, i); continue; }
    if (c === 0x3c && bytes[i + 1] === 0x3c) { depth++; i += 2; continue; }
    if (c === 0x3e && bytes[i + 1] === 0x3e) { i += 2; if (--depth === 0) return i; continue; }
    i++;
  }
  return i;
}

function contentBytes(page: PDFDict): Uint8Array {
  const contents = page.lookup(PDFName.of('Contents'));
  const streams = contents instanceof PDFArray ? contents.asArray().map((s) => page.context.lookup(s)) : [contents];
  const parts: Uint8Array[] = [];
  for (const s of streams) {
    if (!(s instanceof PDFRawStream)) continue;
    try {
      parts.push(decodePDFRawStream(s).decode(), new Uint8Array([0x0a]));
    } catch {
      // An undecodable stream paints nothing we can check; qpdf --check names it.
    }
  }
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}

/** Every (page, MCID) the structure tree claims: MCIDs and MCRs under elements, with /Pg inherited. */
export function claimedMarkedContent(pdf: PDFDocument, tree: PDFDict | undefined): Set<string> {
  const claimed = new Set<string>();
  if (!tree) return claimed;
  const seen = new Set<PDFObject>();
  const pending: { node: PDFObject | undefined; page: PDFRef | undefined }[] = [{ node: tree.lookup(PDFName.of('K')), page: undefined }];
  while (pending.length > 0) {
    const { node, page } = pending.pop()!;
    if (node instanceof PDFArray) {
      for (let k = 0; k < node.size(); k++) pending.push({ node: node.lookup(k), page });
    } else if (node instanceof PDFNumber) {
      if (page) claimed.add(`${page.toString()}#${node.asNumber()}`);
    } else if (node instanceof PDFDict && !seen.has(node)) {
      seen.add(node);
      const pg = node.get(PDFName.of('Pg'));
      const here = pg instanceof PDFRef ? pg : page;
      const mcid = node.lookup(PDFName.of('MCID'));
      if (node.get(PDFName.of('Type')) === PDFName.of('MCR') && mcid instanceof PDFNumber) {
        if (here) claimed.add(`${here.toString()}#${mcid.asNumber()}`);
        continue;
      }
      pending.push({ node: node.lookup(PDFName.of('K')), page: here });
    }
  }
  return claimed;
}

/** Fonts on the pages' resources (and their form XObjects', one level) that lack an embedded program or a /ToUnicode map. */
export function fontProblems(pdf: PDFDocument): { notEmbedded: string[]; noUnicode: string[]; total: number } {
  const fonts = new Map<PDFDict, string>();
  const collect = (resources: PDFDict | undefined, depth: number) => {
    const dict = resources?.lookupMaybe(PDFName.of('Font'), PDFDict);
    for (const [, value] of dict?.entries() ?? []) {
      const font = value instanceof PDFRef ? pdf.context.lookup(value) : value;
      if (font instanceof PDFDict) fonts.set(font, font.lookupMaybe(PDFName.of('BaseFont'), PDFName)?.decodeText() ?? '?');
    }
    if (depth > 0) return;
    const xobjects = resources?.lookupMaybe(PDFName.of('XObject'), PDFDict);
    for (const [, value] of xobjects?.entries() ?? []) {
      const x = pdf.context.lookup(value);
      if (x instanceof PDFRawStream) collect(x.dict.lookupMaybe(PDFName.of('Resources'), PDFDict), depth + 1);
    }
  };
  for (const page of pdf.getPages()) collect(page.node.Resources(), 0);
  const notEmbedded: string[] = [];
  const noUnicode: string[] = [];
  for (const [font, name] of fonts) {
    const subtype = font.lookupMaybe(PDFName.of('Subtype'), PDFName)?.decodeText();
    // Type 3 glyphs are drawn by the file itself: embedded by definition.
    if (subtype !== 'Type3' && !embedded(font)) notEmbedded.push(name);
    if (!font.has(PDFName.of('ToUnicode'))) noUnicode.push(name);
  }
  return { notEmbedded: [...new Set(notEmbedded)], noUnicode: [...new Set(noUnicode)], total: fonts.size };
}

function embedded(font: PDFDict): boolean {
  const descendants = font.lookupMaybe(PDFName.of('DescendantFonts'), PDFArray);
  const target = descendants ? descendants.lookupMaybe(0, PDFDict) : font;
  const descriptor = target?.lookupMaybe(PDFName.of('FontDescriptor'), PDFDict);
  return ['FontFile', 'FontFile2', 'FontFile3'].some((k) => descriptor?.has(PDFName.of(k)));
}
