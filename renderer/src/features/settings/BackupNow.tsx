import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../shared/api/apiContract';
import { getApi } from '../../api/getApi';
import { ErrorAlert } from '../../components/ErrorAlert';

/** A backup now: SQLite's online backup in main, in the backups folder beside the library. */
export function BackupNow({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [state, setState] = useState<
    { phase: 'idle' | 'busy' } | { phase: 'done'; path: string; bytes: number } | { phase: 'failed'; error: ApiError }
  >({ phase: 'idle' });
  const run = async () => {
    setState({ phase: 'busy' });
    const result = await getApi()['app.backup']({});
    setState(result.ok ? { phase: 'done', ...result.value } : { phase: 'failed', error: result.error });
    if (result.ok) onDone();
  };
  return (
    <div className="backup">
      <button type="button" data-testid="backup-now" disabled={state.phase === 'busy'} onClick={() => void run()}>
        {state.phase === 'busy' ? t('ui:settings.backingUp') : t('ui:settings.backupNow')}
      </button>
      {state.phase === 'done' ? (
        <p role="status" data-testid="backup-done">
          {t('ui:settings.backupDone', { path: state.path, size: Math.round(state.bytes / 1024) })}
        </p>
      ) : null}
      {state.phase === 'failed' ? <ErrorAlert error={state.error} /> : null}
    </div>
  );
}
