import type { LibraryDocument } from '../../../shared/schemas/libraryDocument';
import type { ErrorParams } from '../../../shared/errors/AppError';
import type { ValidationProblem } from '../../../shared/schemas/validationProblems';
import type { EditionReport } from '../EditionTexts';
import type { Edition } from '../buildEdition';
import type { Locale } from '../../../shared/domain/locales';
import type { StringOverrides } from '../../../shared/locales/createTranslator';
import type { BuildChangesResult } from '../../../shared/api/buildRecordTypes';

/** Main thread → worker: build one edition. */
export interface BuildJob {
  type: 'build';
  jobId: number;
  doc: LibraryDocument;
  pack: string;
  edition: Edition;
  paper: 'a4' | 'letter';
  /** One text for every edition, none (null), or each edition's own (undefined). */
  watermark: string | null | undefined;
  builtAt: string;
  strings: Partial<Record<Locale, StringOverrides>>;
  /** --strict: characters the fonts cannot show stop the build instead of a warning. */
  strict: boolean;
  /** "Changes since" an earlier build: the changes page and change bars (absent: none). */
  changes?: BuildChangesResult | null;
  /** A personalized copy: the recipient named in every footer (absent: none). */
  recipient?: string | null;
}

/** Worker → main thread. */
export type WorkerMessage =
  | { type: 'progress'; jobId: number; fraction: number }
  /** The text whose lines layout is building now (sent as it changes). */
  | { type: 'laying'; jobId: number; pieceId: string; field: string }
  | { type: 'done'; jobId: number; bytes: Uint8Array; pages: number; reports: EditionReport[]; warnings: ValidationProblem[] }
  | {
      type: 'failed';
      jobId: number;
      error: { code: string; params: ErrorParams; problems: ValidationProblem[] } | { message: string; stack?: string };
    };
