import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFObjectCopier,
  PDFPage,
  type PDFPageLeaf,
  PDFRawStream,
  PDFRef,
  PDFString,
  ParseSpeeds,
  decodePDFRawStream,
  type PDFContext,
  type PDFObject,
} from 'pdf-lib';
import type { Content, DynamicContent, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { OutlineEntry, SplittableDocument } from './documentParts';
import type { PartRange } from './editionPlan';
import { BOOKMARK_HEADROOM } from './bookmarkDestinations';
import { renderPdf, type ProgressWindow, type RenderedPdf, type RenderOptions } from './pdfmakeEngine';
import { StructureTreeMerger } from './tagging/mergeStructureTrees';

/** The check after layout of one part, given where the part's pages start in the edition. */
export type PartCheck = (pageOffset: number) => RenderOptions['onOffPage'];

/*
 * A large edition built in parts (see editionPlan.ts for when and where it is cut):
 *
 * 1. The body, part after part, each laid out by pdfmake on its own (no footer: the numbers are
 *    not known yet), its pages copied into one pdf-lib document as soon as it is rendered, so
 *    that nothing of its layout outlives it. Every heading's page comes from the named
 *    destination pdfkit writes for the heading's id.
 * 2. The cover and contents, laid out last with those page numbers written in, and put first.
 *    The contents take as many pages whatever their numbers (a fixed-width column), so a second
 *    layout is needed only when the first guess of their length was wrong.
 * 3. Footers: pdfmake lays out a document of as many empty pages, with the edition's own
 *    footer callback given the global numbers, and each footer is drawn onto its page as a form
 *    XObject. Same font (Noto Sans, subset, embedded once), same position, same text.
 * 4. What pdfkit writes for a whole document: named destinations for the headings (the
 *    contents' links use them), the bookmarks (sections, items below), metadata and /Lang.
 *
 * Running headers and the watermark are drawn by pdfmake in every part, as in one pass.
 * Tagged, every part is rendered tagged and their structure trees merged into one
 * (tagging/mergeStructureTrees.ts); the stamped footers are artifacts.
 */

/** How the build's progress is shared: the body, then the front matter, then the footers. */
const BODY_SHARE = 0.94;
const FRONT_SHARE = 0.03;
/** A first guess of how many contents entries a page holds (a wrong guess costs one more layout). */
const TOC_ENTRIES_PER_PAGE = 40;
/** Footers laid out per document: enough to share a font subset, few enough to stay small. */
const FOOTER_BATCH = 100;
/** The name every stamped page gives its footer (pdfkit names its own resources F1, Gs1, I1…). */
const FOOTER_XOBJECT = PDFName.of('BriefingFooter');

interface Destination {
  page: PDFPage;
  /** The page's index when it was added: for the body, its index among the body's pages. */
  index: number;
  /** What follows the page in the destination array: /XYZ left top zoom. */
  view: PDFObject[];
}

export async function renderInParts(
  doc: SplittableDocument,
  parts: readonly PartRange[],
  check: PartCheck = () => undefined,
  { tagged = false }: { tagged?: boolean } = {},
): Promise<RenderedPdf> {
  const merged = await PDFDocument.create({ updateMetadata: false });
  const destinations = new Map<string, Destination>();
  const structure = tagged ? new StructureTreeMerger(merged) : null;

  const weights = parts.map((part) => doc.weights.slice(part.from, part.to).reduce((sum, w) => sum + w, 0));
  const total = weights.reduce((sum, w) => sum + w, 0);
  let done = 0;
  for (const [i, part] of parts.entries()) {
    const window = { from: (done / total) * BODY_SHARE, to: ((done + weights[i]!) / total) * BODY_SHARE };
    done += weights[i]!;
    // Pages of the front matter come before the body's: its length is known only at the end.
    const frontGuess = (doc.hasCover ? 1 : 0) + (doc.hasToc ? Math.max(1, Math.ceil(doc.outline.length / TOC_ENTRIES_PER_PAGE)) : 0);
    const { bytes } = await renderPdf({ ...doc.frame({ cover: false, footer: false }), content: doc.body(part.from, part.to, true) }, window, {
      onOffPage: check(frontGuess + merged.getPageCount()),
      tagged,
    });
    await insertPdf(merged, bytes, merged.getPageCount(), destinations, structure, false);
    collectGarbage();
  }

  if (doc.hasCover || doc.hasToc) await insertFront(merged, doc, destinations, check, structure);
  await stampFooters(merged, doc, { from: BODY_SHARE + FRONT_SHARE, to: 1 }, tagged);
  structure?.finish();

  retagFontSubsets(merged);
  writeNamedDestinations(merged, destinations);
  const frame = doc.frame({ cover: doc.hasCover, footer: false });
  if (frame.language) merged.setLanguage(frame.language);
  writeOutline(merged, doc.outline, destinations);
  writeInfo(merged.context, frame.info ?? {});

  const pages = merged.getPageCount();
  const bytes = await merged.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false, objectsPerTick: Infinity });
  return { bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), pages };
}

/** Cover and contents, with the body's page numbers, put before the body. */
async function insertFront(
  merged: PDFDocument,
  doc: SplittableDocument,
  destinations: Map<string, Destination>,
  check: PartCheck,
  structure: StructureTreeMerger | null,
): Promise<void> {
  const bodyIndex = (id: string) => {
    const destination = destinations.get(id);
    if (!destination) throw new Error(`No page for the heading ${id}`);
    return destination.index;
  };
  let frontPages = (doc.hasCover ? 1 : 0) + (doc.hasToc ? Math.max(1, Math.ceil(doc.outline.length / TOC_ENTRIES_PER_PAGE)) : 0);
  for (let attempt = 1; ; attempt++) {
    const guess = frontPages;
    // A second layout reports no progress backwards: its share was used by the first.
    const from = attempt === 1 ? BODY_SHARE : BODY_SHARE + FRONT_SHARE;
    const window = { from, to: BODY_SHARE + FRONT_SHARE };
    const rendered = await renderPdf(
      { ...doc.frame({ cover: doc.hasCover, footer: false }), content: doc.front((id) => guess + bodyIndex(id) + 1) },
      window,
      { onOffPage: check(0), tagged: structure !== null },
    );
    if (rendered.pages === guess) {
      await insertPdf(merged, rendered.bytes, 0, destinations, structure, true);
      return;
    }
    // The contents' length does not depend on the numbers in them: the second layout settles it.
    if (attempt >= 3) throw new Error(`The contents took ${rendered.pages} pages after ${guess} were planned`);
    frontPages = rendered.pages;
  }
}

/**
 * Copies every page of a PDF into `merged` at index `at`, and records where its named
 * destinations (pdfkit writes one per heading id) now point; its structure tree goes to `structure`.
 */
async function insertPdf(
  merged: PDFDocument,
  bytes: Uint8Array,
  at: number,
  destinations: Map<string, Destination>,
  structure: StructureTreeMerger | null = null,
  front = false,
): Promise<void> {
  const part = await PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  // What pdf-lib's copyPages does, by reference: the structure tree's page references then map to the copies.
  const copier = PDFObjectCopier.for(part.context, merged.context);
  const pages = part.getPages().map((page) => {
    const ref = copier.copy(page.ref) as PDFRef;
    return PDFPage.of(merged.context.lookup(ref) as PDFPageLeaf, ref, merged);
  });
  pages.forEach((page, i) => merged.insertPage(at + i, page));
  structure?.add(part, copier, pages, front);
  const indexOf = new Map(part.getPages().map((page, i) => [page.ref.tag, i]));

  const names = part.catalog.lookupMaybe(PDFName.of('Names'), PDFDict)?.lookupMaybe(PDFName.of('Dests'), PDFDict);
  if (!names) return;
  for (const [name, value] of nameTreeEntries(part.context, names)) {
    const explicit = value instanceof PDFDict ? value.lookupMaybe(PDFName.of('D'), PDFArray) : value instanceof PDFArray ? value : undefined;
    const target = explicit?.get(0);
    const index = target instanceof PDFRef ? indexOf.get(target.tag) : undefined;
    if (!explicit || index === undefined) continue;
    // Names, numbers and null (the rest of the array) hold no references: shared as they are.
    destinations.set(name, { page: pages[index]!, index: at + index, view: explicit.asArray().slice(1) });
  }
}

function* nameTreeEntries(context: PDFContext, node: PDFDict): Generator<[string, PDFObject]> {
  const names = node.lookupMaybe(PDFName.of('Names'), PDFArray);
  if (names) {
    for (let i = 0; i + 1 < names.size(); i += 2) {
      const key = names.lookup(i);
      if (key instanceof PDFString || key instanceof PDFHexString) yield [key.decodeText(), context.lookup(names.get(i + 1))!];
    }
  }
  const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
  for (let i = 0; i < (kids?.size() ?? 0); i++) yield* nameTreeEntries(context, kids!.lookup(i, PDFDict));
}

/**
 * Lays out the footers of every page with the edition's own callback and draws each on its page,
 * a batch of pages at a time (a document of empty pages still costs pdfmake memory per page).
 */
async function stampFooters(merged: PDFDocument, doc: SplittableDocument, window: ProgressWindow, tagged: boolean): Promise<void> {
  const frame = doc.frame({ cover: doc.hasCover, footer: true });
  const footer = frame.footer;
  const total = merged.getPageCount();
  const context = merged.context;
  // The page's own content in q…Q (pdfkit leaves its coordinate flip in force), then the footer.
  const open = context.register(context.stream('q\n'));
  // In a tagged edition the footer is an artifact, as pdfmake marks it in one pass.
  const draw = `q ${FOOTER_XOBJECT.toString()} Do Q`;
  const close = context.register(context.stream(`Q\n${tagged ? `/Artifact <</Type /Pagination>> BDC ${draw} EMC` : draw}\n`));
  const targets = merged.getPages();

  for (let first = 0; first < total; first += FOOTER_BATCH) {
    const count = Math.min(FOOTER_BATCH, total - first);
    const stamped = new Set<number>();
    const footers: DynamicContent = (page, _pages, size) => {
      const content = typeof footer === 'function' ? footer(first + page, total, size) : footer;
      if (content) stamped.add(page);
      return content ?? null;
    };
    const content: Content[] = Array.from({ length: count }, (_, i) => (i === 0 ? { text: '' } : { text: '', pageBreak: 'before' as const }));
    const share = (window.to - window.from) / total;
    const rendered = await renderPdf(
      {
        pageSize: frame.pageSize,
        pageOrientation: frame.pageOrientation,
        pageMargins: frame.pageMargins,
        defaultStyle: frame.defaultStyle,
        styles: frame.styles,
        footer: footers,
        content,
      },
      { from: window.from + first * share, to: window.from + (first + count) * share },
    );
    if (rendered.pages !== count) throw new Error(`The footers took ${rendered.pages} pages for ${count}`);

    const source = await PDFDocument.load(rendered.bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
    // One copier for the batch: the font its footers share is copied once.
    const copier = PDFObjectCopier.for(source.context, context);
    source.getPages().forEach((footerPage, i) => {
      if (!stamped.has(i + 1)) return;
      const form = footerForm(footerPage, copier, context);
      const page = targets[first + i]!.node;
      const contents = page.get(PDFName.Contents);
      const resolved = contents === undefined ? undefined : context.lookup(contents);
      const existing = resolved instanceof PDFArray ? resolved.asArray() : contents === undefined ? [] : [contents];
      page.set(PDFName.Contents, context.obj([open, ...existing, close]));
      let resources = page.lookupMaybe(PDFName.Resources, PDFDict);
      if (!resources) page.set(PDFName.Resources, (resources = context.obj({})));
      let xObjects = resources.lookupMaybe(PDFName.XObject, PDFDict);
      if (!xObjects) resources.set(PDFName.XObject, (xObjects = context.obj({})));
      xObjects.set(FOOTER_XOBJECT, form);
    });
  }
}

/** A page of the footers document as a form XObject of `context`: its content stream as it is. */
function footerForm(page: PDFPage, copier: PDFObjectCopier, context: PDFContext): PDFRef {
  const { node } = page;
  const contents = node.Contents();
  const resources = node.Resources();
  const dict = context.obj({
    Type: 'XObject',
    Subtype: 'Form',
    FormType: 1,
    BBox: copier.copy(node.MediaBox()),
    ...(resources ? { Resources: copier.copy(resources) } : {}),
  });
  if (contents instanceof PDFRawStream) {
    for (const key of ['Filter', 'DecodeParms'] as const) {
      const value = contents.dict.get(PDFName.of(key));
      if (value) dict.set(PDFName.of(key), copier.copy(value));
    }
    return context.register(PDFRawStream.of(dict, contents.contents));
  }
  const streams = contents instanceof PDFArray ? contents.asArray().map((ref) => context.lookup(ref)) : [];
  const decoded = streams.map((stream) => (stream instanceof PDFRawStream ? decodePDFRawStream(stream).decode() : new Uint8Array()));
  const joined = Buffer.concat(decoded.flatMap((bytes) => [bytes, Buffer.from('\n')]));
  const stream = context.flateStream(joined);
  for (const [key, value] of dict.entries()) stream.dict.set(key, value);
  return context.register(stream);
}

/**
 * Every part embeds its own subsets of Noto Sans, and pdfkit tags them alike in every document
 * (BZZZZZ+NotoSans-Bold…). Different subsets in one file must have different tags (PDF 32000
 * 9.6.4), or a viewer that goes by names may draw one part's glyph ids with another's font.
 */
function retagFontSubsets(merged: PDFDocument): void {
  const context = merged.context;
  const seen = new Set<PDFDict>();
  let count = 0;
  const tag = () => {
    let n = count++;
    let letters = '';
    for (let i = 0; i < 6; i++, n = Math.floor(n / 26)) letters = String.fromCharCode(65 + (n % 26)) + letters;
    return letters;
  };
  const rename = (dict: PDFDict | undefined, key: string, newTag: string) => {
    const name = dict?.get(PDFName.of(key));
    const text = name instanceof PDFName ? name.decodeText() : '';
    if (/^[A-Z]{6}\+/.test(text)) dict!.set(PDFName.of(key), PDFName.of(`${newTag}+${text.slice(7)}`));
  };
  const visitResources = (resources: PDFDict | undefined) => {
    const fonts = resources?.lookupMaybe(PDFName.Font, PDFDict);
    for (const [, ref] of fonts?.entries() ?? []) {
      const font = context.lookupMaybe(ref, PDFDict);
      if (!font || seen.has(font)) continue;
      seen.add(font);
      const newTag = tag();
      rename(font, 'BaseFont', newTag);
      rename(font.lookupMaybe(PDFName.of('FontDescriptor'), PDFDict), 'FontName', newTag);
      const descendants = font.lookupMaybe(PDFName.of('DescendantFonts'), PDFArray);
      for (let i = 0; i < (descendants?.size() ?? 0); i++) {
        const descendant = descendants!.lookupMaybe(i, PDFDict);
        rename(descendant, 'BaseFont', newTag);
        rename(descendant?.lookupMaybe(PDFName.of('FontDescriptor'), PDFDict), 'FontName', newTag);
      }
    }
    // Forms (the stamped footers) have resources of their own.
    const xObjects = resources?.lookupMaybe(PDFName.XObject, PDFDict);
    for (const [, ref] of xObjects?.entries() ?? []) {
      const form = context.lookup(ref);
      if (form instanceof PDFRawStream && form.dict.get(PDFName.of('Subtype')) === PDFName.of('Form')) {
        visitResources(form.dict.lookupMaybe(PDFName.Resources, PDFDict));
      }
    }
  };
  for (const page of merged.getPages()) visitResources(page.node.Resources());
}

/** The headings' named destinations, for the contents' links (GoTo actions by name). */
function writeNamedDestinations(merged: PDFDocument, destinations: Map<string, Destination>): void {
  const context = merged.context;
  // Name trees are sorted by the bytes of their keys.
  const sorted = [...destinations.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const names = context.obj([]);
  for (const name of sorted) {
    const { page, view } = destinations.get(name)!;
    names.push(pdfText(name));
    names.push(context.obj([page.ref, ...view]));
  }
  merged.catalog.set(PDFName.of('Names'), context.register(context.obj({ Dests: context.obj({ Names: names }) })));
}

/**
 * Bookmarks as pdfmake makes them: an entry goes under its parent when the parent has a
 * bookmark, and points at its heading's page as pdfkit's outline does ([page /XYZ width height 0],
 * collapsed).
 */
function writeOutline(merged: PDFDocument, entries: readonly OutlineEntry[], destinations: Map<string, Destination>): void {
  const context = merged.context;
  interface OutlineNode {
    ref: PDFRef;
    dict: PDFDict;
    children: OutlineNode[];
  }
  const root: OutlineNode = { ref: context.nextRef(), dict: context.obj({}), children: [] };
  const byId = new Map<string, OutlineNode>();
  for (const entry of entries) {
    const destination = destinations.get(entry.id);
    if (!destination) continue;
    const parent = (entry.parentId && byId.get(entry.parentId)) || root;
    // At the heading, as its named destination is (bookmarkDestinations.ts): left and zoom kept.
    const top = destination.view[2];
    const { height } = destination.page.getSize();
    const node: OutlineNode = {
      ref: context.nextRef(),
      dict: context.obj({
        Dest: [destination.page.ref, 'XYZ', null, top instanceof PDFNumber ? Math.min(height, top.asNumber() + BOOKMARK_HEADROOM) : height, null],
        Parent: parent.ref,
        Title: PDFHexString.fromText(entry.title),
      }),
      children: [],
    };
    parent.children.push(node);
    byId.set(entry.id, node);
  }
  const link = (node: OutlineNode) => {
    const { children } = node;
    if (children.length > 0) {
      node.dict.set(PDFName.of('First'), children[0]!.ref);
      node.dict.set(PDFName.of('Last'), children[children.length - 1]!.ref);
    }
    children.forEach((child, i) => {
      if (i > 0) child.dict.set(PDFName.of('Prev'), children[i - 1]!.ref);
      if (i < children.length - 1) child.dict.set(PDFName.of('Next'), children[i + 1]!.ref);
      link(child);
    });
    context.assign(node.ref, node.dict);
  };
  if (root.children.length === 0) return;
  link(root);
  merged.catalog.set(PDFName.of('Outlines'), root.ref);
  merged.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

/** The document information pdfmake gives pdfkit: its defaults, then the definition's `info`. */
function writeInfo(context: PDFContext, info: NonNullable<TDocumentDefinitions['info']>): void {
  const values = new Map<string, string | Date>([
    ['Producer', 'pdfmake'],
    ['Creator', 'pdfmake'],
    ['CreationDate', new Date()],
  ]);
  for (const [key, value] of Object.entries(info)) {
    if (!value) continue;
    const standard = key.charAt(0).toUpperCase() + key.slice(1);
    const name = ['Title', 'Author', 'Subject', 'Keywords', 'Creator', 'Producer', 'CreationDate', 'ModDate', 'Trapped'].includes(standard)
      ? standard
      : key.replace(/\s+/g, '');
    values.set(name, value as string | Date);
  }
  const dict = context.obj({});
  for (const [key, value] of values) dict.set(PDFName.of(key), value instanceof Date ? PDFString.fromDate(value) : pdfText(String(value)));
  context.trailerInfo.Info = context.register(dict);
}

/** A PDF text string: literal for ASCII (as pdfkit writes names), UTF-16 otherwise. */
function pdfText(text: string): PDFString | PDFHexString {
  return /^[\x20-\x7e]*$/.test(text) ? PDFString.of(text.replace(/[\\()]/g, '\\$&')) : PDFHexString.fromText(text);
}

/** Lets a part's layout be collected before the next one when the process allows it (--expose-gc). */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}
