import type { Column, Content } from 'pdfmake/interfaces';
import type { LogoDoc } from '../../shared/schemas/logoSchema';

/** The name the pack's logo goes by in a document definition's `images`. */
export const LOGO_IMAGE = 'packLogo';

/** `images` of a document definition: the pack's logo from the library, as a data URL (never a path or address). */
export function logoImages(logo: LogoDoc | null): Record<string, string> | undefined {
  return logo ? { [LOGO_IMAGE]: `data:${logo.type};base64,${logo.data}` } : undefined;
}

/**
 * The top of the cover, above the network's name: the logo on the left, the document line
 * (reference · version · date) on the right, as a secretariat heads its papers.
 */
export function coverHead(line: string | null, logo: LogoDoc | null, options: { compact?: boolean } = {}): Content | null {
  if (!line && !logo) return null;
  if (options.compact) {
    // A third of a landscape page: the logo above the line, both at the column's left.
    const stack: Content[] = [];
    if (logo) stack.push({ image: LOGO_IMAGE, fit: [90, 36], margin: [0, 0, 0, 4] });
    if (line) stack.push({ text: line, style: 'coverDocumentLine' });
    return { stack, margin: [0, 0, 0, 10] };
  }
  const size: [number, number] = [150, 56];
  const columns: Column[] = [];
  // No width: pdfmake gives an image column the image's own width, as fitted.
  if (logo) columns.push({ image: LOGO_IMAGE, fit: size });
  columns.push(line ? { text: line, style: 'coverDocumentLine', width: '*' as const, alignment: 'right' as const } : { text: '', width: '*' as const });
  return { columns, columnGap: 12, margin: [0, 0, 0, 24] };
}
