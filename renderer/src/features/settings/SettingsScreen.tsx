import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_MODES, type LanguageMode } from '../../../../shared/api/buildTypes';
import { getApi } from '../../api/getApi';
import { useApiQuery } from '../../api/useApiQuery';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LanguageMenu } from '../../components/LanguageMenu';
import { useUiLocale } from '../../components/useUiLocale';
import { rememberEditionLanguage, rememberWelcomeDismissed, storedEditionLanguage, welcomeDismissed } from '../../preferences/preferences';
import { useNavigation } from '../../navigation/NavigationProvider';
import { UserNameField } from './UserNameField';
import { BackupsSection } from './BackupsSection';

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
        <ShowWelcomeAgain />
      </section>
      <BackupsSection onLibraryReplaced={info.reload} />
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
