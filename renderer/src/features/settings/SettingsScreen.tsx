import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_MODES, type LanguageMode } from '../../../../shared/api/buildTypes';
import type { ApiError } from '../../../../shared/api/apiContract';
import { getApi } from '../../api/getApi';
import { useApiQuery } from '../../api/useApiQuery';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LanguageMenu } from '../../components/LanguageMenu';
import { useUiLocale } from '../../components/useUiLocale';
import { rememberEditionLanguage, rememberWelcomeDismissed, storedEditionLanguage, welcomeDismissed } from '../../preferences/preferences';
import { useNavigation } from '../../navigation/NavigationProvider';
import { UserNameField } from './UserNameField';

/** A copy of the library, now: SQLite's online backup in main, beside the library file. */
function BackupNow() {
  const { t } = useTranslation();
  const [state, setState] = useState<
    { phase: 'idle' | 'busy' } | { phase: 'done'; path: string; bytes: number } | { phase: 'failed'; error: ApiError }
  >({ phase: 'idle' });
  const run = async () => {
    setState({ phase: 'busy' });
    const result = await getApi()['app.backup']({});
    setState(result.ok ? { phase: 'done', ...result.value } : { phase: 'failed', error: result.error });
  };
  return (
    <div className="backup">
      <button type="button" data-testid="backup-now" disabled={state.phase === 'busy'} onClick={() => void run()}>
        {state.phase === 'busy' ? t('ui:settings.backingUp') : t('ui:settings.backupNow')}
      </button>
      {state.phase === 'done' ? (
        <p role="status" data-testid="backup-done">
          {t('ui:settings.backupDone', { path: state.path, size: Math.round(state.bytes / 1024) })}
        </p>
      ) : null}
      {state.phase === 'failed' ? <ErrorAlert error={state.error} /> : null}
    </div>
  );
}

/** Interface and edition languages, and where the library lives. */
export function SettingsScreen() {
  const { t } = useTranslation();
  const locale = useUiLocale();
  const info = useApiQuery('app.info', () => getApi()['app.info']({}));
  const [edition, setEdition] = useState<LanguageMode>(() => storedEditionLanguage(locale));
  const editionId = useId();

  return (
    <section className="settings" aria-labelledby="settings-heading">
      <h2 id="settings-heading">{t('ui:settings.title')}</h2>
      <section className="card" aria-labelledby="settings-languages">
        <h3 id="settings-languages">{t('ui:settings.languages')}</h3>
        <LanguageMenu id="settings-ui-language" testId="settings-ui-language" />
        <div className="field">
          <label htmlFor={editionId}>{t('ui:settings.editionLanguage')}</label>
          <select
            id={editionId}
            data-testid="settings-edition-language"
            value={edition}
            aria-describedby={`${editionId}-hint`}
            onChange={(e) => {
              const mode = e.target.value as LanguageMode;
              setEdition(mode);
              rememberEditionLanguage(mode);
            }}
          >
            {LANGUAGE_MODES.map((m) => (
              <option key={m} value={m}>
                {t(`ui:buildMode.${m}`)}
              </option>
            ))}
          </select>
          <span id={`${editionId}-hint`} className="hint">
            {t('ui:settings.editionHint')}
          </span>
        </div>
      </section>
      <section className="card" aria-labelledby="settings-translation">
        <h3 id="settings-translation">{t('ui:settings.translation')}</h3>
        <UserNameField current={info.data?.userName} onSaved={info.reload} />
      </section>
      <section className="card" aria-labelledby="settings-library">
        <h3 id="settings-library">{t('ui:settings.about')}</h3>
        <ErrorAlert error={info.error} />
        <dl className="facts">
          <dt>{t('ui:settings.libraryPath')}</dt>
          <dd data-testid="library-path">
            <code>{info.data?.libraryPath ?? '…'}</code>
          </dd>
          <dt>{t('ui:settings.version')}</dt>
          <dd data-testid="app-version">{info.data?.version ?? '…'}</dd>
          <dt>{t('ui:settings.mode')}</dt>
          <dd>{info.data ? t(`ui:settings.modes.${info.data.mode}`) : '…'}</dd>
        </dl>
        <BackupNow />
        <ShowWelcomeAgain />
      </section>
    </section>
  );
}

/** The first-run welcome, back on the library screen for whoever dismissed it too soon. */
function ShowWelcomeAgain() {
  const { t } = useTranslation();
  const { navigate } = useNavigation();
  const [dismissed] = useState(welcomeDismissed);
  if (!dismissed) return null;
  return (
    <p>
      <button
        type="button"
        data-testid="show-welcome"
        onClick={() => {
          rememberWelcomeDismissed(false);
          navigate({ screen: 'library', kind: 'priorities' });
        }}
      >
        {t('ui:settings.showWelcome')}
      </button>
    </p>
  );
}
