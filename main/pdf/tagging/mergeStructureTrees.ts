import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString, type PDFDocument, type PDFObject, type PDFObjectCopier, type PDFPage } from 'pdf-lib';

/*
 * One structure tree for an edition built in parts (buildInParts.ts). Each part is rendered
 * tagged, its pages copied into the merged document; the elements under its Document are then
 * copied with the same copier, so their page (/Pg) and annotation (OBJR) references land on the
 * copied pages and annotations. Parent-tree keys (a page's /StructParents, an annotation's
 * /StructParent) are shifted past the parts before, and every part's elements go under one
 * Document, the front matter's first: reading order is page order.
 */

interface CopiedPart {
  front: boolean;
  /** The copied top elements (children of the part's Document), in order. */
  elements: PDFRef[];
}

export class StructureTreeMerger {
  private readonly parts: CopiedPart[] = [];
  /** Parent-tree entries of every part, keys already shifted. */
  private readonly entries: [number, PDFObject][] = [];
  private nextKey = 0;

  constructor(private readonly merged: PDFDocument) {}

  /** A part's tree, after its pages were copied with `copier` (the one that copied them: references map). */
  add(part: PDFDocument, copier: PDFObjectCopier, pages: readonly PDFPage[], front: boolean): void {
    const root = part.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
    if (!root) return;
    const offset = this.nextKey;
    const partNumber = this.parts.length + 1;
    const tops = topElements(part, root);
    // Each Note's /ID stays unique in the merged file: every part counts its notes from 1.
    renameNoteIds(part, tops, partNumber);
    const elements: PDFRef[] = [];
    for (const ref of tops) {
      // Its parent (the part's Document) is not copied: the merged Document takes its place.
      part.context.lookup(ref, PDFDict).delete(PDFName.of('P'));
      elements.push(copier.copy(ref) as PDFRef);
    }
    let next = 0;
    for (const [key, value] of numberTreeEntries(root.lookupMaybe(PDFName.of('ParentTree'), PDFDict))) {
      this.entries.push([key + offset, copier.copy(value)]);
      next = Math.max(next, key + 1);
    }
    const declared = root.lookupMaybe(PDFName.of('ParentTreeNextKey'), PDFNumber)?.asNumber() ?? 0;
    this.nextKey = offset + Math.max(next, declared);
    for (const page of pages) shiftKeys(page, offset);
    this.parts.push({ front, elements });
  }

  /** Writes the merged tree, /MarkInfo and DisplayDocTitle; nothing when no part was tagged. */
  finish(): void {
    if (this.parts.length === 0) return;
    const context = this.merged.context;
    const rootRef = context.nextRef();
    const documentRef = context.nextRef();
    const ordered: PDFRef[] = this.parts.filter((p) => p.front).flatMap((p) => p.elements);
    for (const ref of ordered) context.lookup(ref, PDFDict).set(PDFName.of('P'), documentRef);
    // A part may start inside a section: what it opens with, up to its first Sect, goes on in
    // the Sect the part before ended with, as in one pass.
    let open: { ref: PDFRef; kids: PDFArray } | null = null;
    for (const part of this.parts.filter((p) => !p.front)) {
      let leading = true;
      for (const ref of part.elements) {
        const element = context.lookup(ref, PDFDict);
        const sect = element.get(PDFName.of('S')) === PDFName.of('Sect');
        if (sect) leading = false;
        if (leading && open) {
          element.set(PDFName.of('P'), open.ref);
          open.kids.push(ref);
          continue;
        }
        element.set(PDFName.of('P'), documentRef);
        ordered.push(ref);
        if (sect) open = { ref, kids: kidsArray(context, element) };
      }
    }
    context.assign(documentRef, context.obj({ Type: 'StructElem', S: 'Document', P: rootRef, K: ordered }));
    // A number tree's keys in ascending order.
    const nums = context.obj([]);
    for (const [key, value] of [...this.entries].sort((a, b) => a[0] - b[0])) {
      nums.push(PDFNumber.of(key));
      nums.push(value);
    }
    const parentTree = context.register(context.obj({ Nums: nums }));
    context.assign(rootRef, context.obj({ Type: 'StructTreeRoot', K: [documentRef], ParentTree: parentTree, ParentTreeNextKey: this.nextKey }));
    const catalog = this.merged.catalog;
    catalog.set(PDFName.of('StructTreeRoot'), rootRef);
    catalog.set(PDFName.of('MarkInfo'), context.obj({ Marked: true }));
    const preferences = catalog.lookupMaybe(PDFName.of('ViewerPreferences'), PDFDict) ?? context.obj({});
    preferences.set(PDFName.of('DisplayDocTitle'), context.obj(true));
    catalog.set(PDFName.of('ViewerPreferences'), preferences);
  }
}

/** An element's /K as an array it holds directly (pdfkit writes a list, or one kid). */
function kidsArray(context: PDFDocument['context'], element: PDFDict): PDFArray {
  const kids = element.get(PDFName.of('K'));
  const resolved = kids instanceof PDFRef ? context.lookup(kids) : kids;
  if (resolved instanceof PDFArray) return resolved;
  const array = context.obj(kids ? [kids] : []);
  element.set(PDFName.of('K'), array);
  return array;
}

/** The elements under the part's Document (pdfkit writes one), as references. */
function topElements(part: PDFDocument, root: PDFDict): PDFRef[] {
  const refs = (value: PDFObject | undefined): PDFRef[] => (value instanceof PDFArray ? value.asArray() : value ? [value] : []).filter((v): v is PDFRef => v instanceof PDFRef);
  const kids = refs(root.get(PDFName.of('K')));
  if (kids.length !== 1) return kids;
  const document = part.context.lookup(kids[0]!, PDFDict);
  return document.get(PDFName.of('S')) === PDFName.of('Document') ? refs(document.get(PDFName.of('K'))) : kids;
}

/** A loop over the part's elements (a tree may nest deep). */
function renameNoteIds(part: PDFDocument, tops: PDFRef[], partNumber: number): void {
  const pending: PDFObject[] = [...tops];
  const seen = new Set<PDFDict>();
  while (pending.length > 0) {
    const value = pending.pop()!;
    const dict = value instanceof PDFRef ? part.context.lookup(value) : value;
    if (dict instanceof PDFArray) {
      pending.push(...dict.asArray());
      continue;
    }
    if (!(dict instanceof PDFDict) || seen.has(dict) || !dict.has(PDFName.of('S'))) continue;
    seen.add(dict);
    const id = dict.lookup(PDFName.of('ID'));
    if (dict.get(PDFName.of('S')) === PDFName.of('Note') && (id instanceof PDFString || id instanceof PDFHexString)) {
      dict.set(PDFName.of('ID'), PDFString.of(`${id.decodeText()}-${partNumber}`));
    }
    const kids = dict.get(PDFName.of('K'));
    if (kids) pending.push(kids);
  }
}

function* numberTreeEntries(node: PDFDict | undefined): Generator<[number, PDFObject]> {
  const pending = node ? [node] : [];
  while (pending.length > 0) {
    const current = pending.pop()!;
    const nums = current.lookupMaybe(PDFName.of('Nums'), PDFArray);
    for (let i = 0; nums && i + 1 < nums.size(); i += 2) {
      const key = nums.lookup(i);
      if (key instanceof PDFNumber) yield [key.asNumber(), nums.get(i + 1)];
    }
    const kids = current.lookupMaybe(PDFName.of('Kids'), PDFArray);
    for (let i = (kids?.size() ?? 0) - 1; i >= 0; i--) pending.push(kids!.lookup(i, PDFDict));
  }
}

/** The copied page's /StructParents and its annotations' /StructParent, past the parts before. */
function shiftKeys(page: PDFPage, offset: number): void {
  const node = page.node;
  const own = node.lookupMaybe(PDFName.of('StructParents'), PDFNumber);
  if (own) node.set(PDFName.of('StructParents'), PDFNumber.of(own.asNumber() + offset));
  const annots = node.lookupMaybe(PDFName.of('Annots'), PDFArray);
  for (let i = 0; i < (annots?.size() ?? 0); i++) {
    const annot = annots!.lookupMaybe(i, PDFDict);
    const key = annot?.lookupMaybe(PDFName.of('StructParent'), PDFNumber);
    if (key) annot!.set(PDFName.of('StructParent'), PDFNumber.of(key.asNumber() + offset));
  }
}
