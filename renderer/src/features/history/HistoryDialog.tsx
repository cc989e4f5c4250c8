import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../shared/api/apiContract';
import type { PieceVersion, PieceVersionInfo } from '../../../../shared/api/historyTypes';
import type { FieldChange } from '../../../../shared/domain/history/recordChanges';
import { changesBetween } from '../../../../shared/domain/history/recordChanges';
import { fieldLabelKey } from '../../../../shared/descriptors/descriptors';
import { getApi } from '../../api/getApi';
import { toApiError, unwrap } from '../../api/ApiFailure';
import { useApiQuery } from '../../api/useApiQuery';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useModalDialog } from '../../components/useModalDialog';
import { useUiLocale } from '../../components/useUiLocale';
import { formatWhen } from '../../components/formatWhen';
import { WordDiff } from '../translate/WordDiff';
import { notifyLibraryChanged } from '../trash/libraryRevision';
import './history.css';

type Texts = Record<string, { text?: string } | undefined>;
type Translate = ReturnType<typeof useTranslation>['t'];

/** "Title (French)", "Sources": a change in the words of the editor's labels. */
function changeLabel(change: FieldChange, t: Translate): string {
  const key = fieldLabelKey(change.field);
  const field = key ? t(key) : change.field;
  return change.language ? t('ui:editor.fieldInLanguage', { field, language: t(`ui:languageName.${change.language}`) }) : field;
}

function summary(v: PieceVersionInfo, t: Translate): string {
  if (v.deleted) return t('ui:history.deleted');
  if (v.who === null) return t('ui:history.began');
  if (v.number === 1 && v.restoredFrom === null) return t('ui:history.created');
  const what = [...new Set(v.changes.map((c) => changeLabel(c, t)))].join(', ');
  return v.restoredFrom === null ? what : t('ui:history.restoredFrom', { version: v.restoredFrom, what });
}

/** The text changes between two versions, each as a word diff; other fields named only. */
function VersionDiff({ older, newer }: { older: PieceVersion; newer: PieceVersion }) {
  const { t } = useTranslation();
  const changes = changesBetween(older.record, newer.record);
  if (changes.length === 0) return <p data-testid="history-same">{t('ui:history.same')}</p>;
  return (
    <div className="history-diff" data-testid="history-diff">
      {changes.map((c) => {
        const before = c.language ? (older.record[c.field] as Texts | null)?.[c.language]?.text : undefined;
        const after = c.language ? (newer.record[c.field] as Texts | null)?.[c.language]?.text : undefined;
        return (
          <section key={`${c.field}.${c.language ?? ''}`} className="history-change">
            <h4>{changeLabel(c, t)}</h4>
            {c.language && (before !== undefined || after !== undefined) ? (
              before === after ? (
                <p className="hint">{t('ui:history.statusOnly')}</p>
              ) : (
                <WordDiff before={before ?? ''} after={after ?? ''} lang={c.language} />
              )
            ) : (
              <p className="hint">{t('ui:history.fieldChanged')}</p>
            )}
          </section>
        );
      })}
    </div>
  );
}

/**
 * A piece's history: who changed what and when, a word diff between any two versions, and
 * restoring one (itself a new version, so the restore is undone by restoring the one before).
 */
export function HistoryDialog({ id, title, onClose, onRestored }: { id: string; title: string; onClose: () => void; onRestored: () => void }) {
  const { t } = useTranslation();
  const locale = useUiLocale();
  const [revision, setRevision] = useState(0);
  const list = useApiQuery(`history:${id}:${revision}`, () => getApi()['history.list']({ id }));
  const [picked, setPicked] = useState<number[] | null>(null);
  const [confirming, setConfirming] = useState<number | null>(null);
  const [undo, setUndo] = useState<number | null>(null);
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const ref = useRef<HTMLDialogElement>(null);
  useModalDialog(ref);

  const versions = list.data ?? [];
  const latest = versions.at(-1)?.number ?? 0;
  // By default the last change: the two newest versions.
  const pair = (picked ?? versions.slice(-2).map((v) => v.number)).slice().sort((a, b) => a - b);
  const diff = useApiQuery(pair.length === 2 ? `history-diff:${id}:${pair.join('-')}:${revision}` : null, async () => {
    const [a, b] = await Promise.all(pair.map((version) => getApi()['history.version']({ id, version })));
    if (!a!.ok) return a!;
    if (!b!.ok) return b!;
    return { ok: true as const, value: { older: a!.value, newer: b!.value } };
  });

  const toggle = (n: number) => {
    const current = picked ?? pair;
    setPicked(current.includes(n) ? current.filter((x) => x !== n) : [...current, n].slice(-2));
  };

  const restore = async (version: number) => {
    setBusy(true);
    try {
      const before = latest;
      const result = unwrap(await getApi()['history.restore']({ id, version }));
      setConfirming(null);
      setError(null);
      if (result.changed) {
        setNotice(t('ui:history.restored', { from: version, version: result.version }));
        setUndo(before);
      } else setNotice(t('ui:history.alreadyThat', { version }));
      setPicked(null);
      setRevision((r) => r + 1);
      notifyLibraryChanged();
      onRestored();
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog
      ref={ref}
      className="dialog history-dialog"
      aria-labelledby="history-heading"
      data-testid="history-dialog"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <div className="dialog-frame">
        <h2 id="history-heading" className="dialog-title">
          {t('ui:history.title', { title })}
        </h2>
        <div className="dialog-body">
          <p className="hint">{t('ui:history.hint')}</p>
          <p role="status" className="count" data-testid="history-notice">
            {notice}{' '}
            {undo !== null ? (
              <button type="button" disabled={busy} onClick={() => void restore(undo)} data-testid="history-undo">
                {t('ui:history.undo')}
              </button>
            ) : null}
          </p>
          <ErrorAlert error={error ?? list.error ?? diff.error} />
          <table className="history-table">
            <thead>
              <tr>
                <th scope="col">{t('ui:history.compare')}</th>
                <th scope="col">{t('ui:history.version')}</th>
                <th scope="col">{t('ui:history.when')}</th>
                <th scope="col">{t('ui:history.who')}</th>
                <th scope="col">{t('ui:history.what')}</th>
                <th scope="col"><span className="sr-only">{t('ui:history.actions')}</span></th>
              </tr>
            </thead>
            <tbody>
              {[...versions].reverse().map((v) => (
                <tr key={v.number} data-testid={`history-v${v.number}`}>
                  <td>
                    <input
                      type="checkbox"
                      checked={pair.includes(v.number)}
                      onChange={() => toggle(v.number)}
                      aria-label={t('ui:history.compareNamed', { version: v.number })}
                      data-testid={`history-pick-${v.number}`}
                    />
                  </td>
                  <td>{v.number === latest ? t('ui:history.current', { version: v.number }) : `v${v.number}`}</td>
                  <td>{formatWhen(v.at, locale)}</td>
                  <td>{v.who ?? '—'}</td>
                  <td data-testid={`history-what-${v.number}`}>{summary(v, t)}</td>
                  <td>
                    {v.number === latest ? null : confirming === v.number ? (
                      <span className="history-confirm">
                        {t('ui:history.confirm', { version: v.number })}{' '}
                        <button type="button" className="button-primary" disabled={busy} onClick={() => void restore(v.number)} data-testid="history-confirm">
                          {t('ui:history.confirmRestore')}
                        </button>{' '}
                        <button type="button" onClick={() => setConfirming(null)}>
                          {t('ui:actions.cancel')}
                        </button>
                      </span>
                    ) : (
                      <button type="button" disabled={busy} onClick={() => setConfirming(v.number)} data-testid={`history-restore-${v.number}`}>
                        {t('ui:history.restore')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>{pair.length === 2 ? t('ui:history.diffHeading', { from: pair[0], to: pair[1] }) : t('ui:history.pickTwo')}</h3>
          {diff.data ? <VersionDiff older={diff.data.older} newer={diff.data.newer} /> : null}
        </div>
        <div className="dialog-actions">
          <button type="button" onClick={onClose} data-testid="history-close">
            {t('ui:trash.close')}
          </button>
        </div>
      </div>
    </dialog>
  );
}
