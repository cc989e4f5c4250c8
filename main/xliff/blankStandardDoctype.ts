/**
 * The DTDs the TMX and TBX standards publish, which CAT tools name in the files they write
 * (OmegaT: `<!DOCTYPE tmx SYSTEM "tmx14.dtd">`; TBX 2008 tools: `<!DOCTYPE martif SYSTEM
 * "TBXcoreStructV02.dtd">`). Named by bare file name only: no path, no URL.
 */
const STANDARD_DTDS: Record<string, readonly string[]> = {
  tmx: ['tmx11.dtd', 'tmx12.dtd', 'tmx13.dtd', 'tmx14.dtd'],
  martif: ['tbxcorestructv02.dtd', 'tbxbasiccorestructv02.dtd', 'tbxcorestructv03.dtd', 'tbxbasiccorestructv03.dtd'],
};

/**
 * After the XML declaration and any comments: one DOCTYPE with an external id, no internal
 * subset. A comment's body holds no "--" (as XML says), so each ends at its first "-->" and the
 * pattern has one way to match: no backtracking over many leading comments.
 */
const LEADING_DOCTYPE =
  /^((?:<\?xml[^>]*\?>)?(?:\s|<!--(?:[^-]|-(?!-))*-->)*)<!DOCTYPE\s+([A-Za-z]+)\s+(?:SYSTEM|PUBLIC\s+(["'])[^"'<>[\]]*\3)\s+(["'])([A-Za-z0-9._-]+)\4\s*>/;

/**
 * `xml` with a DOCTYPE that only names its standard's own DTD blanked out (spaces, so every line
 * and column the parser reports stays where it is), and the text unchanged otherwise. Such a
 * DOCTYPE declares nothing: no DTD is ever read, so no entity can come of it. Any other DOCTYPE
 * (an internal subset, a path or URL, another DTD) is left for the parser to refuse.
 */
export function blankStandardDoctype(xml: string): string {
  const match = LEADING_DOCTYPE.exec(xml);
  if (!match) return xml;
  const [whole, before, root, , , file] = match as unknown as [string, string, string, string, string, string];
  if (!STANDARD_DTDS[root]?.includes(file.toLowerCase())) return xml;
  return before + whole.slice(before.length).replace(/[^\n]/g, ' ') + xml.slice(whole.length);
}
