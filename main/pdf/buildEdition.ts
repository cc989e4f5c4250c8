import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { LOCALES, type Locale } from '../../shared/domain/locales';
import { createTranslator, type Translate } from '../../shared/locales/createTranslator';
import type { LibraryDocument, PackDoc } from '../../shared/schemas/libraryDocument';
import { EditionTexts, type EditionReport } from './EditionTexts';
import { buildEditionModel, type EditionModel } from './packBlocks';
import { editionDocument, type DocumentOptions } from './editionDocument';
import { parallelDocument } from './parallelDocument';
import { renderPdf } from './pdfmakeEngine';
import { resolvePack } from './resolvePack';

export type { Edition } from '../../shared/api/buildTypes';
import type { Edition } from '../../shared/api/buildTypes';

const translators = new Map<Locale, Translate>();
export function pdfTranslator(locale: Locale): Translate {
  let t = translators.get(locale);
  if (!t) translators.set(locale, (t = createTranslator(locale)));
  return t;
}

export interface EditionModels {
  pack: PackDoc;
  models: Partial<Record<Locale, EditionModel>>;
  reports: EditionReport[];
}

/** Resolves the pack and builds the language models an edition needs (no layout yet: fast). */
export function editionModels(doc: LibraryDocument, packRef: string, locales: readonly Locale[]): EditionModels {
  const pack = resolvePack(doc, packRef);
  const models: Partial<Record<Locale, EditionModel>> = {};
  const reports: EditionReport[] = [];
  for (const locale of locales) {
    const texts = new EditionTexts(locale);
    models[locale] = buildEditionModel(doc, pack, texts, pdfTranslator(locale));
    reports.push(texts.report);
  }
  return { pack, models, reports };
}

export function localesOf(edition: Edition): readonly Locale[] {
  return edition === 'parallel' ? LOCALES : [edition];
}

export function editionDefinition(doc: LibraryDocument, packRef: string, edition: Edition, options: DocumentOptions): {
  definition: TDocumentDefinitions;
  reports: EditionReport[];
} {
  const { pack, models, reports } = editionModels(doc, packRef, localesOf(edition));
  const definition =
    edition === 'parallel'
      ? parallelDocument(
          models as Record<Locale, EditionModel>,
          pack,
          { en: pdfTranslator('en'), fr: pdfTranslator('fr'), es: pdfTranslator('es') },
          options,
        )
      : editionDocument(models[edition]!, pack, pdfTranslator(edition), options);
  return { definition, reports };
}

export interface BuiltEdition {
  edition: Edition;
  bytes: Buffer;
  pages: number;
  reports: EditionReport[];
}

/** Lays out and renders one edition: the CPU-heavy part, run in a worker by the service. */
export async function buildEdition(
  doc: LibraryDocument,
  packRef: string,
  edition: Edition,
  options: DocumentOptions,
): Promise<BuiltEdition> {
  const { definition, reports } = editionDefinition(doc, packRef, edition, options);
  const { bytes, pages } = await renderPdf(definition);
  return { edition, bytes, pages, reports };
}
