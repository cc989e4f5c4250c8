import type { StoredTextStatus } from '../../../shared/domain/pieceKinds';
import { AppError } from '../../../shared/errors/AppError';
import { checkTranslation } from '../../../shared/translation/checkTranslation';
import type { TermContext } from '../../../shared/translation/checkTerms';

/**
 * The translator's checks as a gate: an empty text is never saved; an approval with a failing
 * check needs `force` (the translator confirmed). Given the termbase, its term checks are
 * among them. Throws before anything is written.
 */
export function assertApprovable(
  source: string,
  text: string,
  status: StoredTextStatus,
  force: boolean,
  where: { piece: string; field: string },
  terms?: TermContext,
): void {
  const checks = checkTranslation(source, text, terms);
  const empty = checks.some((c) => c.key === 'empty');
  if (empty || (status === 'approved' && checks.length > 0 && !force)) {
    throw new AppError(
      empty ? 'translation.empty' : 'translation.checksFailed',
      { ...where, count: checks.length },
      checks.map((c) => ({ path: [], key: `common:checks.${c.key}`, values: c.values })),
    );
  }
}
