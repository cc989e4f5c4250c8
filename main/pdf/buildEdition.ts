import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import type { Locale } from '../../shared/domain/locales';
import type { LibraryDocument } from '../../shared/schemas/libraryDocument';
import type { EditionReport } from './EditionTexts';
import type { EditionModel } from './packBlocks';
import { editionModels, localesOf, pdfTranslator } from './editionModels';
import { editionLayout, type DocumentOptions } from './editionDocument';
import { parallelLayout } from './parallelDocument';
import { wholeDocument, type SplittableDocument } from './documentParts';
import { planEdition, type EditionPlan, type PlanLimits } from './editionPlan';
import { renderPdf, type RenderOptions } from './pdfmakeEngine';
import { prepareDocument } from './textRuns';
import { assertLogoEmbeddable } from '../services/verifyLogo';
import { assertGlyphsCovered, LayoutFindings, offPageError } from './layoutFindings';
import type { ValidationProblem } from '../../shared/schemas/validationProblems';

export type { Edition } from '../../shared/api/buildTypes';
import type { Edition } from '../../shared/api/buildTypes';

export { editionModels, localesOf, pdfTranslator, type EditionModels } from './editionModels';

/** An edition ready to be laid out, whole or in parts. */
export function editionLayoutOf(doc: LibraryDocument, packRef: string, edition: Edition, options: DocumentOptions): {
  layout: SplittableDocument;
  reports: EditionReport[];
} {
  const strings = options.strings ?? {};
  // Side by side, the country profiles follow one order (the first column's) in all three columns.
  const { pack, models, reports } = editionModels(doc, packRef, localesOf(edition), strings, edition === 'parallel' ? { profileOrder: 'en' } : {});
  assertLogoEmbeddable(pack.logo ?? null, { pack: pack.slug });
  const layout =
    edition === 'parallel'
      ? parallelLayout(
          models as Record<Locale, EditionModel>,
          pack,
          { en: pdfTranslator('en', strings.en), fr: pdfTranslator('fr', strings.fr), es: pdfTranslator('es', strings.es) },
          options,
        )
      : editionLayout(models[edition]!, pack, pdfTranslator(edition, strings[edition]), options);
  return { layout, reports };
}

export function editionDefinition(doc: LibraryDocument, packRef: string, edition: Edition, options: DocumentOptions): {
  definition: TDocumentDefinitions;
  reports: EditionReport[];
} {
  const { layout, reports } = editionLayoutOf(doc, packRef, edition, options);
  return { definition: wholeDocument(layout), reports };
}

/** How an edition will be built: in one pass, or in parts (which blocks in each). */
export function editionPlan(doc: LibraryDocument, packRef: string, edition: Edition, limits?: PlanLimits): EditionPlan {
  const { layout } = editionLayoutOf(doc, packRef, edition, { paper: 'a4', watermark: null, builtAt: new Date(0) });
  return planEdition(layout.blocks, layout.weights, limits);
}

export interface BuiltEdition {
  edition: Edition;
  bytes: Buffer;
  pages: number;
  reports: EditionReport[];
  /** Characters no embedded font shows, Markdown the nesting limits cut: by piece and field. */
  warnings: ValidationProblem[];
}

export interface RenderEditionOptions {
  /** --strict: characters no font shows stop the build (before layout) instead of a warning. */
  strict?: boolean;
  /**
   * The checks of a build: characters the fonts cannot show, listed before layout, and every
   * line inside its page and box after layout. On unless a benchmark measures their cost.
   */
  checks?: boolean;
  /** The pack's slug, for messages. */
  pack?: string;
  /**
   * A tagged PDF (main/pdf/tagging); an edition built in parts gets one structure tree merged
   * from its parts' (tagging/mergeStructureTrees.ts). On unless a benchmark measures its cost.
   */
  tagged?: boolean;
}

/** An edition with its layout and plan decided: everything a build needs but the library. */
export interface PreparedEdition {
  edition: Edition;
  layout: SplittableDocument;
  plan: EditionPlan;
  reports: EditionReport[];
}

/** The fast, synchronous half of a build: the library is not needed after it. */
export function prepareEdition(
  doc: LibraryDocument,
  packRef: string,
  edition: Edition,
  options: DocumentOptions,
  limits?: PlanLimits,
): PreparedEdition {
  const { layout, reports } = editionLayoutOf(doc, packRef, edition, options);
  return { edition, layout, plan: planEdition(layout.blocks, layout.weights, limits), reports };
}

/**
 * The CPU-heavy half: layout and rendering, in one pass or in parts (editionPlan.ts). The whole
 * document's text is prepared first (font runs, break opportunities: textRuns.ts), which lists
 * what the fonts cannot show before any layout; a single pass then renders that very document.
 */
export async function renderEdition(
  { edition, layout, plan, reports }: PreparedEdition,
  { strict = false, checks = true, pack = '', tagged = true }: RenderEditionOptions = {},
): Promise<BuiltEdition> {
  const findings = new LayoutFindings(edition);
  const whole = prepareDocument(wholeDocument(layout), findings);
  if (strict && checks) assertGlyphsCovered(pack, findings);
  const warnings = checks ? findings.warnings() : [];
  const onOffPage = (pageOffset: number): RenderOptions['onOffPage'] =>
    checks
      ? (problems) => {
          throw offPageError(edition, problems, pageOffset);
        }
      : undefined;
  if (plan.kind === 'single') {
    const { bytes, pages } = await renderPdf(whole, undefined, { prepared: true, onOffPage: onOffPage(0), tagged });
    return { edition, bytes, pages, reports, warnings };
  }
  // pdf-lib is loaded only by builds that need it: the single-pass path does not pay for it.
  const { renderInParts } = await import('./buildInParts');
  const { bytes, pages } = await renderInParts(layout, plan.parts, onOffPage, { tagged });
  return { edition, bytes, pages, reports, warnings };
}

/**
 * Lays out and renders one edition: the CPU-heavy part, run in a worker by the service. Large
 * editions are laid out in parts and merged, to bound the memory a build takes (editionPlan.ts).
 */
export async function buildEdition(
  doc: LibraryDocument,
  packRef: string,
  edition: Edition,
  options: DocumentOptions,
  limits?: PlanLimits,
  render: RenderEditionOptions = {},
): Promise<BuiltEdition> {
  return renderEdition(prepareEdition(doc, packRef, edition, options, limits), render);
}
