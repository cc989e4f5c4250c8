import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../shared/api/apiContract';
import type { PackDoc } from '../../../../shared/schemas/libraryDocument';
import { getApi } from '../../api/getApi';
import { toApiError, unwrap } from '../../api/ApiFailure';
import { Dialog } from '../../components/Dialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Field } from '../../components/Field';

/** packs.duplicate under a new slug. */
export function DuplicatePackDialog({
  pack,
  onDone,
  onCancel,
}: {
  pack: { id: string; slug: string; title: string };
  onDone: (copy: PackDoc) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [slug, setSlug] = useState(`${pack.slug}-copy`.slice(0, 64));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const duplicate = async () => {
    setBusy(true);
    try {
      onDone(unwrap(await getApi()['packs.duplicate']({ id: pack.id, slug })));
    } catch (caught) {
      setError(toApiError(caught));
      setBusy(false);
    }
  };
  return (
    <Dialog title={t('ui:packs.duplicateTitle', { title: pack.title })} confirmLabel={t('ui:packs.duplicate')} busy={busy} testId="duplicate-dialog" onCancel={onCancel} onConfirm={() => void duplicate()}>
      <ErrorAlert error={error} />
      <Field label={t('ui:packs.newSlug')} hint={t('ui:packs.slugHint')} invalid={error !== null}>
        {(props) => <input {...props} type="text" value={slug} maxLength={64} onChange={(e) => setSlug(e.target.value)} data-testid="duplicate-slug" />}
      </Field>
    </Dialog>
  );
}
