import type { TFunction } from 'i18next';
import type { InstrumentKind } from './pieceKinds';

/*
 * Generated labels of a briefing document, in one place so that a test can render every one of
 * them for every kind in every language. French and Spanish labels agree with what they describe:
 * the instrument kind is the i18next context (`adopted_convention`: "adoptée", "adoptada"), and
 * lists are counted (`_one`, `_other`).
 */

/**
 * "Convention · adoptée en 2003 · Assemblée générale"; the year or body may be unknown. The
 * instrument's official title in the edition's language, when given, picks the kind's variant
 * the language has for the noun it starts with: a Spanish "Convenio" is a convention too, but
 * masculine where "Convención" is feminine ("Convenio · adoptado en 1999").
 */
export function instrumentFacts(
  t: TFunction,
  kind: InstrumentKind,
  year: number | null,
  adoptingBody: string | null,
  officialTitle: string | null = null,
): string[] {
  const context = kindVariant(t, kind, officialTitle);
  const facts = [t(`pdf:instrumentKind.${context}`)];
  if (year !== null) facts.push(t('pdf:adopted', { year, context }));
  else if (adoptingBody !== null) facts.push(t('pdf:adoptedUndated', { context }));
  if (adoptingBody !== null) facts.push(adoptingBody);
  return facts;
}

const NO_VARIANT = '\u0000';

/** `convention_convenio` when the locale names that variant (`instrumentKind.convention_convenio`), else the kind. */
function kindVariant(t: TFunction, kind: InstrumentKind, title: string | null): string {
  const word = title?.match(/^\p{L}+/u)?.[0]?.toLowerCase();
  if (!word) return kind;
  const variant = `${kind}_${word}`;
  return t(`pdf:instrumentKind.${variant}`, { defaultValue: NO_VARIANT }) === NO_VARIANT ? kind : variant;
}

/** "Roadmap priority 3", "Priorités 3, 4 de la feuille de route". */
export function roadmapPrioritiesLabel(t: TFunction, numbers: readonly (number | string)[], list = numbers.join(', ')): string {
  return t('pdf:roadmapPriorities', { list, count: numbers.length });
}

/** "Related instrument: X", "Instrumentos relacionados: X, Y". */
export function relatedInstrumentsLabel(t: TFunction, names: readonly string[], list = names.join(', ')): string {
  return t('pdf:relatedInstruments', { list, count: names.length });
}

/**
 * "Member of the Network…", "Membre du Réseau…", "Miembro de la Red…": the network's name as
 * it follows "of" (`ofName`) carries its own article and preposition; without one the label
 * names the network after a colon, which is right in every language.
 */
export function memberOfLabel(t: TFunction, name: string, ofName: string | null): string {
  return ofName ? t('pdf:memberOf', { ofNetwork: ofName }) : t('pdf:memberOfNamed', { network: name });
}
