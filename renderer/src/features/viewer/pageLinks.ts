/** A link annotation's box in PDF points: [x1, y1, x2, y2], in any corner order. */
export type Rect = [number, number, number, number];

export interface LinkArea<T> {
  /** Links with the same key lead to the same place. */
  key: string;
  rect: Rect;
  target: T;
}

const normal = ([x1, y1, x2, y2]: Rect): Rect => [Math.min(x1, x2), Math.min(y1, y2), Math.max(x1, x2), Math.max(y1, y2)];

/**
 * One link per run of boxes that lead to the same place on the same line. PDF writers often make
 * a link per word (a table of contents entry becomes five links): merged, it is one focus stop
 * and one name for a screen reader. Boxes on the same line overlap vertically by more than half
 * the smaller one and sit at most `gap` points apart.
 */
export function mergeLinks<T>(links: readonly LinkArea<T>[], gap = 3): LinkArea<T>[] {
  const out: LinkArea<T>[] = [];
  for (const link of links) {
    const rect = normal(link.rect);
    const last = out[out.length - 1];
    if (last && last.key === link.key) {
      const [ax1, ay1, ax2, ay2] = last.rect;
      const [bx1, by1, bx2, by2] = rect;
      const overlap = Math.min(ay2, by2) - Math.max(ay1, by1);
      const smaller = Math.min(ay2 - ay1, by2 - by1);
      const apart = Math.max(bx1 - ax2, ax1 - bx2);
      if (smaller > 0 && overlap > smaller / 2 && apart <= gap) {
        last.rect = [Math.min(ax1, bx1), Math.min(ay1, by1), Math.max(ax2, bx2), Math.max(ay2, by2)];
        continue;
      }
    }
    out.push({ ...link, rect });
  }
  return out;
}

/** A text item as pdf.js gives it: its string and its transform (e and f: where its baseline starts). */
export interface PlacedText {
  str: string;
  transform: number[];
}

/**
 * The words a link covers, read from the page's text: its accessible name ("2. Roadmap
 * priorities" rather than "link"). Items whose start lies inside the box, in reading order.
 */
export function textInRect(items: readonly PlacedText[], rect: Rect, limit = 160): string {
  const [x1, y1, x2, y2] = normal(rect);
  const words: string[] = [];
  for (const item of items) {
    const x = item.transform[4] ?? Number.NaN;
    const y = item.transform[5] ?? Number.NaN;
    if (x >= x1 - 1 && x <= x2 + 1 && y >= y1 - 1 && y <= y2 + 1 && item.str.trim() !== '') words.push(item.str);
  }
  const text = words.join('').replace(/\s+/g, ' ').trim();
  return text.length > limit ? `${text.slice(0, limit - 1)}…` : text;
}
