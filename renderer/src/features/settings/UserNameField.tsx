import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../shared/api/apiContract';
import { getApi } from '../../api/getApi';
import { ErrorAlert } from '../../components/ErrorAlert';

/** The name recorded with the translator's approvals, kept in the library. */
export function UserNameField({ current, onSaved }: { current: string | undefined; onSaved: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  // null until the stored name is known: the field is disabled until it shows that name.
  const [name, setName] = useState<string | null>(current ?? null);
  const [state, setState] = useState<{ phase: 'idle' | 'busy' | 'saved' } | { phase: 'failed'; error: ApiError }>({ phase: 'idle' });

  // The stored name arrives after the first render (app.info). The field stays disabled until it
  // holds that name (enabling it on `current` alone left one empty, enabled frame before the
  // name arrived, and typing then was joined to it: 'rootAna Pérez').
  useEffect(() => {
    if (current !== undefined) setName((shown) => shown ?? current);
  }, [current]);

  const save = async () => {
    setState({ phase: 'busy' });
    const result = await getApi()['app.setUserName']({ name: name ?? '' });
    if (result.ok) {
      setName(result.value.userName);
      setState({ phase: 'saved' });
      onSaved();
    } else setState({ phase: 'failed', error: result.error });
  };

  return (
    <form
      className="user-name"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <div className="field">
        <label htmlFor={id}>{t('ui:settings.userName')}</label>
        <input
          id={id}
          type="text"
          data-testid="settings-user-name"
          value={name ?? ''}
          disabled={name === null}
          maxLength={200}
          autoComplete="name"
          aria-describedby={`${id}-hint`}
          onChange={(e) => {
            setName(e.target.value);
            setState({ phase: 'idle' });
          }}
        />
        <span id={`${id}-hint`} className="hint">
          {t('ui:settings.userNameHint')}
        </span>
      </div>
      <div className="user-name-actions">
        <button type="submit" data-testid="settings-user-name-save" disabled={state.phase === 'busy' || (name ?? '').trim() === ''}>
          {t('ui:settings.userNameSave')}
        </button>
        <span role="status" data-testid="settings-user-name-state">
          {state.phase === 'saved' ? t('ui:settings.userNameSaved') : ''}
        </span>
      </div>
      {state.phase === 'failed' ? <ErrorAlert error={state.error} /> : null}
    </form>
  );
}
