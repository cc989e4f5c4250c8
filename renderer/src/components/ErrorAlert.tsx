import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../shared/api/apiContract';
import { describeApiError } from './describeApiError';

/** A failed call, translated in place: the message, then each problem it found. */
export function ErrorAlert({ error, testId = 'error' }: { error: ApiError | null; testId?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  const { message, problems } = describeApiError(error, t);
  return (
    <div className="alert alert-error" role="alert" data-testid={testId} tabIndex={-1}>
      <p className="alert-message">{message}</p>
      {problems.length > 1 ? (
        <ul className="alert-problems">
          {problems.map((p, i) => (
            <li key={i}>{p}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
