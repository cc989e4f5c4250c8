import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, ApiOutputs } from '../../../../shared/api/apiContract';
import { LANGUAGE_MODES, type LanguageMode } from '../../../../shared/api/buildTypes';
import type { PackDoc } from '../../../../shared/schemas/libraryDocument';
import { getApi } from '../../api/getApi';
import { toApiError, unwrap } from '../../api/ApiFailure';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useUiLocale } from '../../components/useUiLocale';
import { storedEditionLanguage } from '../../preferences/preferences';
import { BuildReportView } from './BuildReportView';
import type { LabelOf } from './pieceLabels';

type BuildState =
  | { phase: 'idle' }
  | { phase: 'building'; startedAt: number }
  | { phase: 'done'; result: ApiOutputs['packs.build'] }
  | { phase: 'failed'; error: ApiError }
  | { phase: 'cancelled' };

/**
 * Builds the pack's PDFs in main's workers. The build carries a job id chosen here, so the bar
 * can follow its progress and Cancel can stop it there (no file is written then).
 */
export function BuildPanel({
  pack,
  dirty,
  saving,
  onSave,
  labelOf,
}: {
  pack: PackDoc;
  dirty: boolean;
  saving: boolean;
  onSave: () => Promise<boolean>;
  labelOf: LabelOf;
}) {
  const { t } = useTranslation();
  const locale = useUiLocale();
  const id = useId();
  const [mode, setMode] = useState<LanguageMode>(() => storedEditionLanguage(locale));
  const [strict, setStrict] = useState(false);
  const [state, setState] = useState<BuildState>({ phase: 'idle' });
  const ticket = useRef(0);
  const job = useRef<string | null>(null);
  const [fraction, setFraction] = useState<number | null>(null);

  const build = async () => {
    const mine = ++ticket.current;
    if (dirty && !(await onSave())) return;
    if (mine !== ticket.current) return;
    setState({ phase: 'building', startedAt: Date.now() });
    const jobId = crypto.randomUUID();
    job.current = jobId;
    setFraction(null);
    const poll = setInterval(() => {
      void getApi()['packs.buildProgress']({ jobId }).then((r) => {
        if (r.ok && r.value.running && job.current === jobId) setFraction(r.value.fraction);
      });
    }, 250);
    try {
      const result = unwrap(await getApi()['packs.build']({ id: pack.id, mode, strict, jobId }));
      if (mine === ticket.current) setState({ phase: 'done', result });
    } catch (caught) {
      if (mine === ticket.current) setState({ phase: 'failed', error: toApiError(caught) });
    } finally {
      clearInterval(poll);
      if (job.current === jobId) job.current = null;
    }
  };

  const cancel = () => {
    if (job.current) void getApi()['packs.cancelBuild']({ jobId: job.current });
    job.current = null;
    ticket.current++;
    setState({ phase: 'cancelled' });
  };

  const building = state.phase === 'building';
  return (
    <section className="card build-panel" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('ui:build.title')}</h3>
      <div className="field-row build-controls">
        <div className="field">
          <label htmlFor={`${id}-mode`}>{t('ui:build.mode')}</label>
          <select id={`${id}-mode`} value={mode} data-testid="build-mode" disabled={building} onChange={(e) => setMode(e.target.value as LanguageMode)}>
            {LANGUAGE_MODES.map((m) => (
              <option key={m} value={m}>{t(`ui:buildMode.${m}`)}</option>
            ))}
          </select>
        </div>
        <label className="checkbox-field">
          <input type="checkbox" checked={strict} data-testid="build-strict" disabled={building} onChange={(e) => setStrict(e.target.checked)} />
          {t('ui:build.strict')}
        </label>
        <button type="button" className="button-primary" data-testid="build" disabled={building || saving} onClick={() => void build()}>
          {dirty ? t('ui:build.saveAndBuild') : t('ui:build.build')}
        </button>
      </div>
      <p className="hint">{t('ui:build.strictHint')}</p>
      {building ? (
        <div className="build-progress" data-testid="build-progress">
          {fraction === null ? (
            <progress aria-label={t('ui:build.building')} />
          ) : (
            <progress aria-label={t('ui:build.building')} max={1} value={fraction} />
          )}
          <span role="status">{t('ui:build.building')}</span>
          <button type="button" data-testid="build-cancel" onClick={cancel}>
            {t('ui:actions.cancel')}
          </button>
        </div>
      ) : null}
      {state.phase === 'cancelled' ? <p role="status" className="hint">{t('ui:build.cancelled')}</p> : null}
      {state.phase === 'failed' ? <ErrorAlert error={state.error} /> : null}
      {state.phase === 'done' ? <BuildReportView report={state.result.report} pdfs={state.result.pdfs} labelOf={labelOf} /> : null}
    </section>
  );
}
