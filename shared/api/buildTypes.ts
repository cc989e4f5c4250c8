import type { Locale } from '../domain/locales';
import type { ValidationProblem } from '../schemas/validationProblems';

export const LANGUAGE_MODES = ['en', 'fr', 'es', 'all', 'parallel'] as const;
export type LanguageMode = (typeof LANGUAGE_MODES)[number];
export type Edition = Locale | 'parallel';

export interface TextIssue {
  pieceId: string;
  field: string;
}

export interface EditionReport {
  locale: Locale;
  /** Shown in another language, marked as such. */
  missing: TextIssue[];
  /** Shown, but not approved yet. */
  draft: TextIssue[];
  /** Translated from a source text that has changed since. */
  stale: TextIssue[];
}

export interface BuiltFile {
  edition: Edition;
  file: string;
  pages: number;
  bytes: number;
  /** SHA-256 (hex) of the file as written. */
  sha256: string;
}

export interface BuildReport {
  pack: { id: string; slug: string };
  /** The build's record in the library (null when the build was not recorded). */
  buildId: string | null;
  files: BuiltFile[];
  /** Per language: texts shown from another language, drafts, and stale translations. */
  editions: EditionReport[];
  /**
   * What the layout had to warn about, by edition, piece and field: characters the embedded
   * fonts cannot show (printed as empty boxes), Markdown nesting cut to its limits. Translated
   * where shown (describeProblem), like validation problems.
   */
  warnings: ValidationProblem[];
}
