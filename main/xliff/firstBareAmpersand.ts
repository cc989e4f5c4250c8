const REFERENCE = /&(?:#[0-9]+|#x[0-9a-fA-F]+|[A-Za-z_:][A-Za-z0-9_.:-]*);/y;

/**
 * Where the first `&` that starts no character or entity reference sits (outside comments, CDATA
 * sections and processing instructions), 1-based, or null. saxes reads such an ampersand as the
 * start of an entity name running to the end of the file, and then reports only an unclosed
 * element there: this finds the place a person has to look at.
 */
export function firstBareAmpersand(xml: string): { line: number; column: number } | null {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < xml.length; i++) {
    const c = xml[i];
    if (c === '\n' || (c === '\r' && xml[i + 1] !== '\n')) {
      line += 1;
      lineStart = i + 1;
    } else if (c === '<') {
      const skip = xml.startsWith('<!--', i) ? '-->' : xml.startsWith('<![CDATA[', i) ? ']]>' : xml.startsWith('<?', i) ? '?>' : null;
      if (skip === null) continue;
      const end = xml.indexOf(skip, i);
      if (end < 0) return null;
      for (let j = i; j < end; j++) {
        if (xml[j] === '\n' || (xml[j] === '\r' && xml[j + 1] !== '\n')) {
          line += 1;
          lineStart = j + 1;
        }
      }
      i = end + skip.length - 1;
    } else if (c === '&') {
      REFERENCE.lastIndex = i;
      if (!REFERENCE.test(xml)) return { line, column: i - lineStart + 1 };
    }
  }
  return null;
}
