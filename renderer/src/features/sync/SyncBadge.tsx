import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { getApi } from '../../api/getApi';
import { useApiQuery } from '../../api/useApiQuery';
import { useNavigation } from '../../navigation/NavigationProvider';
import { onSyncChanged } from './syncEvents';

/** The header's count of open sync conflicts: shown only while some remain; opens the Sync screen. */
export function SyncBadge() {
  const { t } = useTranslation();
  const { navigate } = useNavigation();
  const status = useApiQuery('sync.status', () => getApi()['sync.status']({}));
  const { reload } = status;
  useEffect(() => onSyncChanged(reload), [reload]);
  const open = status.data?.openConflicts ?? 0;
  return (
    <p className="sync-badge" role="status" aria-live="polite">
      {open > 0 ? (
        <button type="button" className="sync-badge-button" data-testid="sync-conflict-count" onClick={() => navigate({ screen: 'sync' })}>
          {t('ui:sync.openCount', { count: open })}
        </button>
      ) : null}
    </p>
  );
}
