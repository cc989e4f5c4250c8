/**
 * A text cut at blank lines, so a CAT tool shows one paragraph per segment. The whitespace kept
 * aside (before, between, after the paragraphs) is written as <ignorable>, which translators never
 * see and tools never reflow. Joining lead + paragraphs/separators + trail gives the text back.
 */
export interface ParagraphSplit {
  lead: string;
  /** Empty when the text is only whitespace. */
  paragraphs: string[];
  /** One fewer than paragraphs. */
  separators: string[];
  trail: string;
}

// A CR directly followed by LF is one line break, never two.
const SEPARATOR = /[ \t]*(?:\r\n|\r(?!\n)|\n)(?:[ \t]*(?:\r\n|\r(?!\n)|\n))+[ \t]*/g;
const EDGE_SPACE = /^[ \t\r\n]*/;

export function splitParagraphs(text: string): ParagraphSplit {
  const lead = EDGE_SPACE.exec(text)![0];
  if (lead.length === text.length) return { lead: text, paragraphs: [], separators: [], trail: '' };
  let end = text.length;
  while (' \t\r\n'.includes(text[end - 1]!)) end--;
  const trail = text.slice(end);
  const body = text.slice(lead.length, end);
  const paragraphs: string[] = [];
  const separators: string[] = [];
  let from = 0;
  for (const match of body.matchAll(SEPARATOR)) {
    paragraphs.push(body.slice(from, match.index));
    separators.push(match[0]);
    from = match.index + match[0].length;
  }
  paragraphs.push(body.slice(from));
  return { lead, paragraphs, separators, trail };
}
