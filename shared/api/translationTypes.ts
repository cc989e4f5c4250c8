import type { Locale } from '../domain/locales';
import type { PieceKind, StoredTextStatus } from '../domain/pieceKinds';
import type { TranslationState } from '../domain/translationState';

export const TRANSLATION_STATES = ['missing', 'stale', 'draft', 'approved'] as const satisfies readonly TranslationState[];

/** Kinds whose texts a translator works on (sections are listed with their pack). */
export const TRANSLATABLE_KINDS = [
  'priority',
  'instrument',
  'note',
  'country',
  'meeting',
  'network',
  'source',
  'pack',
  'section',
] as const satisfies readonly PieceKind[];
export type TranslatableKind = (typeof TRANSLATABLE_KINDS)[number];

/** One text (a piece's field) to translate from one language into another. */
export interface TranslationUnit {
  pieceId: string;
  kind: PieceKind;
  field: string;
  /** The piece's title in the source language (or the best available), for context. */
  title: string;
  source: string;
  /** SHA-256 of `source`: saving sends it back, so a source changed meanwhile is caught. */
  sourceHash: string;
  target: string | null;
  state: TranslationState;
  /** The language the stored translation was made from (may differ from the chosen source). */
  targetFrom: Locale | null;
  /** For a stale text: the source as it was when translated, when the library still has it. */
  previousSource: string | null;
  approvedBy: string | null;
  approvedAt: string | null;
  /** Slugs of the packs the piece appears in. */
  packs: string[];
}

export interface StateCounts {
  missing: number;
  stale: number;
  draft: number;
  approved: number;
  total: number;
}

export interface TranslationProgress {
  /** Every text in the chosen scope (kind, pack), its state in each language; originals count with their status. */
  byLocale: Record<Locale, StateCounts>;
  /** The chosen target language, by kind. */
  byKind: Partial<Record<PieceKind, StateCounts>>;
}

/** A unit the pack lacks in one edition language before `build --strict` can succeed. */
export interface StrictBlocker {
  locale: Locale;
  pieceId: string;
  field: string;
  state: 'missing' | 'stale';
}

/**
 * A unit as the translator's list shows it: its texts cut to their first EXCERPT_CHARS
 * characters. The editor asks for the whole unit (`translation.unit`) when it opens one.
 */
export interface TranslationUnitSummary
  extends Pick<TranslationUnit, 'pieceId' | 'kind' | 'field' | 'title' | 'state' | 'targetFrom' | 'approvedBy' | 'approvedAt' | 'packs'> {
  sourceExcerpt: string;
  targetExcerpt: string | null;
}

/** Summaries for the API's list; whole units where the texts themselves are needed (XLIFF export). */
export interface TranslationUnitsResult<Unit = TranslationUnitSummary> {
  units: Unit[];
  progress: TranslationProgress;
  /** Only when a pack was chosen: what `--strict` would refuse, in every language of the pack. */
  strictBlockers: StrictBlocker[] | null;
}

/** The namespaces translators may edit in the app (the CLI's own strings are not bundled there). */
export const EDITABLE_NAMESPACES = ['ui', 'common', 'errors', 'pdf'] as const;
export type EditableNamespace = (typeof EDITABLE_NAMESPACES)[number];

/** One interface string: bundled, or overridden by a translator in this library. */
export interface UiStringUnit {
  namespace: EditableNamespace;
  /** Flattened i18next key, `menu.file` or `pack.count_many`. */
  key: string;
  source: string;
  sourceHash: string;
  /** What the interface shows now in the target language (override, else bundled), null if neither. */
  target: string | null;
  bundled: string | null;
  overridden: boolean;
  state: TranslationState;
  previousSource: string | null;
  updatedBy: string | null;
  updatedAt: string | null;
}

export interface UiStringOverride {
  namespace: EditableNamespace;
  key: string;
  locale: Locale;
  value: string;
  status: StoredTextStatus;
}

/** What an XLIFF import did (or, with dryRun, would do). */
export interface XliffImportReport {
  dryRun: boolean;
  targetLocale: Locale;
  sourceLocale: Locale;
  units: number;
  applied: { approved: number; draft: number };
  unchanged: number;
  /** Units without a translation in the file. */
  untranslated: number;
  /** Units whose source changed in the library since the file was exported: not applied. */
  staleSource: { id: string; pieceId: string | null; field: string }[];
  /** Units the file marks final whose checks failed: applied as draft. */
  downgraded: { id: string; checks: string[] }[];
}
