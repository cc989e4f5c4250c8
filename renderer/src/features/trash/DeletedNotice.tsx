import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../shared/api/apiContract';
import type { DeleteResult, RestoreResult } from '../../../../shared/api/deleteTypes';
import { getApi } from '../../api/getApi';
import { toApiError, unwrap } from '../../api/ApiFailure';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useUiLocale } from '../../components/useUiLocale';
import { notifyLibraryChanged } from './libraryRevision';
import './trash.css';

/** "“X” was deleted" with Undo, shown where the user is once a piece is deleted; it takes focus. */
export function DeletedNotice({
  deleted,
  onRestored,
  onDismiss,
}: {
  deleted: DeleteResult;
  onRestored: (result: RestoreResult) => void;
  onDismiss: () => void;
}) {
  const { t } = useTranslation();
  const locale = useUiLocale();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const undo = useRef<HTMLButtonElement>(null);
  // The Delete button that had focus is gone with its piece: the way back gets it.
  useEffect(() => undo.current?.focus(), [deleted.trashId]);

  const restore = async () => {
    setBusy(true);
    try {
      const result = unwrap(await getApi()['library.restore']({ trashId: deleted.trashId, locale }));
      notifyLibraryChanged();
      onRestored(result);
    } catch (caught) {
      setError(toApiError(caught));
      setBusy(false);
    }
  };

  return (
    <div className="deleted-notice" role="status" data-testid="deleted-notice">
      <p>
        {deleted.removedReferences > 0
          ? t('ui:delete.doneWithReferences', { title: deleted.piece.title, count: deleted.removedReferences })
          : t('ui:delete.done', { title: deleted.piece.title })}
      </p>
      <button ref={undo} type="button" className="button-primary" disabled={busy} onClick={() => void restore()} data-testid="undo-delete">
        {t('ui:delete.undo')}
      </button>
      <button type="button" className="button-link" onClick={onDismiss} data-testid="dismiss-deleted">
        {t('ui:delete.dismiss')}
      </button>
      <ErrorAlert error={error} />
    </div>
  );
}
