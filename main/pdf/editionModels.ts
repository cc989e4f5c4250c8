import { LOCALES, type Locale } from '../../shared/domain/locales';
import { createTranslator, type StringOverrides, type Translate } from '../../shared/locales/createTranslator';
import type { LibraryDocument, PackDoc } from '../../shared/schemas/libraryDocument';
import type { Edition } from '../../shared/api/buildTypes';
import { EditionTexts, type EditionReport } from './EditionTexts';
import { buildEditionModel, type EditionModel, type EditionModelOptions } from './packBlocks';
import { resolvePack } from './resolvePack';

/*
 * The language models of an edition, without pdfmake: the service resolves packs and checks
 * texts on its own thread with these, and only the build worker loads the PDF engine.
 */

const translators = new Map<string, Translate>();
/** One translator per locale and set of overrides, made once: i18next set-up is not free. */
export function pdfTranslator(locale: Locale, overrides?: StringOverrides): Translate {
  const id = overrides && Object.keys(overrides).length > 0 ? `${locale}:${JSON.stringify(overrides)}` : locale;
  let t = translators.get(id);
  if (!t) {
    // Overrides change rarely; a long-running app must not keep every past set.
    if (translators.size > 32) translators.clear();
    translators.set(id, (t = createTranslator(locale, overrides)));
  }
  return t;
}

export interface EditionModels {
  pack: PackDoc;
  models: Partial<Record<Locale, EditionModel>>;
  reports: EditionReport[];
  /** Every text each edition uses, as `pieceId NUL field`: editions of one pack need not use the same. */
  usedBy: Partial<Record<Locale, Set<string>>>;
}

/** Resolves the pack and builds the language models an edition needs (no layout yet: fast). */
export function editionModels(
  doc: LibraryDocument,
  packRef: string,
  locales: readonly Locale[],
  strings: Partial<Record<Locale, StringOverrides>> = {},
  modelOptions: EditionModelOptions = {},
): EditionModels {
  const pack = resolvePack(doc, packRef);
  const models: Partial<Record<Locale, EditionModel>> = {};
  const reports: EditionReport[] = [];
  const usedBy: Partial<Record<Locale, Set<string>>> = {};
  for (const locale of locales) {
    const texts = new EditionTexts(locale);
    models[locale] = buildEditionModel(doc, pack, texts, pdfTranslator(locale, strings[locale]), modelOptions);
    reports.push(texts.report);
    usedBy[locale] = texts.seen;
  }
  return { pack, models, reports, usedBy };
}

export function localesOf(edition: Edition): readonly Locale[] {
  return edition === 'parallel' ? LOCALES : [edition];
}
