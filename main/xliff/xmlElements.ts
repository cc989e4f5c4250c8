import { ELEMENT_NODE, type XmlElement as Element, type XmlNode as Node } from './xmlTree';
import { XLIFF_NS } from './xliffNames';


export function isElement(node: Node): node is Element {
  return node.nodeType === ELEMENT_NODE;
}

/** Child elements in `namespace` (XLIFF core by default), optionally only those named `localName`. */
export function childElements(parent: Element, localName?: string, namespace = XLIFF_NS): Element[] {
  const out: Element[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (isElement(node) && node.namespaceURI === namespace && (localName === undefined || node.localName === localName)) out.push(node);
  }
  return out;
}

export function firstChild(parent: Element, localName: string, namespace = XLIFF_NS): Element | undefined {
  return childElements(parent, localName, namespace)[0];
}

/** The attribute's value, or null when it is absent (getAttribute alone cannot tell an empty value from none in every DOM). */
export function attribute(element: Element, name: string): string | null {
  return element.hasAttribute(name) ? element.getAttribute(name) : null;
}

export function lineOf(node: Node): number {
  return node.lineNumber ?? 1;
}
