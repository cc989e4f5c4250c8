import { LIBRARY_COLLECTIONS, type LibraryCollection } from '../../../../shared/schemas/libraryCollections';
import { kindOfCollection } from '../../../../shared/domain/pieceReferences';
import { recordTitle } from '../../../../shared/descriptors/pieceTitle';
import type { Locale } from '../../../../shared/domain/locales';
import type { ValidationProblem } from '../../../../shared/schemas/validationProblems';
import { describeFieldProblem } from '../../components/describeFieldProblem';

type Translate = (key: string, values?: Record<string, unknown>) => string;

export interface DescribedProblem {
  /** The record by kind and title as the file names it ("Note “Border security”"), or by number. */
  record: string | null;
  /** The field by its label and what is wrong with it. */
  message: string;
  /** For the details area: where in the file, with the record's id. */
  technical: string;
}

const isCollection = (value: unknown): value is LibraryCollection =>
  typeof value === 'string' && (LIBRARY_COLLECTIONS as readonly string[]).includes(value);

/** The file as the user chose it, if it is JSON at all (the server said what is wrong with it). */
export function parseLoosely(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Each problem of an import named by its record (kind and title in the file) and field label. */
export function describeImportProblems(
  problems: readonly ValidationProblem[],
  file: Record<string, unknown> | null,
  locale: Locale,
  t: Translate,
): DescribedProblem[] {
  return problems.map((problem) => {
    const [collection, index] = problem.path;
    let record: string | null = null;
    if (isCollection(collection) && typeof index === 'number') {
      const kind = t(`ui:pieceKind.${kindOfCollection(collection)}`);
      const list = file?.[collection];
      const raw = Array.isArray(list) ? (list[index] as unknown) : undefined;
      let title: string | null = null;
      if (raw !== null && typeof raw === 'object') {
        try {
          const named = recordTitle(kindOfCollection(collection), raw, locale).text;
          // A record with no usable title falls back to its id, which is for the details area.
          title = named && named !== problem.recordId ? named : null;
        } catch {
          title = null;
        }
      }
      record = title ? t('ui:libraryFile.recordNamed', { kind, title }) : t('ui:libraryFile.recordNumber', { kind, n: index + 1 });
    }
    const where = problem.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('').replace(/^\./, '');
    return {
      record,
      message: describeFieldProblem(problem, t),
      technical: problem.recordId ? `${where} (${problem.recordId})` : where,
    };
  });
}
