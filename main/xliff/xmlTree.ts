/**
 * The little of a DOM the XLIFF reader walks, built by parseXml from saxes' events: elements with
 * their namespace, qualified-name attributes and start position, and text (CDATA is text).
 */
export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;
export const CDATA_SECTION_NODE = 4;

export type XmlNode = XmlElement | XmlText;

interface Linked {
  parentNode: XmlElement | null;
  nextSibling: XmlNode | null;
  lineNumber: number;
  columnNumber: number;
}

export class XmlText implements Linked {
  parentNode: XmlElement | null = null;
  nextSibling: XmlNode | null = null;
  constructor(
    readonly nodeType: typeof TEXT_NODE | typeof CDATA_SECTION_NODE,
    readonly nodeValue: string,
    readonly lineNumber: number,
    readonly columnNumber: number,
  ) {}

  get data(): string {
    return this.nodeValue;
  }
}

export class XmlElement implements Linked {
  readonly nodeType = ELEMENT_NODE;
  parentNode: XmlElement | null = null;
  nextSibling: XmlNode | null = null;
  firstChild: XmlNode | null = null;
  private lastChild: XmlNode | null = null;

  constructor(
    /** The qualified name as written (`mda:meta`). */
    readonly nodeName: string,
    readonly localName: string,
    readonly namespaceURI: string | null,
    /** By qualified name, as written (`xml:space`, `xmlns:mda`). */
    private readonly attributes: ReadonlyMap<string, string>,
    readonly lineNumber: number,
    readonly columnNumber: number,
  ) {}

  append(child: XmlNode): void {
    child.parentNode = this;
    if (this.lastChild) this.lastChild.nextSibling = child;
    else this.firstChild = child;
    this.lastChild = child;
  }

  hasAttribute(name: string): boolean {
    return this.attributes.has(name);
  }

  getAttribute(name: string): string | null {
    return this.attributes.get(name) ?? null;
  }

  get textContent(): string {
    let out = '';
    for (const node of this.descendants()) if (node.nodeType !== ELEMENT_NODE) out += node.nodeValue;
    return out;
  }

  /** Descendant elements in document order. */
  getElementsByTagNameNS(namespace: string, localName: string): XmlElement[] {
    const out: XmlElement[] = [];
    for (const node of this.descendants()) {
      if (node.nodeType === ELEMENT_NODE && node.namespaceURI === namespace && node.localName === localName) out.push(node);
    }
    return out;
  }

  /** Every node below this one in document order, walked without recursion (linear at any depth). */
  *descendants(): Generator<XmlNode> {
    let node: XmlNode | null = this.firstChild;
    while (node) {
      yield node;
      if (node.nodeType === ELEMENT_NODE && node.firstChild) {
        node = node.firstChild;
        continue;
      }
      while (node && !node.nextSibling) {
        node = node.parentNode;
        if (node === this) return;
      }
      node = node?.nextSibling ?? null;
    }
  }
}

export interface XmlDocument {
  documentElement: XmlElement | null;
}
