import { SaxesParser } from 'saxes';
import { AppError, isAppError } from '../../shared/errors/AppError';
import { firstBareAmpersand } from './firstBareAmpersand';
import { CDATA_SECTION_NODE, TEXT_NODE, XmlElement, XmlText, type XmlDocument } from './xmlTree';

/**
 * A namespace-aware tree of `xml`, or AppError xliff.notXml with the place of the first problem.
 * saxes is a strict XML 1.0 parser: anything not well-formed is refused, not repaired (an
 * undefined entity, content after the root, an unquoted attribute). It reads no DTD, so no
 * external entity is ever fetched and entities declared in a DOCTYPE are never expanded. Line
 * ends are normalized as XML 1.0 says (CR LF and CR to LF), and only those.
 */
/**
 * Far beyond any real XLIFF (xliff > file > group > unit > segment > target > a few inline
 * codes), low enough that every walk of the tree stays short and no stack can overflow.
 */
export const XML_LIMITS = { depth: 256, attributeChars: 64 * 1024 } as const;

/** Each reader's own codes, written out so each messages test finds the codes its reader throws. */
const CODES = {
  xliff: { notXml: 'xliff.notXml', tooDeep: 'xliff.tooDeep', attributeTooLong: 'xliff.attributeTooLong', doctype: 'xliff.notXml' },
  tbx: { notXml: 'tbx.notXml', tooDeep: 'tbx.tooDeep', attributeTooLong: 'tbx.attributeTooLong', doctype: 'tbx.doctype' },
  tmx: { notXml: 'tmx.notXml', tooDeep: 'tmx.tooDeep', attributeTooLong: 'tmx.attributeTooLong', doctype: 'tmx.doctype' },
} as const;

/**
 * `format` names the file in error codes (`xliff.notXml`, `tbx.notXml`), so each reader's messages
 * say which file it was; `refuseDoctype` refuses a DOCTYPE outright (`<format>.doctype`).
 */
export function parseXml(xml: string, options: { format?: 'xliff' | 'tbx' | 'tmx'; refuseDoctype?: boolean } = {}): XmlDocument {
  const codes = CODES[options.format ?? 'xliff'];
  const parser = new SaxesParser({ xmlns: true, position: true });
  const doc: XmlDocument = { documentElement: null };
  const open: XmlElement[] = [];
  let start = { line: 1, column: 1 };
  let failure: { message: string; line: number; column: number } | null = null;
  let lastClosed: { element: XmlElement; line: number; column: number } | null = null;

  parser.on('error', (error) => {
    // The first fault is the one to report; saxes would go on and report its consequences.
    let message = error.message.replace(/^\d+:\d+: /, '');
    // saxes names neither the entity it refuses nor the element left open: say which.
    if (/undefined entity/.test(message)) {
      const entity = /^&([^;\s<&]*);/.exec(xml.slice(xml.lastIndexOf('&', parser.position)))?.[1];
      if (entity) message = `undefined entity &${entity};`;
    }
    // On a mismatched end tag saxes first closes the element left open, at the same place.
    if (/unexpected close tag/.test(message) && lastClosed && lastClosed.line === parser.line && lastClosed.column === parser.column) {
      message = `unexpected close tag: <${lastClosed.element.nodeName}> opened at line ${lastClosed.element.lineNumber} is not closed`;
    }
    failure ??= { message, line: parser.line, column: parser.column };
    throw error;
  });
  parser.on('doctype', () => {
    if (options.refuseDoctype) throw new AppError(codes.doctype, { line: parser.line, column: parser.column });
  });
  parser.on('opentagstart', () => {
    start = { line: parser.line, column: parser.column };
  });
  parser.on('opentag', (tag) => {
    if (open.length >= XML_LIMITS.depth) {
      throw new AppError(codes.tooDeep, { line: start.line, column: start.column, element: tag.name.slice(0, 40), limit: XML_LIMITS.depth });
    }
    const attributes = new Map<string, string>();
    for (const [name, attribute] of Object.entries(tag.attributes)) {
      if (attribute.value.length > XML_LIMITS.attributeChars) {
        throw new AppError(codes.attributeTooLong, {
          line: start.line,
          column: start.column,
          element: tag.name.slice(0, 40),
          attribute: name.slice(0, 40),
          length: attribute.value.length,
          limit: XML_LIMITS.attributeChars,
        });
      }
      attributes.set(name, attribute.value);
    }
    const element = new XmlElement(tag.name, tag.local, tag.uri === '' ? null : tag.uri, attributes, start.line, start.column);
    const parent = open[open.length - 1];
    if (parent) parent.append(element);
    else doc.documentElement = element;
    open.push(element);
  });
  parser.on('closetag', () => {
    const element = open.pop();
    if (element) lastClosed = { element, line: parser.line, column: parser.column };
  });
  parser.on('text', (text) => {
    open[open.length - 1]?.append(new XmlText(TEXT_NODE, text, parser.line, parser.column));
  });
  parser.on('cdata', (text) => {
    open[open.length - 1]?.append(new XmlText(CDATA_SECTION_NODE, text, parser.line, parser.column));
  });

  try {
    parser.write(xml).close();
  } catch (error) {
    if (isAppError(error)) throw error;
    let where = failure ?? { message: (error as Error).message, line: parser.line, column: parser.column };
    const ampersand = firstBareAmpersand(xml);
    if (ampersand && (ampersand.line < where.line || (ampersand.line === where.line && ampersand.column <= where.column))) {
      where = { ...ampersand, message: 'a bare & (an ampersand in text is written &amp;)' };
    }
    throw new AppError(codes.notXml, { line: Math.max(1, where.line), column: Math.max(1, where.column), detail: where.message }, [], { cause: error });
  }
  return doc;
}
