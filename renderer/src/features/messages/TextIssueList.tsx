import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../../shared/domain/locales';
import { FieldLink } from './FieldLink';
import type { PieceNames } from './usePieceNames';
import './messages.css';

export interface NamedIssue {
  pieceId: string;
  field: string;
  locale: Locale;
}

/** Texts that are missing or out of date, each a link to its field; the ids only in a details area. */
export function TextIssueList({ issues, names, testId }: { issues: readonly NamedIssue[]; names: PieceNames; testId?: string }) {
  return (
    <>
      <ul className="issue-list" data-testid={testId}>
        {issues.map((issue, i) => (
          <li key={`${issue.pieceId}|${issue.field}|${issue.locale}|${i}`}>
            <FieldLink
              piece={names.get(issue.pieceId)}
              fallbackTitle={names.ready ? undefined : '…'}
              pieceId={issue.pieceId}
              field={issue.field}
              locale={issue.locale}
            />
          </li>
        ))}
      </ul>
      <IdDetails ids={issues.map((i) => `${i.locale} · ${i.pieceId} · ${i.field}`)} />
    </>
  );
}

/** The identifiers behind a message, folded away: for those who look things up in files. */
export function IdDetails({ ids }: { ids: readonly string[] }) {
  const { t } = useTranslation();
  if (ids.length === 0) return null;
  return (
    <details className="id-details">
      <summary>{t('ui:issues.details')}</summary>
      <ul>
        {ids.map((id, i) => (
          <li key={i}><code>{id}</code></li>
        ))}
      </ul>
    </details>
  );
}
