import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../shared/api/apiContract';
import type { DeleteResult } from '../../../../shared/api/deleteTypes';
import { getApi } from '../../api/getApi';
import { toApiError, unwrap } from '../../api/ApiFailure';
import { useApiQuery } from '../../api/useApiQuery';
import { Dialog } from '../../components/Dialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useUiLocale } from '../../components/useUiLocale';
import { ReferenceList } from './ReferenceList';
import { notifyLibraryChanged } from './libraryRevision';
import './trash.css';

/**
 * Asks before deleting any piece, showing by title what refers to it: then the choice is to
 * remove those references and delete, or cancel. A reference the other piece cannot do without
 * (a meeting's host country) is shown as the thing to change first; nothing is deleted then.
 */
export function DeleteDialog({
  id,
  onDeleted,
  onCancel,
  testId = 'delete-piece-dialog',
}: {
  id: string;
  testId?: string;
  onDeleted: (result: DeleteResult) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const locale = useUiLocale();
  const refs = useApiQuery(`references:${id}:${locale}`, () => getApi()['library.references']({ id, locale }));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const data = refs.data;
  const references = data?.references ?? [];
  const required = references.filter((r) => r.required);
  const blocked = required.length > 0;

  const remove = async () => {
    setBusy(true);
    try {
      const result = unwrap(await getApi()['library.delete']({ id, locale, removeReferences: references.length > 0 }));
      notifyLibraryChanged();
      onDeleted(result);
    } catch (caught) {
      setError(toApiError(caught));
      setBusy(false);
    }
  };

  const title = data ? t('ui:delete.title', { title: data.piece.title }) : t('ui:delete.titleLoading');
  return (
    <Dialog
      title={title}
      confirmLabel={references.length > 0 ? t('ui:delete.removeAndDelete') : t('ui:actions.delete')}
      danger
      busy={busy || !data || blocked}
      testId={testId}
      onCancel={onCancel}
      onConfirm={() => void remove()}
    >
      <ErrorAlert error={error ?? refs.error} />
      {!data ? (
        refs.error ? null : <p>{t('ui:loading')}</p>
      ) : blocked ? (
        <>
          <p data-testid="delete-blocked">{t('ui:delete.blocked', { count: required.length, title: data.piece.title })}</p>
          <ReferenceList references={required} testId="delete-required" />
        </>
      ) : references.length > 0 ? (
        <>
          <p data-testid="delete-used">{t('ui:delete.usedBy', { count: references.length, title: data.piece.title })}</p>
          <ReferenceList references={references} testId="delete-references" />
          <p className="hint">{t('ui:delete.removeHint')}</p>
        </>
      ) : (
        <p data-testid="delete-unused">{t('ui:delete.unused', { kind: t(`ui:pieceKind.${data.piece.kind}`), title: data.piece.title })}</p>
      )}
      {data && !blocked ? <p className="hint">{t('ui:delete.undoHint')}</p> : null}
    </Dialog>
  );
}
