import type { Column, Content } from 'pdfmake/interfaces';
import type { LogoDoc } from '../../shared/schemas/logoSchema';
import type { Translate } from '../../shared/locales/createTranslator';
import { ALT_KEY } from './tagging/tagDocument';

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
export function coverHead(line: string | null, logo: LogoDoc | null, options: { compact?: boolean; alt?: string } = {}): Content | null {
  if (!line && !logo) return null;
  // The logo's alternate text (a tagged PDF's Figure): what it stands for, in the edition's language.
  const alt = options.alt ? { [ALT_KEY]: options.alt } : {};
  if (options.compact) {
    // A third of a landscape page: the logo above the line, both at the column's left.
    const stack: Content[] = [];
    if (logo) stack.push({ image: LOGO_IMAGE, fit: [90, 36], margin: [0, 0, 0, 4], ...alt } as Content);
    if (line) stack.push({ text: line, style: 'coverDocumentLine' });
    return { stack, margin: [0, 0, 0, 10] };
  }
  const size: [number, number] = [150, 56];
  const columns: Column[] = [];
  // No width: pdfmake gives an image column the image's own width, as fitted.
  if (logo) columns.push({ image: LOGO_IMAGE, fit: size, ...alt } as Column);
  columns.push(line ? { text: line, style: 'coverDocumentLine', width: '*' as const, alignment: 'right' as const } : { text: '', width: '*' as const });
  return { columns, columnGap: 12, margin: [0, 0, 0, 24] };
}

/** The logo's alternate text: the network it is the logo of, when the pack names one. */
export function logoAlt(t: Translate, network: string | undefined): string {
  return network ? t('pdf:logoAltNamed', { network }) : t('pdf:logoAlt');
}
