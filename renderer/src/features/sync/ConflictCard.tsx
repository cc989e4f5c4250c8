import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../shared/api/apiContract';
import type { SyncConflictView } from '../../../../shared/api/syncTypes';
import type { Locale } from '../../../../shared/domain/locales';
import { getApi } from '../../api/getApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useUiLocale } from '../../components/useUiLocale';
import { WordDiff } from '../translate/WordDiff';
import { cellText } from './cellText';
import { conflictPlace } from './conflictPlace';
import './sync.css';

type Choice = { keep: 'ours' | 'theirs' } | { text: string };

/** One open conflict: base, ours and theirs side by side (word diffs against the base), and the ways out. */
export function ConflictCard({ conflict, onResolved }: { conflict: SyncConflictView; onResolved: () => void }) {
  const { t } = useTranslation();
  const uiLocale = useUiLocale();
  const lang: Locale = conflict.locale ?? uiLocale;
  const headingId = useId();
  const mergedId = useId();
  const base = cellText(conflict.base);
  const ours = cellText(conflict.ours);
  const theirs = cellText(conflict.theirs);
  const isText = conflict.kind === 'cell' && conflict.locale !== null;
  const [merged, setMerged] = useState(ours ?? theirs ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const resolve = async (choice: Choice) => {
    setBusy(true);
    setError(null);
    const result = await getApi()['sync.resolve']({ id: conflict.id, ...choice });
    setBusy(false);
    if (result.ok) onResolved();
    else setError(result.error);
  };

  const where = conflictPlace(conflict, t);

  const side = (label: string, by: string | null, text: string | null, testId: string) => (
    <div className="sync-side" data-testid={testId}>
      <h4>{label}</h4>
      {by ? <p className="sync-by">{by}</p> : null}
      {text === null ? (
        <p className="sync-absent">{conflict.kind === 'deletedEdited' ? t('ui:sync.deleted') : t('ui:sync.absent')}</p>
      ) : conflict.kind === 'deletedEdited' ? (
        <p>{t('ui:sync.kept')}</p>
      ) : base !== null && testId !== 'sync-base' ? (
        <WordDiff before={base} after={text} lang={lang} />
      ) : (
        <p lang={lang}>{text}</p>
      )}
    </div>
  );

  return (
    <li className="card sync-conflict" data-testid="sync-conflict" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {conflict.title} <span className="sync-where">— {where}</span>
      </h3>
      <div className="sync-sides">
        {side(t('ui:sync.base'), null, base, 'sync-base')}
        {side(t('ui:sync.ours'), conflict.oursBy, ours, 'sync-ours')}
        {side(t('ui:sync.theirs'), conflict.theirsBy, theirs, 'sync-theirs')}
      </div>
      <div className="sync-actions">
        <button type="button" data-testid="sync-keep-ours" disabled={busy} onClick={() => void resolve({ keep: 'ours' })}>
          {t('ui:sync.keepOurs')}
        </button>
        <button type="button" data-testid="sync-keep-theirs" disabled={busy} onClick={() => void resolve({ keep: 'theirs' })}>
          {t('ui:sync.keepTheirs')}
        </button>
      </div>
      {isText ? (
        <div className="field sync-merged">
          <label htmlFor={mergedId}>{t('ui:sync.merged')}</label>
          <textarea id={mergedId} data-testid="sync-merged-text" lang={lang} rows={3} value={merged} onChange={(e) => setMerged(e.target.value)} />
          <p className="hint">{t('ui:sync.mergedHint')}</p>
          <button type="button" data-testid="sync-save-merged" disabled={busy || merged.trim() === ''} onClick={() => void resolve({ text: merged })}>
            {t('ui:sync.saveMerged')}
          </button>
        </div>
      ) : null}
      <ErrorAlert error={error} testId="sync-resolve-error" />
    </li>
  );
}
