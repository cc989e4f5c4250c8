import { createRequire } from 'node:module';

/*
 * pdfkit points every bookmark at the top of its page ([page /XYZ width height 0]): a reader
 * who picks a heading halfway down a page lands on the page before it. pdfmake creates a
 * bookmark while drawing the heading's first line, so the line's position is known there; the
 * bookmark is pointed at it instead, as the heading's named destination (the contents' links)
 * already is. Left and zoom are null: the reader's view keeps its own.
 */

const require = createRequire(import.meta.url);

interface OutlineItem {
  outlineData: { Dest?: unknown[] };
  children: OutlineItem[];
}
interface RendererThis {
  pdfDocument: { outline: OutlineItem };
  outlineMap: Record<string, OutlineItem>;
}
interface Line {
  _outline?: { id?: string; parentId?: string };
}
type RenderLine = (this: RendererThis, line: Line, x: number, y: number) => unknown;

const renderer = (require('pdfmake/js/Renderer') as { default: { prototype: { renderLine: RenderLine } } }).default.prototype;

/** Room above the heading's first line, so its ascenders are not at the very edge of the view. */
export const BOOKMARK_HEADROOM = 6;

/** The destination of a heading whose first line's top is `top` points below the page's top. */
export function headingView(pageHeight: number, top: number): [null, number, null] {
  return [null, Math.min(pageHeight, pageHeight - top + BOOKMARK_HEADROOM), null];
}

let installed = false;

export function installBookmarkDestinations(): void {
  if (installed) return;
  installed = true;
  const renderLine = renderer.renderLine;
  renderer.renderLine = function (line, x, y) {
    const result = renderLine.call(this, line, x, y);
    const outline = line._outline;
    if (outline) {
      const parent = (outline.parentId && this.outlineMap[outline.parentId]) || this.pdfDocument.outline;
      const item = parent.children[parent.children.length - 1];
      const dest = item?.outlineData.Dest;
      const page = dest?.[0] as { data?: { MediaBox?: number[] } } | undefined;
      const height = page?.data?.MediaBox?.[3];
      if (item && dest && typeof height === 'number') item.outlineData.Dest = [page, 'XYZ', ...headingView(height, y)];
    }
    return result;
  };
}
