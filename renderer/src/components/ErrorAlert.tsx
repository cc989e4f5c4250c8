import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../shared/api/apiContract';
import { getApi } from '../api/getApi';
import { describeApiError } from './describeApiError';

/** Errors after which the open library can only be rescued by copying it elsewhere. */
const LIBRARY_MISSING = new Set(['db.libraryGone', 'db.libraryReplaced']);

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
      {LIBRARY_MISSING.has(error.code) ? <SaveLibraryCopy /> : null}
    </div>
  );
}

/** The way out when the library's file was deleted or replaced: the open state, copied elsewhere. */
function SaveLibraryCopy() {
  const { t } = useTranslation();
  const [state, setState] = useState<{ busy: boolean; note: string | null; failure: ApiError | null }>({
    busy: false,
    note: null,
    failure: null,
  });
  const save = async () => {
    setState({ busy: true, note: null, failure: null });
    const result = await getApi()['app.saveCopy']({});
    if (!result.ok) setState({ busy: false, note: null, failure: result.error });
    else if (result.value === null) setState({ busy: false, note: t('ui:libraryCopy.cancelled'), failure: null });
    else setState({ busy: false, note: t('ui:libraryCopy.saved', { path: result.value.path }), failure: null });
  };
  return (
    <div className="alert-actions">
      <button type="button" className="button-primary" data-testid="save-library-copy" disabled={state.busy} onClick={() => void save()}>
        {state.busy ? t('ui:libraryCopy.saving') : t('ui:libraryCopy.save')}
      </button>
      {state.note ? (
        <p className="alert-note" role="status" data-testid="library-copy-note">
          {state.note}
        </p>
      ) : null}
      {state.failure ? <p className="alert-note">{describeApiError(state.failure, t).message}</p> : null}
    </div>
  );
}
