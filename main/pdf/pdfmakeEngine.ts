// Must come before pdfmake: see the file.
import './shareParsedFonts';
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { FONTS, isFontPath } from './fonts';
import { afterLayout, installLayoutHooks } from './pdfmakeLayout';
import { installBookmarkDestinations } from './bookmarkDestinations';
import { finishPages, type OffPage } from './layoutChecks';
import { prepareDocument, type TextFindings } from './textRuns';
import { installTagging } from './tagging/installTagging';
import { taggedDefinition } from './tagging/taggedDefinition';

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
    installLayoutHooks();
    installBookmarkDestinations();
    installTagging();
    configured = true;
  }
  return pdfmake;
}

export interface RenderedPdf {
  bytes: Buffer;
  pages: number;
}

/** The share of a whole build that one document's rendering covers (a build in parts renders several). */
export interface ProgressWindow {
  from: number;
  to: number;
}

const WHOLE: ProgressWindow = { from: 0, to: 1 };
let progressListener: ((fraction: number) => void) | null = null;
let progressWindow = WHOLE;

/**
 * Reports rendering progress (pdfmake reports only its rendering phase) as a fraction of the
 * whole build, whether it is rendered in one document or in parts. One listener per thread.
 */
export function onRenderProgress(listener: ((fraction: number) => void) | null): void {
  progressListener = listener;
  const scaled = (fraction: number) => progressListener?.(progressWindow.from + fraction * (progressWindow.to - progressWindow.from));
  // Without a listener, pdfmake does not even count what it renders.
  configurePdfmake().setProgressCallback(listener ? scaled : (undefined as unknown as typeof scaled));
}

export interface RenderOptions {
  /** The definition already went through prepareDocument (textRuns.ts): not again. */
  prepared?: boolean;
  /** What preparing finds (uncovered characters, Markdown cut); ignored when `prepared`. */
  findings?: TextFindings;
  /**
   * Called after layout, before rendering, with every line outside the printable area or its
   * box (layoutChecks.ts); it may throw to stop the build. Without it, lines are not checked.
   */
  onOffPage?: (problems: OffPage[]) => void;
  /**
   * A tagged PDF (main/pdf/tagging): a structure tree with a language on every passage. The
   * parts of a build in parts are tagged too; buildInParts.ts merges their trees.
   */
  tagged?: boolean;
}

/** Lays out and renders one document; the page count comes from the footer callback. */
export async function renderPdf(
  definition: TDocumentDefinitions,
  progress: ProgressWindow = WHOLE,
  options: RenderOptions = {},
): Promise<RenderedPdf> {
  const engine = configurePdfmake();
  progressWindow = progress;
  try {
    if (!options.prepared) prepareDocument(definition, options.findings);
    if (options.tagged) taggedDefinition(definition);
    const { onOffPage } = options;
    if (definition.content !== null && typeof definition.content === 'object') {
      afterLayout(definition.content, (pages) => {
        const problems = finishPages(pages, onOffPage !== undefined);
        if (problems.length > 0) onOffPage?.(problems);
      });
    }
    return await render(engine, definition);
  } finally {
    progressWindow = WHOLE;
  }
}

async function render(engine: typeof pdfmake, definition: TDocumentDefinitions): Promise<RenderedPdf> {
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
