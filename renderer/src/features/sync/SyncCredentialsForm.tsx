import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../shared/api/apiContract';
import { getApi } from '../../api/getApi';
import { ErrorAlert } from '../../components/ErrorAlert';

/** Desktop only: the account for the shared repository, handed to main to be encrypted by the OS. */
export function SyncCredentialsForm() {
  const { t } = useTranslation();
  const id = useId();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [state, setState] = useState<{ phase: 'idle' | 'busy' | 'saved' } | { phase: 'failed'; error: ApiError }>({ phase: 'idle' });
  const save = async () => {
    setState({ phase: 'busy' });
    const result = await getApi()['sync.saveCredentials']({ username, password });
    // The password leaves the screen once handed over: main keeps it, sealed.
    if (result.ok) setPassword('');
    setState(result.ok ? { phase: 'saved' } : { phase: 'failed', error: result.error });
  };
  return (
    <fieldset className="sync-credentials">
      <legend>{t('ui:sync.credentials')}</legend>
      <div className="field">
        <label htmlFor={`${id}-user`}>{t('ui:sync.username')}</label>
        <input id={`${id}-user`} data-testid="sync-username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-password`}>{t('ui:sync.password')}</label>
        <input
          id={`${id}-password`}
          data-testid="sync-password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </div>
      <div className="sync-run-row">
        <button type="button" data-testid="sync-save-credentials" disabled={state.phase === 'busy' || !username.trim() || !password} onClick={() => void save()}>
          {t('ui:sync.saveCredentials')}
        </button>
      </div>
      {state.phase === 'saved' ? <p role="status">{t('ui:sync.credentialsSaved')}</p> : null}
      {state.phase === 'failed' ? <ErrorAlert error={state.error} /> : null}
    </fieldset>
  );
}
