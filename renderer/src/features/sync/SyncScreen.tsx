import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../shared/api/apiContract';
import type { SyncRunResult } from '../../../../shared/api/syncTypes';
import { getApi } from '../../api/getApi';
import { useApiQuery } from '../../api/useApiQuery';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatWhen } from '../../components/formatWhen';
import { useUiLocale } from '../../components/useUiLocale';
import { conflictsOfPiece } from '../../../../shared/translation/unitConflicts';
import { useNavigation } from '../../navigation/NavigationProvider';
import { ConflictCard } from './ConflictCard';
import { SyncCredentialsForm } from './SyncCredentialsForm';
import { announceSyncChanged } from './syncEvents';

/** Sharing the library with other offices: Sync now, where it syncs, and the conflicts to resolve. */
export function SyncScreen({ pieceId }: { pieceId?: string }) {
  const { t } = useTranslation();
  const { navigate } = useNavigation();
  const locale = useUiLocale();
  const remoteId = useId();
  const status = useApiQuery('sync.status', () => getApi()['sync.status']({}));
  const info = useApiQuery('app.info', () => getApi()['app.info']({}));
  const conflicts = useApiQuery(`sync.conflicts:${locale}`, () => getApi()['sync.conflicts']({ locale }));
  const [remote, setRemote] = useState('');
  const [run, setRun] = useState<{ phase: 'idle' | 'busy' } | { phase: 'done'; report: SyncRunResult } | { phase: 'failed'; error: ApiError }>({
    phase: 'idle',
  });

  const refresh = () => {
    status.reload();
    conflicts.reload();
    announceSyncChanged();
  };
  const sync = async () => {
    setRun({ phase: 'busy' });
    const address = remote.trim();
    const result = await getApi()['sync.run'](address ? { remote: address } : {});
    setRun(result.ok ? { phase: 'done', report: result.value } : { phase: 'failed', error: result.error });
    refresh();
  };

  const s = status.data;
  const shown = pieceId ? conflictsOfPiece(conflicts.data ?? [], pieceId) : conflicts.data;
  return (
    <section className="sync-screen" aria-labelledby="sync-heading">
      <h2 id="sync-heading">{t('ui:sync.title')}</h2>
      <section className="card" aria-labelledby="sync-share">
        <h3 id="sync-share">{t('ui:sync.share')}</h3>
        <p data-testid="sync-status">
          {s?.remote ? t('ui:sync.remoteIs', { url: s.remote }) : t('ui:sync.noRemote')}{' '}
          {s?.lastSync ? t('ui:sync.lastSync', { when: formatWhen(s.lastSync, locale) }) : s ? t('ui:sync.never') : null}
        </p>
        <div className="field">
          <label htmlFor={remoteId}>{t('ui:sync.remote')}</label>
          <input
            id={remoteId}
            data-testid="sync-remote"
            type="url"
            inputMode="url"
            placeholder="https://"
            value={remote}
            aria-describedby={`${remoteId}-hint`}
            onChange={(e) => setRemote(e.target.value)}
          />
          <p className="hint" id={`${remoteId}-hint`}>
            {t('ui:sync.remoteHint')}
          </p>
        </div>
        {info.data?.mode === 'desktop' ? <SyncCredentialsForm /> : null}
        <div className="sync-run-row">
          <button type="button" data-testid="sync-run" disabled={run.phase === 'busy'} onClick={() => void sync()}>
            {run.phase === 'busy' ? t('ui:sync.running') : t('ui:sync.run')}
          </button>
        </div>
        {run.phase === 'done' ? (
          <p role="status" data-testid="sync-done">
            {run.report.integrated === 'none' && !run.report.committedLocal && !run.report.pushed
              ? t('ui:sync.upToDate')
              : t('ui:sync.done', { changed: run.report.changedPieces, conflicts: run.report.newConflicts })}
          </p>
        ) : null}
        {run.phase === 'failed' ? <ErrorAlert error={run.error} testId="sync-error" /> : null}
        <ErrorAlert error={status.error} />
      </section>
      <section aria-labelledby="sync-conflicts-heading">
        <h3 id="sync-conflicts-heading">{t('ui:sync.conflictsHeading')}</h3>
        <ErrorAlert error={conflicts.error} />
        {pieceId && conflicts.data ? (
          <p data-testid="sync-piece-only">
            {t('ui:sync.pieceOnly', { count: shown?.length ?? 0, title: shown?.[0]?.title ?? pieceId })}{' '}
            <button type="button" className="button-link" data-testid="sync-show-all" onClick={() => navigate({ screen: 'sync' })}>
              {t('ui:sync.showAll', { count: conflicts.data.length })}
            </button>
          </p>
        ) : null}
        {shown && shown.length === 0 ? <p data-testid="sync-no-conflicts">{t('ui:sync.noConflicts')}</p> : null}
        <ul className="sync-conflict-list">
          {shown?.map((c) => <ConflictCard key={c.id} conflict={c} onResolved={refresh} />)}
        </ul>
      </section>
    </section>
  );
}
