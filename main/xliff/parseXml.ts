import { DOMParser, type Document } from '@xmldom/xmldom';
import { AppError } from '../../shared/errors/AppError';

/**
 * A namespace-aware DOM of `xml`, or AppError xliff.notXml with the place of the first problem.
 * Whatever xmldom would recover from (an undefined entity, content after the root, an unquoted
 * attribute) is refused: a file a translation tool wrote correctly has none. No external entity
 * is ever fetched, and entities declared in a DOCTYPE are not expanded.
 */
export function parseXml(xml: string): Document {
  let problem = '';
  const parser = new DOMParser({
    onError(level, message) {
      // xmldom's warnings are well-formedness faults it would repair (an unquoted attribute), except
      // this one, which only notices U+FFFD, a character a text may legitimately contain.
      if (level === 'warning' && message.startsWith('Unicode replacement character')) return;
      problem ||= message;
      throw new Error(message);
    },
    // XML 1.0 line-end handling only: xmldom's default also turns U+2028/U+2029/U+0085 into LF,
    // which would change translated text.
    normalizeLineEndings: (text) => text.replace(/\r\n?/g, '\n'),
  });
  try {
    return parser.parseFromString(xml, 'text/xml');
  } catch (error) {
    const locator = (error as { locator?: { lineNumber?: number; columnNumber?: number } }).locator;
    throw new AppError(
      'xliff.notXml',
      {
        line: Math.max(1, locator?.lineNumber ?? 1),
        column: Math.max(1, locator?.columnNumber ?? 1),
        detail: problem || (error as Error).message,
      },
      [],
      { cause: error },
    );
  }
}
