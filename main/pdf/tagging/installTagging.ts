import { createRequire } from 'node:module';
import { REFERENCE_KEY, SPAN_KEY, TAG_KEY, type Group, type Tag } from './tagDocument';

/*
 * The structure tree of a tagged PDF, written while pdfmake draws. pdfmake's Renderer only calls
 * pdfkit's public methods, one laid-out line at a time: each line is wrapped in marked content
 * and added to the structure element of its paragraph (the Tag tagDocument.ts set on its leaves),
 * created when the paragraph's first line is drawn, so the tree's order is the drawing order.
 * Rules, boxes, the watermark and images are artifacts. Documents not created with pdfkit's
 * `tagged` option are drawn as before.
 */

const require = createRequire(import.meta.url);

interface StructElement {
  add(child: unknown): StructElement;
  end(): void;
  dictionary: { data: Record<string, unknown> };
}
interface PdfKitDocument {
  options: { tagged?: boolean };
  struct(type: string, options?: { lang?: string; alt?: string; scope?: string }): StructElement;
  addStructure(element: StructElement): PdfKitDocument;
  markStructureContent(tag: string): unknown;
  markContent(tag: string, options?: { type?: string }): PdfKitDocument;
  text(...args: unknown[]): PdfKitDocument;
  link(x: number, y: number, w: number, h: number, url: unknown, options?: Record<string, unknown>): PdfKitDocument;
  goTo(x: number, y: number, w: number, h: number, name: string, options?: Record<string, unknown>): PdfKitDocument;
  page: object;
  endMarkedContent(): PdfKitDocument;
}
interface RendererThis {
  pdfDocument: PdfKitDocument;
}
interface Line {
  inlines: Record<string, unknown>[];
}
type Method = (this: RendererThis, ...args: never[]) => unknown;

const renderer = (require('pdfmake/js/Renderer') as { default: { prototype: Record<string, Method> } }).default.prototype;

/** The methods this layer wraps; an upgrade of pdfmake that renames one must fail loudly. */
export const WRAPPED_METHODS = ['renderPages', 'renderLine', 'renderVector', 'renderWatermark', 'renderImage', 'renderSVG'] as const;

interface TreeState {
  root: StructElement;
  elements: Map<Tag, StructElement>;
  groups: Map<Group, StructElement>;
  /** A paragraph's links by address: a link broken across lines is one Link. */
  links: Map<Tag, Map<string, StructElement>>;
  /** Every element made, in order of making (a parent before its children): ended children first. */
  made: StructElement[];
  /** The page a header row's cell was first drawn on: drawn again on a later page, it is an artifact. */
  headerPages: Map<Tag, object>;
  notes: number;
  /** The contents entries drawn so far, by the heading they link to. */
  entries: Map<string, Tag>;
}

const trees = new WeakMap<PdfKitDocument, TreeState>();
/** A line no builder tagged (a page number pdfmake fills in): a paragraph of its own. */
const UNTAGGED: Tag = { role: 'P' };

let installed = false;

export function installTagging(): void {
  if (installed) return;
  for (const name of WRAPPED_METHODS) {
    if (typeof renderer[name] !== 'function') throw new Error(`pdfmake's Renderer has no ${name}: the tagging layer (main/pdf/tagging) needs updating`);
  }
  installed = true;

  const renderPages = renderer.renderPages!;
  renderer.renderPages = function (...args) {
    const doc = this.pdfDocument;
    if (!doc.options.tagged) return renderPages.apply(this, args);
    for (const page of args[0] as unknown as Page[]) withListCounters(page.items);
    hookRuns(doc);
    const root = doc.struct('Document');
    doc.addStructure(root);
    const tree: TreeState = { root, elements: new Map(), groups: new Map(), links: new Map(), made: [], headerPages: new Map(), notes: 0, entries: new Map() };
    trees.set(doc, tree);
    try {
      return renderPages.apply(this, args);
    } finally {
      // pdfkit ends (and checks) an element's children recursively, again for every ancestor:
      // ended deepest first, each finds its children done, however deep the tree.
      for (let i = tree.made.length - 1; i >= 0; i--) tree.made[i]!.end();
      root.end();
      trees.delete(doc);
    }
  };

  const renderLine = renderer.renderLine!;
  renderer.renderLine = function (...args) {
    const tree = trees.get(this.pdfDocument);
    if (!tree) return renderLine.apply(this, args);
    const line = args[0] as unknown as Line;
    const tag = (line.inlines.find((inline) => inline[TAG_KEY])?.[TAG_KEY] as Tag | undefined) ?? entryOf(tree, line) ?? UNTAGGED;
    if (tag.role === 'Artifact') return asArtifact(this.pdfDocument, 'Pagination', () => renderLine.apply(this, args));
    const doc = this.pdfDocument;
    if (tag.header) {
      const first = tree.headerPages.get(tag);
      if (first === undefined) tree.headerPages.set(tag, doc.page);
      // pdfmake repeats a table's header rows at the top of each page the table continues on.
      else if (first !== doc.page) return asArtifact(doc, 'Pagination', () => withoutLinks(doc, () => renderLine.apply(this, args)));
    }
    let element = tree.elements.get(tag);
    if (!element) {
      element = made(tree, doc.struct(tag.role, tag.lang ? { lang: tag.lang } : {}));
      // PDF/UA: a Note has an ID, unique in the document.
      if (tag.role === 'Note') element.dictionary.data.ID = new String(`note-${++tree.notes}`);
      parentOf(doc, tree, tag).add(element);
      // An untagged line is a paragraph of its own, not one with every other untagged line.
      if (tag !== UNTAGGED) tree.elements.set(tag, element);
    }
    if (tag.role === 'Reference') for (const inline of line.inlines) if (typeof inline.linkToDestination === 'string') tree.entries.set(inline.linkToDestination, tag);
    if (line.inlines.some((inline) => isLinked(inline) || typeof inline[SPAN_KEY] === 'string')) return withRuns(doc, tree, tag, element, line, () => renderLine.apply(this, args));
    const content = doc.markStructureContent(tag.role);
    try {
      return renderLine.apply(this, args);
    } finally {
      doc.endMarkedContent();
      element.add(content);
    }
  };

  for (const name of ['renderVector', 'renderWatermark', 'renderImage', 'renderSVG'] as const) {
    const draw = renderer[name]!;
    renderer[name] = function (...args) {
      const tree = trees.get(this.pdfDocument);
      if (!tree) return draw.apply(this, args);
      // pdfmake hands renderImage the image's own node, so the Figure tag tagDocument.ts set is there.
      const tag = name === 'renderImage' ? ((args[0] as unknown as Record<string, unknown>)[TAG_KEY] as Tag | undefined) : undefined;
      if (tag?.role === 'Figure') return asFigure(this.pdfDocument, tree, tag, () => draw.apply(this, args));
      return asArtifact(this.pdfDocument, name === 'renderWatermark' ? 'Pagination' : 'Layout', () => draw.apply(this, args));
    };
  }
}

/**
 * A page number pdfmake writes into a contents entry (pageReference) keeps none of the entry's
 * properties, only its link: it joins the entry, drawn just before it, that links to the same heading.
 */
function entryOf(tree: TreeState, line: Line): Tag | undefined {
  const target = line.inlines.find((inline) => typeof inline.linkToDestination === 'string')?.linkToDestination;
  return typeof target === 'string' ? tree.entries.get(target) : undefined;
}

interface Page {
  items: { type: string; item: unknown }[];
}

/** What pdfmake writes as an ordered list's counter ("1. "); a page number has no full stop. */
const COUNTER = /^\s*\d+\.\s*$/;

/**
 * pdfmake lays out a numbered item's counter as a line of its own, after the item's first line
 * and with none of its properties: it is moved before that line and given its tag, so the
 * paragraph reads "1. First line…".
 */
function withListCounters(items: Page['items']): void {
  for (let i = 1; i < items.length; i++) {
    const counter = items[i]!;
    const first = items[i - 1]!;
    if (counter.type !== 'line' || first.type !== 'line') continue;
    const counterLine = counter.item as Line;
    const tag = (first.item as Line).inlines.find((inline) => inline[TAG_KEY])?.[TAG_KEY] as Tag | undefined;
    if (!tag || counterLine.inlines.some((inline) => inline[TAG_KEY])) continue;
    if (!COUNTER.test(counterLine.inlines.map((inline) => String(inline.text ?? '')).join(''))) continue;
    // The item's Lbl when tagDocument.ts gave it one; else the counter reads in the item's paragraph.
    for (const inline of counterLine.inlines) inline[TAG_KEY] = tag.label ?? tag;
    items[i - 1] = counter;
    items[i] = first;
  }
}

/**
 * A line with links or passages in another language: each of its runs (one pdfkit text call
 * each) is marked on its own, a linked run inside the paragraph's Link for its address, whose
 * annotation pdfkit then refers to (OBJR) and whose /Contents names the address; a run in
 * another language in a Span with its /Lang. What the line draws around its runs (a background,
 * the underline) is an artifact.
 */
const isLinked = (inline: Record<string, unknown>) => typeof inline.link === 'string' || typeof inline.linkToDestination === 'string';

type Own = (...args: unknown[]) => unknown;
/** What a line being drawn does in place of pdfkit's text, link and goTo (each given pdfkit's own). */
type RunHooks = Partial<Record<'text' | 'link' | 'goTo', (own: Own, args: unknown[]) => unknown>>;
const runHooks = new WeakMap<object, RunHooks>();
const hookedPrototypes = new WeakSet<object>();

/**
 * pdfkit's text, link and goTo, wrapped once on the document's prototype to call the hooks of
 * the line being drawn. Setting and deleting methods on the document itself, line after line,
 * would turn it into a slow dictionary-mode object for every pdfkit call after.
 */
function hookRuns(doc: PdfKitDocument): void {
  const proto = Object.getPrototypeOf(doc) as Record<string, Own>;
  if (hookedPrototypes.has(proto)) return;
  hookedPrototypes.add(proto);
  for (const name of ['text', 'link', 'goTo'] as const) {
    const own = proto[name]!;
    proto[name] = function (this: object, ...args: unknown[]) {
      const hook = runHooks.get(this)?.[name];
      return hook ? hook(own, args) : own.apply(this, args);
    };
  }
}

function withRuns(doc: PdfKitDocument, tree: TreeState, tag: Tag, element: StructElement, line: Line, draw: () => unknown): unknown {
  let links = tree.links.get(tag);
  if (!links) tree.links.set(tag, (links = new Map()));
  let current: StructElement | null = null;
  let span: { lang: string; parent: StructElement; element: StructElement } | null = null;
  let drawn = 0;
  let artifact = true;
  doc.markContent('Artifact', { type: 'Layout' });
  const text = (own: Own, args: unknown[]) => {
    if (artifact) doc.endMarkedContent();
    artifact = false;
    // renderLine draws a line's runs in order, one text call each.
    const inline = line.inlines[drawn];
    const options = args[3] as { link?: unknown; goTo?: unknown } | undefined;
    const url = typeof options?.link === 'string' ? options.link : typeof options?.goTo === 'string' ? `#${options.goTo}` : undefined;
    let target = element;
    if (url !== undefined) {
      target = links.get(url) ?? made(tree, doc.struct('Link'));
      if (!links.has(url)) {
        links.set(url, target);
        // A source mark cites the entry it links to: Reference › Link.
        if (inline?.[REFERENCE_KEY]) element.add(made(tree, doc.struct('Reference')).add(target));
        else element.add(target);
      }
      current = target;
    }
    const lang = inline?.[SPAN_KEY];
    if (typeof lang === 'string') {
      // Runs of one language next to each other (textRuns.ts cuts words into runs): one Span.
      if (span?.lang !== lang || span.parent !== target) {
        span = { lang, parent: target, element: made(tree, doc.struct('Span', { lang })) };
        target.add(span.element);
      }
      target = span.element;
    } else span = null;
    const content = doc.markStructureContent(typeof lang === 'string' ? 'Span' : url !== undefined ? 'Link' : tag.role);
    try {
      return own.apply(doc, args);
    } finally {
      doc.endMarkedContent();
      target.add(content);
      current = null;
      if (++drawn === line.inlines.length) {
        doc.markContent('Artifact', { type: 'Layout' });
        artifact = true;
      }
    }
  };
  const link = (own: Own, [x, y, w, h, url, options = {}]: unknown[]) =>
    own.call(doc, x, y, w, h, url, current ? { ...(options as object), structParent: current, Contents: new String(String(url)) } : options);
  // An internal link (contents, cross-reference, source mark): its Link too, its /Contents the link's words.
  const goTo = (own: Own, [x, y, w, h, name, options = {}]: unknown[]) => {
    const words = line.inlines[drawn]?.text;
    return own.call(doc, x, y, w, h, name, current ? { ...(options as object), structParent: current, Contents: new String(String(words ?? name)) } : options);
  };
  runHooks.set(doc, { text, link, goTo });
  try {
    return draw();
  } finally {
    if (artifact) doc.endMarkedContent();
    runHooks.delete(doc);
  }
}

/** A header row drawn again: its links are on the row the tree has, not made again outside it. */
function withoutLinks(doc: PdfKitDocument, draw: () => unknown): unknown {
  runHooks.set(doc, { link: () => doc, goTo: () => doc });
  try {
    return draw();
  } finally {
    runHooks.delete(doc);
  }
}

function made(tree: TreeState, element: StructElement): StructElement {
  tree.made.push(element);
  return element;
}

/**
 * The structure element a tag's element goes in. Its groups not made yet are made on the way,
 * outermost first, up from the tag only as far as the first group already made: each group is
 * walked past once, so a list nested 10,000 deep costs 10,000 steps, not 10,000² (and no recursion).
 */
function parentOf(doc: PdfKitDocument, tree: TreeState, tag: Tag): StructElement {
  const missing: Group[] = [];
  let group = tag.parent;
  while (group && !tree.groups.has(group)) {
    missing.push(group);
    group = group.parent;
  }
  let parent = group ? tree.groups.get(group)! : tree.root;
  for (let i = missing.length - 1; i >= 0; i--) {
    const g = missing[i]!;
    // A cell made with its row just now.
    const done = tree.groups.get(g);
    if (done) {
      parent = done;
      continue;
    }
    const element = makeGroup(doc, tree, g);
    parent.add(element);
    // A row's cells with the row, in their order: an empty one still a TD.
    for (const cell of g.cells ?? []) element.add(makeGroup(doc, tree, cell));
    parent = element;
  }
  return parent;
}

function makeGroup(doc: PdfKitDocument, tree: TreeState, group: Group): StructElement {
  const element = made(tree, doc.struct(group.role, group.scope ? { scope: group.scope } : {}));
  tree.groups.set(group, element);
  return element;
}

function asFigure(doc: PdfKitDocument, tree: TreeState, tag: Tag, draw: () => unknown): unknown {
  const element = made(tree, doc.struct('Figure', { alt: tag.alt, ...(tag.lang ? { lang: tag.lang } : {}) }));
  parentOf(doc, tree, tag).add(element);
  const content = doc.markStructureContent('Figure');
  try {
    return draw();
  } finally {
    doc.endMarkedContent();
    element.add(content);
  }
}

function asArtifact(doc: PdfKitDocument, type: 'Pagination' | 'Layout', draw: () => unknown): unknown {
  doc.markContent('Artifact', { type });
  try {
    return draw();
  } finally {
    doc.endMarkedContent();
  }
}
