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

  constructor(readonly locale: Locale) {
    this.report = { locale, missing: [], draft: [], stale: [] };
  }

  get(value: LocalizedDoc | null | undefined, pieceId: string, field: string): EditionText | null {
    const picked = pickText(value, this.locale);
    if (!picked) return null;
    const key = `${pieceId}\u0000${field}`;
    if (!this.seen.has(key)) {
      this.seen.add(key);
      const state = translationState(value, this.locale, hashSourceText);
      if (state === 'missing') this.report.missing.push({ pieceId, field });
      else if (state === 'stale') this.report.stale.push({ pieceId, field });
      else if (state === 'draft') this.report.draft.push({ pieceId, field });
    }
    return { text: picked.text, fallback: picked.locale === this.locale ? null : picked.locale, origin: { pieceId, field } };
  }
}
