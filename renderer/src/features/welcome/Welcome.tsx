import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getApi } from '../../api/getApi';
import { useApiQuery } from '../../api/useApiQuery';
import { useUiLocale } from '../../components/useUiLocale';
import { useNavigation } from '../../navigation/NavigationProvider';
import { rememberWelcomeDismissed, welcomeDismissed } from '../../preferences/preferences';

const STEPS = ['library', 'pack', 'build', 'read'] as const;

/**
 * The first run: the four steps of the job (library → pack → build → read) on the starter
 * library, each with the button that takes the user there. Dismissed once, remembered on this
 * machine (Settings can show it again).
 */
export function Welcome() {
  const { t } = useTranslation();
  const locale = useUiLocale();
  const { navigate } = useNavigation();
  const [hidden, setHidden] = useState(welcomeDismissed);
  const packs = useApiQuery(hidden ? null : `list:packs:${locale}`, () => getApi()['library.list']({ kind: 'packs', locale }), { remember: true });
  if (hidden) return null;
  const pack = packs.data?.[0];
  // An empty library has nothing to walk through: its empty states lead to the import instead.
  if (packs.data && packs.data.length === 0) return null;

  const dismiss = () => {
    rememberWelcomeDismissed(true);
    setHidden(true);
    document.getElementById('main')?.focus();
  };

  const go = (step: 'library' | 'pack') => {
    if (step === 'library') navigate({ screen: 'library', kind: 'priorities' });
    else navigate(pack ? { screen: 'packs', packId: pack.id } : { screen: 'packs' });
  };

  return (
    <section className="welcome" aria-labelledby="welcome-heading" data-testid="welcome">
      <div className="welcome-head">
        <h2 id="welcome-heading">{t('ui:welcome.title')}</h2>
        <button type="button" onClick={dismiss} data-testid="welcome-dismiss">
          {t('ui:welcome.dismiss')}
        </button>
      </div>
      <p>{t('ui:welcome.intro')}</p>
      <ol className="welcome-steps">
        {STEPS.map((step, i) => (
          <li key={step} data-testid={`welcome-step-${step}`}>
            <span className="welcome-number" aria-hidden="true">
              {i + 1}
            </span>
            <span className="welcome-text">
              <strong>{t(`ui:welcome.steps.${step}.title`)}</strong> {t(`ui:welcome.steps.${step}.text`, { pack: pack?.title ?? '' })}
            </span>
            {step === 'library' || step === 'pack' ? (
              <button type="button" className="button-link" onClick={() => go(step)} data-testid={`welcome-go-${step}`}>
                {t(`ui:welcome.steps.${step}.action`)}
              </button>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
