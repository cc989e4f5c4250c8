import type { PDFDocumentProxy } from 'pdfjs-dist';
import { parseDestination } from './flattenOutline';

/** Where a bookmark or a link goes: a page (0-based) and, if the PDF says, the height on it in PDF points. */
export interface ResolvedDestination {
  index: number;
  top: number | null;
  left: number | null;
}

/** A named or explicit destination, resolved against the document; null when it leads nowhere. */
export async function resolveDestination(doc: PDFDocumentProxy, dest: unknown): Promise<ResolvedDestination | null> {
  try {
    const explicit = typeof dest === 'string' ? await doc.getDestination(dest) : dest;
    const target = parseDestination(explicit);
    if (!target) return null;
    const index = 'ref' in target.page ? await doc.getPageIndex(target.page.ref) : target.page.index;
    if (!Number.isInteger(index) || index < 0 || index >= doc.numPages) return null;
    return { index, top: target.top, left: target.left };
  } catch {
    // A destination to a page that does not exist, or a broken name tree: it leads nowhere.
    return null;
  }
}

/** Links and bookmarks to the web or e-mail only: never javascript:, file: or the app's own pages. */
export function isSafeLink(url: string | null | undefined): url is string {
  if (!url) return false;
  try {
    return ['http:', 'https:', 'mailto:'].includes(new URL(url).protocol);
  } catch {
    return false;
  }
}
