import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../shared/api/apiContract';
import type { ExternalMemorySummary, TmxImportReport } from '../../../../shared/memory/memoryTypes';
import { getApi } from '../../api/getApi';
import { useApiQuery } from '../../api/useApiQuery';
import { Dialog } from '../../components/Dialog';
import { toApiError, unwrap } from '../../api/ApiFailure';
import { ErrorAlert } from '../../components/ErrorAlert';
import { readPickedFile } from '../../components/readPickedFile';

/** LIMITS.importFileBytes, as in XliffPanel: a file main would refuse is never read here. */

type Phase =
  | { phase: 'idle' }
  | { phase: 'busy' }
  | { phase: 'review'; xml: string; fileName: string; report: TmxImportReport }
  | { phase: 'applied'; report: TmxImportReport };

/**
 * A translation memory from another tool (Trados, memoQ, OmegaT) in as TMX: first checked whole
 * and summed up (pairs per language pair, what an import would replace), then imported on the
 * user's word. Its units join the memory's matches, apart from the library's own texts.
 */
export function TmxPanel() {
  const { t } = useTranslation();
  const inputId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<Phase>({ phase: 'idle' });
  const [error, setError] = useState<ApiError | null>(null);
  const imports = useApiQuery('memory-imports', () => getApi()['memory.imports']({}));
  const [removing, setRemoving] = useState<ExternalMemorySummary | null>(null);
  const [removed, setRemoved] = useState('');

  const run = async (work: () => Promise<void>) => {
    setError(null);
    try {
      await work();
    } catch (caught) {
      setError(toApiError(caught));
      setState({ phase: 'idle' });
    }
  };

  const readFile = (file: File) =>
    run(async () => {
      setState({ phase: 'idle' });
      const read = await readPickedFile(file, { tooLargeCode: 'tmx.tooLarge' });
      if (!read.ok) return setError(read.error);
      const xml = read.text;
      setState({ phase: 'busy' });
      const report = unwrap(await getApi()['memory.importTmx']({ fileName: file.name, xml, dryRun: true }));
      setState({ phase: 'review', xml, fileName: file.name, report });
    });

  const apply = (xml: string, fileName: string) =>
    run(async () => {
      setState({ phase: 'busy' });
      const report = unwrap(await getApi()['memory.importTmx']({ fileName, xml, dryRun: false }));
      setState({ phase: 'applied', report });
      setRemoved('');
      imports.reload();
    });

  const remove = (memory: ExternalMemorySummary) =>
    run(async () => {
      const out = unwrap(await getApi()['memory.removeImport']({ origin: memory.origin }));
      setRemoving(null);
      setState({ phase: 'idle' });
      setRemoved(t('ui:tmx.removed', { count: out.removed, origin: out.origin }));
      imports.reload();
    }).finally(() => setRemoving(null));

  const busy = state.phase === 'busy';
  return (
    <section className="card tr-exchange" aria-labelledby={`${inputId}-heading`} data-testid="tmx-panel">
      <h3 id={`${inputId}-heading`}>{t('ui:tmx.title')}</h3>
      <div className="field tr-import-field">
        <label htmlFor={inputId}>{t('ui:tmx.import')}</label>
        <input
          ref={fileInput}
          id={inputId}
          type="file"
          accept=".tmx,.xml,application/x-tmx+xml,application/xml,text/xml"
          data-testid="tmx-import"
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
          {t('ui:tmx.hint')}
        </span>
      </div>
      <p className="tr-notice" role="status" data-testid="tmx-status">
        {busy
          ? t('ui:translate.xliff.working')
          : state.phase === 'applied'
            ? t('ui:tmx.imported', { count: state.report.units, replaced: state.report.replaced, origin: state.report.origin })
            : removed}
      </p>
      <ErrorAlert error={error} testId="tmx-error" />
      {state.phase === 'review' ? (
        <div className="tr-import-review" data-testid="tmx-review">
          <p>{t('ui:tmx.wouldDo', { count: state.report.units, origin: state.report.origin })}</p>
          <ul data-testid="tmx-pairs">
            {state.report.pairs.map((p) => (
              <li key={`${p.source}-${p.target}`}>
                {t('ui:tmx.pair', { source: t(`ui:languageName.${p.source}`), target: t(`ui:languageName.${p.target}`), count: p.units })}
              </li>
            ))}
          </ul>
          {state.report.replaced > 0 ? <p data-testid="tmx-replaces">{t('ui:tmx.replaces', { count: state.report.replaced, origin: state.report.origin })}</p> : null}
          <div className="tr-import-buttons">
            <button type="button" className="button-primary" data-testid="tmx-apply" onClick={() => void apply(state.xml, state.fileName)}>
              {t('ui:tmx.apply', { file: state.report.origin })}
            </button>
            <button
              type="button"
              data-testid="tmx-cancel"
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
      {imports.data && imports.data.length > 0 ? (
        <>
          <h4 className="tmx-imports-heading">{t('ui:tmx.imports')}</h4>
          <ul className="tmx-imports" data-testid="tmx-imports">
            {imports.data.map((m) => (
              <li key={m.origin} data-testid="tmx-imported" data-origin={m.origin}>
                <span>
                  {t('ui:tmx.importedLine', {
                    origin: m.origin,
                    count: m.units,
                    pairs: m.pairs.map((p) => `${p.source} → ${p.target}`).join(', '),
                  })}
                </span>{' '}
                <button
                  type="button"
                  className="button-link"
                  data-testid="tmx-remove"
                  aria-label={t('ui:tmx.removeNamed', { origin: m.origin })}
                  onClick={() => setRemoving(m)}
                >
                  {t('ui:tmx.remove')}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <ErrorAlert error={imports.error} testId="tmx-imports-error" />
      {removing ? (
        <Dialog
          title={t('ui:tmx.removeAsk', { origin: removing.origin })}
          confirmLabel={t('ui:tmx.remove')}
          danger
          testId="tmx-remove-dialog"
          onCancel={() => setRemoving(null)}
          onConfirm={() => void remove(removing)}
        >
          <p>{t('ui:tmx.removeBody', { count: removing.units, origin: removing.origin })}</p>
        </Dialog>
      ) : null}
    </section>
  );
}
