import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../shared/api/apiContract';
import type { TermbaseImportReport } from '../../../../shared/terms/termbaseImportReport';
import { getApi } from '../../api/getApi';
import { downloadText } from '../../api/downloadText';
import { ErrorAlert } from '../../components/ErrorAlert';
import { readPickedFile } from '../../components/readPickedFile';

/** The termbase out as TBX for CAT tools, and a TBX file in, all or nothing (terms arrive as drafts). */
export function TbxPanel({ onImported }: { onImported: () => void }) {
  const { t } = useTranslation();
  const inputId = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [status, setStatus] = useState('');
  const [report, setReport] = useState<TermbaseImportReport | null>(null);

  const exportTbx = async () => {
    setBusy(true);
    setError(null);
    const result = await getApi()['terms.exportTbx']({});
    setBusy(false);
    if (!result.ok) return setError(result.error);
    if (result.value.savedTo === null) downloadText(result.value.fileName, result.value.xml, 'application/x-tbx+xml');
    setStatus(
      result.value.savedTo === null
        ? t('ui:terms.tbx.downloaded', { count: result.value.concepts, file: result.value.fileName })
        : t('ui:terms.tbx.savedTo', { count: result.value.concepts, path: result.value.savedTo }),
    );
  };

  const importTbx = async (file: File) => {
    setError(null);
    setReport(null);
    setStatus('');
    const read = await readPickedFile(file, { tooLargeCode: 'tbx.tooLarge' });
    if (!read.ok) return setError(read.error);
    const xml = read.text;
    setBusy(true);
    const result = await getApi()['terms.importTbx']({ xml });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setReport(result.value);
    onImported();
  };

  return (
    <section className="terms-exchange" aria-labelledby={`${inputId}-heading`}>
      <h3 id={`${inputId}-heading`}>{t('ui:terms.tbx.title')}</h3>
      <div className="terms-toolbar">
        <button type="button" data-testid="terms-export-tbx" disabled={busy} onClick={() => void exportTbx()}>
          {t('ui:terms.tbx.export')}
        </button>
        <label htmlFor={inputId}>
          {t('ui:terms.tbx.import')}
          <input
            id={inputId}
            type="file"
            accept=".tbx,.xml,application/x-tbx+xml,application/xml,text/xml"
            data-testid="terms-import-tbx"
            disabled={busy}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void importTbx(file);
            }}
          />
        </label>
      </div>
      <p role="status" className="hint" data-testid="terms-tbx-status">
        {report ? t('ui:terms.tbx.imported', { ...report }) : status}
      </p>
      {report?.conflicts.length ? <ConflictList conflicts={report.conflicts} /> : null}
      <ErrorAlert error={error} testId="terms-tbx-error" />
    </section>
  );
}

/** Terms one concept forbids and another allows: translators would be told both. */
export function ConflictList({ conflicts }: { conflicts: TermbaseImportReport['conflicts'] }) {
  const { t } = useTranslation();
  return (
    <div className="alert alert-error" data-testid="terms-conflicts">
      <p className="alert-message">{t('ui:terms.conflicts.title')}</p>
      <ul>
        {conflicts.map((c) => (
          <li key={`${c.locale}-${c.term}-${c.forbiddenIn}`}>{t('ui:terms.conflicts.line', { ...c })}</li>
        ))}
      </ul>
    </div>
  );
}
