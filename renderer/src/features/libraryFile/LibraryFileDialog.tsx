import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../shared/api/apiContract';
import type { LibraryImportReport } from '../../../../shared/api/libraryFileTypes';
import { LIBRARY_COLLECTIONS } from '../../../../shared/schemas/libraryCollections';
import { readPickedFile } from '../../components/readPickedFile';
import { getApi } from '../../api/getApi';
import { toApiError, unwrap } from '../../api/ApiFailure';
import { downloadText } from '../../api/downloadText';
import { describeApiError } from '../../components/describeApiError';
import { useModalDialog } from '../../components/useModalDialog';
import { useUiLocale } from '../../components/useUiLocale';
import { notifyLibraryChanged } from '../trash/libraryRevision';
import { describeImportProblems, parseLoosely } from './importProblems';
import '../trash/trash.css';
import './libraryFile.css';

type Chosen = { name: string; text: string };

/**
 * Library files in the app: export the whole library (a download, or the desktop app's save
 * dialog), or import one: first a dry run showing what would be added, updated and left as it is
 * per kind, and every problem by record and field; then Import writes it, all or nothing.
 */
export function LibraryFileDialog({ onClose, start = 'import' }: { onClose: () => void; start?: 'import' | 'export' }) {
  const { t } = useTranslation();
  const locale = useUiLocale();
  const ref = useRef<HTMLDialogElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const exportButton = useRef<HTMLButtonElement>(null);
  useModalDialog(ref);
  // showModal() focuses the first control; the one the user came for gets it instead.
  useEffect(() => (start === 'import' ? fileInput : exportButton).current?.focus(), [start]);
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [report, setReport] = useState<LibraryImportReport | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState('');

  const exportLibrary = async () => {
    setBusy(true);
    setError(null);
    try {
      const file = unwrap(await getApi()['library.exportFile']({}));
      const info = unwrap(await getApi()['app.info']({}));
      if (info.mode === 'browser') {
        downloadText(file.fileName, file.json, 'application/json');
        setNotice(t('ui:libraryFile.downloaded', { file: file.fileName }));
      } else {
        setNotice(file.savedTo ? t('ui:libraryFile.savedTo', { path: file.savedTo }) : t('ui:libraryFile.notSaved'));
      }
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  const dryRun = async (file: Chosen) => {
    setBusy(true);
    setReport(null);
    setError(null);
    setNotice('');
    try {
      setReport(unwrap(await getApi()['library.importFile']({ text: file.text, fileName: file.name, dryRun: true })));
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  const choose = async (list: FileList | null) => {
    const file = list?.[0];
    if (!file) return;
    const read = await readPickedFile(file, { tooLargeCode: 'import.fileTooLarge', name: file.name.slice(0, 255) || 'library.json' });
    if (!read.ok) {
      setReport(null);
      setChosen(null);
      setNotice('');
      setError(read.error);
      return;
    }
    const picked = { name: read.name, text: read.text };
    setChosen(picked);
    await dryRun(picked);
  };

  const apply = async () => {
    if (!chosen) return;
    setBusy(true);
    try {
      const done = unwrap(await getApi()['library.importFile']({ text: chosen.text, fileName: chosen.name, dryRun: false }));
      const changed = LIBRARY_COLLECTIONS.reduce((n, c) => n + done.counts[c].added + done.counts[c].updated, 0);
      setNotice(t('ui:libraryFile.imported', { file: chosen.name, count: changed }));
      setReport(null);
      setChosen(null);
      if (fileInput.current) fileInput.current.value = '';
      notifyLibraryChanged();
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  const problems = error && error.problems.length > 0 && chosen
    ? describeImportProblems(error.problems, parseLoosely(chosen.text), locale, t as never)
    : [];
  const changes = report ? LIBRARY_COLLECTIONS.reduce((n, c) => n + report.counts[c].added + report.counts[c].updated, 0) : 0;

  return (
    <dialog ref={ref} className="dialog library-file-dialog" aria-labelledby="library-file-heading" data-testid="library-file-dialog"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <div className="dialog-frame">
        <h2 id="library-file-heading" className="dialog-title">{t('ui:libraryFile.title')}</h2>
        <section className="library-file-part" aria-labelledby="library-export-heading">
          <h3 id="library-export-heading">{t('ui:libraryFile.exportHeading')}</h3>
          <p className="hint">{t('ui:libraryFile.exportHint')}</p>
          <div>
            <button type="button" onClick={() => void exportLibrary()} disabled={busy} data-testid="export-library" ref={exportButton}>
              {t('ui:libraryFile.export')}
            </button>
          </div>
        </section>
        <section className="library-file-part" aria-labelledby="library-import-heading">
          <h3 id="library-import-heading">{t('ui:libraryFile.importHeading')}</h3>
          <p className="hint">{t('ui:libraryFile.importHint')}</p>
          <div className="field">
            <label htmlFor={inputId}>{t('ui:libraryFile.chooseFile')}</label>
            <input ref={fileInput} id={inputId} type="file" accept=".json,application/json" data-testid="import-file"
              disabled={busy} onChange={(e) => void choose(e.target.files)} />
          </div>
          {error ? (
            <div className="alert alert-error" role="alert" data-testid="import-error" tabIndex={-1}>
              <p className="alert-message">
                {problems.length > 0
                  ? t('ui:libraryFile.problems', { file: chosen?.name ?? '', count: problems.length })
                  : describeApiError(error, t).message}
              </p>
              {problems.length > 0 ? (
                <>
                  <ul className="alert-problems" data-testid="import-problems">
                    {problems.map((p, i) => (
                      <li key={i}>
                        {p.record ? <strong>{p.record}</strong> : null}
                        {p.record ? ' — ' : null}
                        {p.message}
                      </li>
                    ))}
                  </ul>
                  <details className="technical">
                    <summary>{t('ui:libraryFile.details')}</summary>
                    <ul>
                      {problems.map((p, i) => (
                        <li key={i}><code>{p.technical}</code></li>
                      ))}
                    </ul>
                  </details>
                </>
              ) : null}
              <p className="hint">{t('ui:libraryFile.nothingChanged')}</p>
            </div>
          ) : null}
          {report ? (
            <div data-testid="import-report">
              <p role="status">{t('ui:libraryFile.dryRun', { file: report.file, count: changes })}</p>
              <table className="import-counts">
                <caption className="sr-only">{t('ui:libraryFile.countsCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('ui:libraryFile.kind')}</th>
                    <th scope="col">{t('ui:libraryFile.added')}</th>
                    <th scope="col">{t('ui:libraryFile.updated')}</th>
                    <th scope="col">{t('ui:libraryFile.unchanged')}</th>
                  </tr>
                </thead>
                <tbody>
                  {LIBRARY_COLLECTIONS.map((c) => (
                    <tr key={c} data-testid={`import-count-${c}`}>
                      <th scope="row">{t(`ui:libraryFile.collection.${c}`)}</th>
                      <td>{report.counts[c].added}</td>
                      <td>{report.counts[c].updated}</td>
                      <td>{report.counts[c].unchanged}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <div className="dialog-actions">
                <button type="button" className="button-primary" disabled={busy || changes === 0} onClick={() => void apply()} data-testid="apply-import">
                  {t('ui:libraryFile.import')}
                </button>
              </div>
            </div>
          ) : null}
          {!error && !report && busy ? <p role="status">{t('ui:libraryFile.checking')}</p> : null}
        </section>
        <p role="status" className="count library-file-notice" data-testid="library-file-notice">{notice}</p>
        <div className="dialog-actions">
          <button type="button" onClick={onClose} data-testid="library-file-close">{t('ui:trash.close')}</button>
        </div>
      </div>
    </dialog>
  );
}
