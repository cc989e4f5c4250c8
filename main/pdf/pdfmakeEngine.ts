// Must come before pdfmake: see the file.
import './shareParsedFonts';
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { FONTS, isFontPath } from './fonts';

let configured = false;

/**
 * pdfmake is a process-wide singleton: configure it once, with no URL access at all and file
 * access limited to the bundled fonts, whatever a document definition asks for.
 */
export function configurePdfmake(): typeof pdfmake {
  if (!configured) {
    pdfmake.setFonts(FONTS);
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy((file) => isFontPath(file));
    configured = true;
  }
  return pdfmake;
}

export interface RenderedPdf {
  bytes: Buffer;
  pages: number;
}

/** Lays out and renders one document; the page count comes from the footer callback. */
export async function renderPdf(definition: TDocumentDefinitions): Promise<RenderedPdf> {
  const engine = configurePdfmake();
  let pages = 0;
  const footer = definition.footer;
  const counted: TDocumentDefinitions = {
    ...definition,
    footer: (page, count, size) => {
      pages = count;
      return typeof footer === 'function' ? footer(page, count, size) : (footer ?? null);
    },
  };
  const bytes = (await engine.createPdf(counted).getBuffer()) as Buffer;
  return { bytes: Buffer.from(bytes), pages };
}
