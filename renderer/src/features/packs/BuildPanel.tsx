import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, ApiOutputs } from '../../../../shared/api/apiContract';
import { LANGUAGE_MODES, type LanguageMode } from '../../../../shared/api/buildTypes';
import type { PackDoc } from '../../../../shared/schemas/libraryDocument';
import { getApi } from '../../api/getApi';
import { toApiError, unwrap } from '../../api/ApiFailure';
import { StrictFailure } from '../messages/StrictFailure';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useUiLocale } from '../../components/useUiLocale';
import { storedEditionLanguage } from '../../preferences/preferences';
import { BuildReportView } from './BuildReportView';
import { PastBuilds } from './PastBuilds';
import { ChangesSincePicker, type ChangesSinceChoice } from './ChangesSincePicker';

type BuildState =
  | { phase: 'idle' }
  | { phase: 'building'; startedAt: number }
  | { phase: 'done'; result: ApiOutputs['packs.build']; seconds: number }
  | { phase: 'failed'; error: ApiError }
  | { phase: 'cancelled' };

type EditionProgress = ApiOutputs['packs.buildProgress']['editions'];

/**
 * Builds the pack's PDFs in main's workers. The build carries a job id chosen here, so each
 * edition's bar can follow its progress and Cancel can stop it there (no file is written then).
 * Focus stays on the Build button while it runs (it is not disabled, only inert), then goes to
 * what came of it: the report, the error, or back to Build after a cancel.
 */
export function BuildPanel({
  pack,
  dirty,
  saving,
  onSave,
}: {
  pack: PackDoc;
  dirty: boolean;
  saving: boolean;
  onSave: () => Promise<boolean>;
}) {
  const { t, i18n } = useTranslation();
  const locale = useUiLocale();
  const id = useId();
  const [mode, setMode] = useState<LanguageMode>(() => storedEditionLanguage(locale));
  const [strict, setStrict] = useState(false);
  const [requireApproved, setRequireApproved] = useState(false);
  const [changesSince, setChangesSince] = useState<ChangesSinceChoice>('distributed');
  const [sent, setSent] = useState(0);
  // A build chosen for one pack means nothing for another: each pack starts from the default.
  useEffect(() => setChangesSince('distributed'), [pack.id]);
  const [state, setState] = useState<BuildState>({ phase: 'idle' });
  const ticket = useRef(0);
  const job = useRef<string | null>(null);
  const [progress, setProgress] = useState<EditionProgress>([]);
  const buildButton = useRef<HTMLButtonElement>(null);
  const errorBox = useRef<HTMLDivElement>(null);
  const building = state.phase === 'building';

  useEffect(() => {
    if (state.phase === 'failed') errorBox.current?.focus();
  }, [state.phase]);

  const build = async () => {
    if (building || saving) return;
    const mine = ++ticket.current;
    if (dirty && !(await onSave())) return;
    if (mine !== ticket.current) return;
    const startedAt = Date.now();
    setState({ phase: 'building', startedAt });
    const jobId = crypto.randomUUID();
    job.current = jobId;
    setProgress([]);
    const poll = setInterval(() => {
      void getApi()['packs.buildProgress']({ jobId }).then((r) => {
        if (r.ok && r.value.running && job.current === jobId) setProgress(r.value.editions);
      });
    }, 250);
    try {
      const result = unwrap(await getApi()['packs.build']({ id: pack.id, mode, strict, requireApproved, changesSince, jobId }));
      if (mine === ticket.current) setState({ phase: 'done', result, seconds: (Date.now() - startedAt) / 1000 });
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
    buildButton.current?.focus();
  };

  const editionName = (edition: string) => t(`ui:buildMode.${edition}`, { defaultValue: edition });
  const percent = (f: number) => new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 }).format(f);
  const pending = mode === 'all' ? ['en', 'fr', 'es'] : [mode];
  // The list of builds is read again when a build starts and when it ends.
  const pastRefresh = ticket.current * 10 + (building ? 1 : 0);
  const bars = progress.length > 0 ? progress : pending.map((edition) => ({ edition, fraction: 0 }));

  return (
    <section className="card build-panel" aria-labelledby={`${id}-heading`} data-testid="build-panel">
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
        <button
          ref={buildButton}
          type="button"
          className="button-primary"
          data-testid="build"
          aria-disabled={building || saving}
          onClick={() => void build()}
        >
          {dirty ? t('ui:build.saveAndBuild') : t('ui:build.build')}
        </button>
      </div>
      <label className="checkbox-field">
        <input type="checkbox" checked={strict} data-testid="build-strict" disabled={building} onChange={(e) => setStrict(e.target.checked)} />
        {t('ui:build.strict')}
      </label>
      <p className="hint">{t('ui:build.strictHint')}</p>
      <label className="checkbox-field">
        <input type="checkbox" checked={requireApproved} data-testid="build-require-approved" disabled={building}
          onChange={(e) => setRequireApproved(e.target.checked)} />
        {t('ui:build.requireApproved')}
      </label>
      <p className="hint">{t('ui:build.requireApprovedHint')}</p>
      <ChangesSincePicker id={`${id}-since`} packId={pack.id} value={changesSince} onChange={setChangesSince} refresh={pastRefresh * 1000 + sent} disabled={building} />
      <p className="hint">{t('ui:changesSince.hint')}</p>
      {building ? (
        <div className="build-progress" data-testid="build-progress">
          <p role="status" className="build-status">{t('ui:build.building')}</p>
          <ul className="build-bars">
            {bars.map((bar) => (
              <li key={bar.edition} data-testid={`build-progress-${bar.edition}`} data-fraction={bar.fraction.toFixed(2)}>
                <span className="build-bar-label" id={`${id}-bar-${bar.edition}`}>{editionName(bar.edition)}</span>
                <progress aria-labelledby={`${id}-bar-${bar.edition}`} max={1} value={bar.fraction} />
                <span className="build-bar-value" aria-hidden="true">{percent(bar.fraction)}</span>
              </li>
            ))}
          </ul>
          <button type="button" data-testid="build-cancel" onClick={cancel}>
            {t('ui:actions.cancel')}
          </button>
        </div>
      ) : null}
      {state.phase === 'cancelled' ? <p role="status" className="hint">{t('ui:build.cancelled')}</p> : null}
      {state.phase === 'failed' ? (
        <div ref={errorBox} tabIndex={-1} className="build-error">
          {state.error.code === 'build.incomplete' || state.error.code === 'build.notApproved' ? <StrictFailure error={state.error} /> : <ErrorAlert error={state.error} />}
        </div>
      ) : null}
      {state.phase === 'done' ? (
        <BuildReportView
          report={state.result.report}
          pdfs={state.result.pdfs}
          summary={t('ui:build.done', {
            count: state.result.pdfs.length,
            seconds: new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 }).format(state.seconds),
          })}
        />
      ) : null}
      <PastBuilds packId={pack.id} refresh={pastRefresh} onCompareWith={setChangesSince} comparingWith={changesSince} onDistributed={() => setSent((n) => n + 1)} />
    </section>
  );
}
