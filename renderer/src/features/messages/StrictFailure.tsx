import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../shared/api/apiContract';
import { isLocale } from '../../../../shared/domain/locales';
import { TextIssueList, type NamedIssue } from './TextIssueList';
import { usePieceNames } from './usePieceNames';

/**
 * A strict (or approved-only) build refused: what is missing or out of date, each text by piece title, field label and
 * language in words, with a link to it — not the command line's message with its flag and ids.
 */
export function StrictFailure({ error }: { error: ApiError }) {
  const { t } = useTranslation();
  const byState = useMemo(() => {
    const missing: NamedIssue[] = [];
    const stale: NamedIssue[] = [];
    const draft: NamedIssue[] = [];
    for (const p of error.problems) {
      const { piece, field, locale } = p.values;
      if (typeof piece !== 'string' || typeof field !== 'string' || typeof locale !== 'string' || !isLocale(locale)) continue;
      (p.key.endsWith('.stale') ? stale : p.key.endsWith('.draft') ? draft : missing).push({ pieceId: piece, field, locale });
    }
    return { missing, stale, draft };
  }, [error]);
  const refused = error.code === 'build.notApproved' ? 'ui:issues.notApprovedRefused' : 'ui:issues.strictRefused';
  const names = usePieceNames(useMemo(() => error.problems.map((p) => String(p.values.piece ?? '')), [error]));
  return (
    <div className="alert alert-error" role="alert" data-testid="strict-failure" tabIndex={-1}>
      <p className="alert-message">{t(refused, { count: error.problems.length })}</p>
      {byState.missing.length > 0 ? (
        <>
          <p>{t('ui:issues.missing', { count: byState.missing.length })}</p>
          <TextIssueList issues={byState.missing} names={names} testId="strict-missing" />
        </>
      ) : null}
      {byState.stale.length > 0 ? (
        <>
          <p>{t('ui:issues.stale', { count: byState.stale.length })}</p>
          <TextIssueList issues={byState.stale} names={names} testId="strict-stale" />
        </>
      ) : null}
      {byState.draft.length > 0 ? (
        <>
          <p>{t('ui:issues.draft', { count: byState.draft.length })}</p>
          <TextIssueList issues={byState.draft} names={names} testId="strict-draft" />
        </>
      ) : null}
    </div>
  );
}
