import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../shared/api/apiContract';
import type { Distribution } from '../../../../shared/api/buildRecordTypes';
import { getApi } from '../../api/getApi';
import { toApiError } from '../../api/ApiFailure';
import { ErrorAlert } from '../../components/ErrorAlert';

/** Marks one build as distributed: recipients one a line; the main side trims and checks them. */
export function DistributeForm({ buildId, onDone }: { buildId: string; onDone: (recipients: Distribution[] | null) => void }) {
  const { t } = useTranslation();
  const [names, setNames] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    try {
      const r = await getApi()['packs.distribute']({ buildId, recipients: names.split('\n').slice(0, 500) });
      if (r.ok) onDone(r.value);
      else setError(r.error);
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="distribute-form"
      data-testid="distribute-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label>
        {t('ui:pastBuilds.recipients')}
        <textarea value={names} rows={3} onChange={(e) => setNames(e.target.value)} data-testid="distribute-names" />
      </label>
      {error ? <ErrorAlert error={error} /> : null}
      <button type="submit" disabled={busy} data-testid="distribute-save">
        {t('ui:pastBuilds.markDistributed')}
      </button>
      <button type="button" onClick={() => onDone(null)}>
        {t('ui:pastBuilds.cancel')}
      </button>
    </form>
  );
}
