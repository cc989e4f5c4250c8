import type { Locale } from '../../shared/domain/locales';
import type { Translate } from '../../shared/locales/createTranslator';

/*
 * What an edition says about its own translation: its original language always (on the cover),
 * and, when it holds drafts, out-of-date translations or texts shown in another language, a
 * short note with a legend for the marks it carries (statusMarks.ts). The note appears exactly
 * when one of those exists, and the legend has a line for each mark the edition uses.
 */

export interface EditionStatus {
  /** The language most texts were written in; null for an edition with no text. */
  original: Locale | null;
  draft: number;
  stale: number;
  /** The languages texts were shown in for lack of a translation, e.g. ['fr']. */
  fallbacks: Locale[];
}

export interface StatusNote {
  summary: string;
  legend: string[];
}

const names = new Map<string, Intl.DisplayNames>();
/** A language's name in the edition's language ("French", "français", "francés"). */
export function languageName(language: Locale, inLocale: Locale): string {
  let display = names.get(inLocale);
  if (!display) names.set(inLocale, (display = new Intl.DisplayNames([inLocale], { type: 'language' })));
  return display.of(language) ?? language;
}

export function hasStatusNote(status: EditionStatus): boolean {
  return status.draft > 0 || status.stale > 0 || status.fallbacks.length > 0;
}

/** The note, or null for an edition whose every text is approved, current and its own. */
export function statusNote(status: EditionStatus, locale: Locale, t: Translate, staleMark: string): StatusNote | null {
  if (!hasStatusNote(status)) return null;
  const original = status.original ?? locale;
  const language = languageName(original, locale);
  const summary =
    status.draft > 0
      ? original === locale
        ? t('pdf:status.draftOriginal')
        : t('pdf:status.draftTranslation', { language })
      : t('pdf:status.incomplete', { language });
  const legend = [
    ...status.fallbacks.map((l) => t('pdf:status.fallbackLegend', { mark: `[${l.toUpperCase()}]`, language: languageName(l, locale) })),
    ...(status.stale > 0 ? [t('pdf:status.staleLegend', { mark: `[${staleMark}]` })] : []),
  ];
  return { summary, legend };
}

/** The cover's lines: the original language, then the note's summary when there is one. */
export function coverStatus(status: EditionStatus, locale: Locale, t: Translate, note: StatusNote | null): string[] {
  const lines = status.original ? [t('pdf:status.original', { language: languageName(status.original, locale) })] : [];
  return note ? [...lines, note.summary] : lines;
}
