/**
 * Escaping for the XLIFF writer. Characters that XML 1.0 cannot hold at all become <cp hex=…/>
 * (XLIFF's own escape) where inline content allows it; line-ending characters are written as
 * character references because a parser normalises literal CR and CRLF (and, in XML 1.1 or a
 * lenient parser, NEL and the Unicode separators) to LF, which would break the round trip.
 */

const INVALID_SOURCE = String.raw`[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]`;
const INVALID_CHAR = /^[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF\uD800-\uDFFF]$/;
const CONTENT = new RegExp(String.raw`[&<>\r\n\u0085\u2028\u2029]|${INVALID_SOURCE}`, 'g');
const ATTRIBUTE = new RegExp(String.raw`[&<>"\r\n\t\u0085\u2028\u2029]|${INVALID_SOURCE}`, 'g');
const NOTE = new RegExp(String.raw`[&<>\r\u0085\u2028\u2029]|${INVALID_SOURCE}`, 'g');

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Source, target and data content: keeps every character, and keeps each element on one line. */
export function escapeContent(text: string): string {
  return text.replace(CONTENT, (c) => ENTITIES[c] ?? (INVALID_CHAR.test(c) ? `<cp hex="${hex(c)}"/>` : reference(c)));
}

/** Attribute values; tabs and line breaks as references so attribute normalisation keeps them. */
export function escapeAttribute(text: string): string {
  return text.replace(ATTRIBUTE, (c) => ENTITIES[c] ?? (INVALID_CHAR.test(c) ? '\uFFFD' : reference(c)));
}

/** Notes are for people and are not read back: line breaks stay literal, invalid characters are replaced. */
export function escapeNote(text: string): string {
  return text.replace(NOTE, (c) => ENTITIES[c] ?? (INVALID_CHAR.test(c) ? '\uFFFD' : reference(c)));
}

function reference(c: string): string {
  return `&#x${c.charCodeAt(0).toString(16).toUpperCase()};`;
}

function hex(c: string): string {
  return c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
}
