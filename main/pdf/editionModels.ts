import { LOCALES, type Locale } from '../../shared/domain/locales';
import { createTranslator, type Translate } from '../../shared/locales/createTranslator';
import type { LibraryDocument, PackDoc } from '../../shared/schemas/libraryDocument';
import type { Edition } from '../../shared/api/buildTypes';
import { EditionTexts, type EditionReport } from './EditionTexts';
import { buildEditionModel, type EditionModel } from './packBlocks';
import { resolvePack } from './resolvePack';

/*
 * The language models of an edition, without pdfmake: the service resolves packs and checks
 * texts on its own thread with these, and only the build worker loads the PDF engine.
 */

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
