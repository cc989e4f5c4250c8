import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../shared/api/apiContract';
import type { BackupInfo } from '../../../../shared/api/backupTypes';
import { getApi } from '../../api/getApi';
import { forgetRememberedAnswers, useApiQuery } from '../../api/useApiQuery';
import { Dialog } from '../../components/Dialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LOCALE_TAGS } from '../../../../shared/domain/locales';
import { useUiLocale } from '../../components/useUiLocale';
import { BackupNow } from './BackupNow';
import { relayerUiOverrides } from '../../uiOverrides';

type Outcome = { kind: 'restored'; when: string; undo: BackupInfo } | { kind: 'undone' } | null;

/** The backups beside the library: when, how large and why each was taken; back up now; restore, undoably. */
export function BackupsSection({ onLibraryReplaced }: { onLibraryReplaced: () => void }) {
  const { t, i18n } = useTranslation();
  const locale = useUiLocale();
  const list = useApiQuery('backups.list', () => getApi()['backups.list']({}));
  const [asking, setAsking] = useState<BackupInfo | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  // To the second: backups before an import and before a restore are often a minute apart or less.
  const when = (b: BackupInfo) => new Intl.DateTimeFormat(LOCALE_TAGS[locale], { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(b.takenAt));
  const size = (bytes: number) =>
    bytes >= 1024 * 1024
      ? t('ui:settings.backups.sizeMb', { size: (bytes / 1024 / 1024).toLocaleString(locale, { maximumFractionDigits: 1 }) })
      : t('ui:settings.backups.sizeKb', { size: Math.max(1, Math.round(bytes / 1024)) });

  const restore = async (backup: BackupInfo, undo: boolean) => {
    setBusy(true);
    setError(null);
    const overrides = await getApi()['uiStrings.overrides']({});
    const result = await getApi()['backups.restore']({ name: backup.name, undo });
    setBusy(false);
    setAsking(null);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    // Every screen reads the restored library afresh.
    forgetRememberedAnswers();
    // Translators' edits of the interface live in the library too.
    void relayerUiOverrides(i18n, overrides.ok ? overrides.value : []);
    onLibraryReplaced();
    list.reload();
    setOutcome(undo ? { kind: 'undone' } : { kind: 'restored', when: when(backup), undo: result.value.undo });
  };

  // After the settings were left and reopened, the last restore can still be undone.
  const shown: Outcome =
    outcome ??
    (list.data?.lastRestore ? { kind: 'restored', when: when(list.data.lastRestore.restored), undo: list.data.lastRestore.undo } : null);
  const backups = list.data?.backups ?? [];

  return (
    <section className="card" aria-labelledby="settings-backups" data-testid="backups">
      <h3 id="settings-backups">{t('ui:settings.backups.title')}</h3>
      <p className="hint">{t('ui:settings.backups.intro')}</p>
      <BackupNow onDone={list.reload} />
      {shown?.kind === 'restored' ? (
        <div className="alert" role="status" data-testid="backup-restored">
          <p>{t('ui:settings.backups.restored', { when: shown.when })}</p>
          <button type="button" data-testid="backup-undo" disabled={busy} onClick={() => void restore(shown.undo, true)}>
            {busy ? t('ui:settings.backups.restoring') : t('ui:settings.backups.undo')}
          </button>
        </div>
      ) : null}
      {shown?.kind === 'undone' ? (
        <p role="status" data-testid="backup-undone">
          {t('ui:settings.backups.undone')}
        </p>
      ) : null}
      <ErrorAlert error={error ?? list.error} testId="backups-error" />
      {list.data && backups.length === 0 ? <p data-testid="backups-empty">{t('ui:settings.backups.empty')}</p> : null}
      {backups.length > 0 ? (
        <table className="report-table" data-testid="backups-table">
          <thead>
            <tr>
              <th scope="col">{t('ui:settings.backups.when')}</th>
              <th scope="col">{t('ui:settings.backups.size')}</th>
              <th scope="col">{t('ui:settings.backups.why')}</th>
              <th scope="col">
                <span className="sr-only">{t('ui:settings.backups.restore')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {backups.map((b) => (
              <tr key={b.name} data-testid="backup-row" data-name={b.name} data-reason={b.reason}>
                <td>
                  <time dateTime={b.takenAt} title={b.name}>
                    {when(b)}
                  </time>
                </td>
                <td>{size(b.bytes)}</td>
                <td>{t(`ui:settings.backups.reasons.${b.reason}`)}</td>
                <td>
                  <button type="button" data-testid="backup-restore" disabled={busy} onClick={() => setAsking(b)}>
                    {t('ui:settings.backups.restore')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {asking ? (
        <Dialog
          title={t('ui:settings.backups.confirmTitle', { when: when(asking) })}
          confirmLabel={busy ? t('ui:settings.backups.restoring') : t('ui:settings.backups.confirm')}
          onConfirm={() => void restore(asking, false)}
          onCancel={() => setAsking(null)}
          busy={busy}
          testId="backup-restore-dialog"
        >
          <p>{t('ui:settings.backups.confirmBody')}</p>
        </Dialog>
      ) : null}
    </section>
  );
}
