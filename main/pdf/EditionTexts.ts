import type { Locale } from '../../shared/domain/locales';
import type { LocalizedDoc } from '../../shared/schemas/common';
import { pickText } from '../../shared/domain/pickText';
import { translationState } from '../../shared/domain/translationState';
import { hashSourceText } from '../db/textHash';
import type { EditionReport } from '../../shared/api/buildTypes';

/** A text as an edition shows it: `fallback` names the other language it came from. */
export interface EditionText {
  text: string;
  fallback: Locale | null;
  /** Translated from a source text that changed since: the mark (e.g. "out of date") it carries wherever it shows. */
  stale?: string;
  /** The piece and field it was read from: build messages about the text name them. */
  origin?: TextOrigin;
}

/** Where a text of the library comes from. */
export interface TextOrigin {
  pieceId: string;
  field: string;
}

export type { TextIssue, EditionReport } from '../../shared/api/buildTypes';

/** Picks every text of one edition and records what was missing, draft or stale. */
export class EditionTexts {
  /** `pieceId NUL field` of every text the edition uses: what a translator of this pack must cover. */
  readonly seen = new Set<string>();
  readonly report: EditionReport;
  /** How many of the texts used go back to each original language (the locale with no `from`). */
  readonly originals = new Map<Locale, number>();
  private readonly staleKeys = new Set<string>();
  /** The languages texts were shown in because this edition's was missing. */
  readonly fallbacks = new Set<Locale>();
  /** The edition's words for an out-of-date translation (the model sets it from the PDF strings). */
  staleMark = 'out of date';

  constructor(readonly locale: Locale) {
    this.report = { locale, missing: [], draft: [], stale: [] };
  }

  /** The language most of the edition's texts were written in; null when no text was used. */
  originalLanguage(): Locale | null {
    let best: Locale | null = null;
    for (const [locale, count] of this.originals) if (best === null || count > this.originals.get(best)!) best = locale;
    return best;
  }

  get(value: LocalizedDoc | null | undefined, pieceId: string, field: string): EditionText | null {
    const picked = pickText(value, this.locale);
    if (!picked) return null;
    const key = `${pieceId}\u0000${field}`;
    if (!this.seen.has(key)) {
      this.seen.add(key);
      const state = translationState(value, this.locale, hashSourceText);
      if (state === 'missing') this.report.missing.push({ pieceId, field });
      else if (state === 'stale') {
        this.report.stale.push({ pieceId, field });
        this.staleKeys.add(key);
      }
      else if (state === 'draft') this.report.draft.push({ pieceId, field });
      const root = originalOf(value!, picked.locale);
      this.originals.set(root, (this.originals.get(root) ?? 0) + 1);
    }
    const stale = picked.locale === this.locale && this.staleKeys.has(key);
    if (picked.locale !== this.locale) this.fallbacks.add(picked.locale);
    return {
      text: picked.text,
      fallback: picked.locale === this.locale ? null : picked.locale,
      ...(stale ? { stale: this.staleMark } : {}),
      origin: { pieceId, field },
    };
  }
}

/** The locale a text was first written in: follows `from` back to the text that has none. */
function originalOf(value: LocalizedDoc, locale: Locale): Locale {
  let current = locale;
  for (let step = 0; step < 3; step++) {
    const from = value[current]?.from;
    if (!from || !value[from]) break;
    current = from;
  }
  return current;
}
