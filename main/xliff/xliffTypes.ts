/** What the XLIFF 2.0 layer writes and reads back; the translation service chooses the units. */

export type XliffState = 'initial' | 'translated' | 'reviewed' | 'final';

/** From least to most advanced: a unit is only as far along as its least advanced segment. */
export const XLIFF_STATES: readonly XliffState[] = ['initial', 'translated', 'reviewed', 'final'];

export interface XliffNote {
  category?: string;
  text: string;
}

export interface XliffUnitOut {
  id: string;
  source: string;
  target: string | null;
  state: XliffState;
  sourceHash: string;
  notes: XliffNote[];
  /** Termbase entries for terms the source holds (Glossary module, gls:). */
  glossary?: XliffGlossEntry[];
  /** The best translation-memory matches (Translation Candidates module, mtc:). */
  candidates?: XliffCandidate[];
}

export interface XliffGlossEntry {
  term: string;
  /** The concept's preferred and admitted terms in the target language. */
  translations: string[];
  /** Forbidden terms and the concept's note, for the translator. */
  definition: string | null;
}

export interface XliffCandidate {
  source: string;
  target: string;
  /** 0–100. */
  similarity: number;
  /** Where the match comes from: a piece and field, or an imported TMX file. */
  origin: string;
}

export interface XliffFileOut {
  id: string;
  notes: XliffNote[];
  units: XliffUnitOut[];
}

export interface XliffDocumentOut {
  srcLang: string;
  trgLang: string;
  files: XliffFileOut[];
}

export interface XliffUnitIn {
  fileId: string;
  id: string;
  /** Plain text with the original markup restored. */
  source: string;
  /**
   * Null when no segment has a target (or every target is empty). A segment left without a
   * target contributes its source text, and is counted in `untranslatedSegments`.
   */
  target: string | null;
  /** The least advanced state among the segments that have text to translate; 'initial' when absent. */
  state: XliffState;
  /** From our metadata, when the translation tool kept it. */
  sourceHash: string | null;
  /** Segments with text but no (or an empty) target, while other segments have one. */
  untranslatedSegments: number;
}

export interface XliffDocumentIn {
  /** As written in the file (e.g. es-419): the caller compares primary subtags. */
  srcLang: string;
  trgLang: string;
  units: XliffUnitIn[];
}
