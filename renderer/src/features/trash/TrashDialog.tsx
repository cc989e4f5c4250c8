import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../shared/api/apiContract';
import type { RestoreResult } from '../../../../shared/api/deleteTypes';
import { getApi } from '../../api/getApi';
import { toApiError, unwrap } from '../../api/ApiFailure';
import { useApiQuery } from '../../api/useApiQuery';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useModalDialog } from '../../components/useModalDialog';
import { useUiLocale } from '../../components/useUiLocale';
import { formatWhen } from '../../components/formatWhen';
import { notifyLibraryChanged, useLibraryRevision } from './libraryRevision';
import './trash.css';

/** "Recently deleted": every piece deleted since the app opened, newest first, each restorable. */
export function TrashDialog({ onClose, onRestored }: { onClose: () => void; onRestored?: (result: RestoreResult) => void }) {
  const { t } = useTranslation();
  const locale = useUiLocale();
  const revision = useLibraryRevision();
  const trash = useApiQuery(`trash:${locale}:${revision}`, () => getApi()['library.trash']({ locale }));
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState('');
  const ref = useRef<HTMLDialogElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useModalDialog(ref);

  const restore = async (trashId: string) => {
    setBusy(trashId);
    try {
      const result = unwrap(await getApi()['library.restore']({ trashId, locale }));
      setNotice(
        result.droppedReferences > 0
          ? t('ui:trash.restoredDropped', { title: result.piece.title, count: result.droppedReferences })
          : t('ui:trash.restored', { title: result.piece.title }),
      );
      setError(null);
      notifyLibraryChanged();
      onRestored?.(result);
      // Its row is gone: focus goes to the heading, not to the page behind.
      heading.current?.focus();
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(null);
    }
  };

  const entries = trash.data ?? [];
  return (
    <dialog
      ref={ref}
      className="dialog trash-dialog"
      aria-labelledby="trash-heading"
      data-testid="trash-dialog"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <div className="dialog-frame">
      <h2 id="trash-heading" className="dialog-title" ref={heading} tabIndex={-1}>
        {t('ui:trash.title')}
      </h2>
      <div className="dialog-body">
        <p className="hint">{t('ui:trash.hint')}</p>
        <p role="status" className="count trash-notice">{notice}</p>
        <ErrorAlert error={error ?? trash.error} />
        {trash.data && entries.length === 0 ? <p data-testid="trash-empty">{t('ui:trash.empty')}</p> : null}
        <ul className="trash-list">
          {entries.map((entry) => (
            <li key={entry.trashId} className="trash-row" data-testid={`trash-${entry.piece.id}`}>
              <span className="trash-main">
                <span>
                  <span className="reference-kind">{t(`ui:pieceKind.${entry.piece.kind}`)}</span>{' '}
                  <span lang={entry.piece.titleLocale}>{t('ui:delete.quoted', { title: entry.piece.title })}</span>
                </span>
                <span className="row-details">
                  {t('ui:trash.deletedAt', { when: formatWhen(entry.deletedAt, locale) })}
                  {entry.removedReferences > 0 ? ` · ${t('ui:trash.references', { count: entry.removedReferences })}` : ''}
                </span>
              </span>
              <button
                type="button"
                disabled={busy !== null}
                onClick={() => void restore(entry.trashId)}
                aria-label={t('ui:trash.restoreNamed', { title: entry.piece.title })}
                data-testid={`restore-${entry.piece.id}`}
              >
                {t('ui:trash.restore')}
              </button>
            </li>
          ))}
        </ul>
      </div>
      <div className="dialog-actions">
        <button type="button" onClick={onClose} data-testid="trash-close">
          {t('ui:trash.close')}
        </button>
      </div>
      </div>
    </dialog>
  );
}
