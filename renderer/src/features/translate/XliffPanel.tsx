import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../shared/api/apiContract';
import type { XliffImportReport } from '../../../../shared/api/translationTypes';
import type { Locale } from '../../../../shared/domain/locales';
import { getApi } from '../../api/getApi';
import { toApiError, unwrap } from '../../api/ApiFailure';
import { downloadText } from '../../api/downloadText';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ImportReport } from './ImportReport';
import type { TranslateMode } from './workUnit';
import { readPickedFile } from '../../components/readPickedFile';

/**
 * The largest import main accepts (LIMITS.importFileBytes); not imported from shared/schemas,
 * which would bring zod into the renderer. Checked here so a huge file is never read.
 */

type Phase =
  | { phase: 'idle' }
  | { phase: 'busy' }
  | { phase: 'review'; xml: string; fileName: string; report: XliffImportReport }
  | { phase: 'applied'; report: XliffImportReport };

/**
 * Exchange with outside translation tools: XLIFF out (the chosen languages and pack, or the
 * interface strings) and back in, first as a dry run whose report the user confirms; the
 * interface strings of a language also go out as i18next JSON.
 */
export function XliffPanel({
  mode,
  source,
  target,
  packId,
  disabled,
  onImported,
}: {
  mode: TranslateMode;
  source: Locale;
  target: Locale;
  packId: string;
  disabled: boolean;
  onImported: () => void;
}) {
  const { t } = useTranslation();
  const inputId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<Phase>({ phase: 'idle' });
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState('');

  const run = async (work: () => Promise<void>) => {
    setError(null);
    setNotice('');
    try {
      await work();
    } catch (caught) {
      setError(toApiError(caught));
      setState({ phase: 'idle' });
    }
  };

  const exportXliff = () =>
    run(async () => {
      setState({ phase: 'busy' });
      const out = unwrap(
        await getApi()['translation.exportXliff']({ source, target, packId: mode === 'library' ? packId || null : null, ui: mode === 'ui' }),
      );
      if (out.savedTo === null) downloadText(out.fileName, out.xml, 'application/x-xliff+xml');
      setNotice(
        out.savedTo === null
          ? t('ui:translate.xliff.downloaded', { file: out.fileName, count: out.units })
          : t('ui:translate.xliff.savedTo', { path: out.savedTo, count: out.units }),
      );
      setState({ phase: 'idle' });
    });

  const exportJson = () =>
    run(async () => {
      setState({ phase: 'busy' });
      const out = unwrap(await getApi()['uiStrings.exportJson']({ locale: target }));
      if (out.savedTo === null) downloadText(out.fileName, out.json, 'application/json');
      setNotice(
        out.savedTo === null
          ? t('ui:translate.json.downloaded', { file: out.fileName })
          : t('ui:translate.json.savedTo', { path: out.savedTo }),
      );
      setState({ phase: 'idle' });
    });

  const readFile = (file: File) =>
    run(async () => {
      const read = await readPickedFile(file, { tooLargeCode: 'xliff.tooLarge' });
      if (!read.ok) return setError(read.error);
      const xml = read.text;
      setState({ phase: 'busy' });
      const report = unwrap(await getApi()['translation.importXliff']({ xml, dryRun: true }));
      setState({ phase: 'review', xml, fileName: file.name, report });
    });

  const apply = (xml: string) =>
    run(async () => {
      setState({ phase: 'busy' });
      const report = unwrap(await getApi()['translation.importXliff']({ xml, dryRun: false }));
      setState({ phase: 'applied', report });
      onImported();
    });

  const busy = state.phase === 'busy';
  return (
    <section className="card tr-exchange" aria-labelledby="tr-exchange-heading">
      <h3 id="tr-exchange-heading">{t('ui:translate.xliff.title')}</h3>
      <div className="tr-exchange-actions">
        <button type="button" data-testid="tr-export-xliff" disabled={busy || disabled} onClick={() => void exportXliff()}>
          {mode === 'ui' ? t('ui:translate.xliff.exportUi') : t('ui:translate.xliff.export')}
        </button>
        {mode === 'ui' ? (
          <button type="button" data-testid="tr-export-json" disabled={busy} onClick={() => void exportJson()}>
            {t('ui:translate.json.export', { language: t(`ui:language.${target}`) })}
          </button>
        ) : null}
        <div className="field tr-import-field">
          <label htmlFor={inputId}>{t('ui:translate.xliff.import')}</label>
          <input
            ref={fileInput}
            id={inputId}
            type="file"
            accept=".xlf,.xliff,.xml,application/x-xliff+xml,application/xml,text/xml"
            data-testid="tr-import-xliff"
            disabled={busy}
            aria-describedby={`${inputId}-hint`}
            onChange={(e) => {
              const file = e.target.files?.[0];
              // Cleared so that choosing the same file again (after fixing it) is seen as a change.
              e.target.value = '';
              if (file) void readFile(file);
            }}
          />
          <span id={`${inputId}-hint`} className="hint">
            {t('ui:translate.xliff.importHint')}
          </span>
        </div>
      </div>
      <p className="tr-notice" role="status" data-testid="tr-exchange-status">
        {busy ? t('ui:translate.xliff.working') : notice}
      </p>
      <ErrorAlert error={error} testId="tr-import-error" />
      {state.phase === 'review' ? (
        <div className="tr-import-review">
          <ImportReport report={state.report} />
          <div className="tr-import-buttons">
            <button type="button" className="button-primary" data-testid="tr-import-apply" onClick={() => void apply(state.xml)}>
              {t('ui:translate.import.apply', { file: state.fileName })}
            </button>
            <button
              type="button"
              data-testid="tr-import-cancel"
              onClick={() => {
                setState({ phase: 'idle' });
                fileInput.current?.focus();
              }}
            >
              {t('ui:actions.cancel')}
            </button>
          </div>
        </div>
      ) : null}
      {state.phase === 'applied' ? <ImportReport report={state.report} /> : null}
    </section>
  );
}
