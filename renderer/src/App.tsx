import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageMenu } from './components/LanguageMenu';
import { NavigationProvider, useNavigation } from './navigation/NavigationProvider';
import type { Route } from './navigation/Route';
import { LibraryScreen } from './features/library/LibraryScreen';
import { PacksScreen } from './features/packs/PacksScreen';
import { SettingsScreen } from './features/settings/SettingsScreen';

// The translator's view (and its diff library) is only fetched when first opened.
const TranslateScreen = lazy(() => import('./features/translate/TranslateScreen').then((m) => ({ default: m.TranslateScreen })));

const SCREENS = ['library', 'packs', 'translate', 'settings'] as const;
const HOME: Record<(typeof SCREENS)[number], Route> = {
  library: { screen: 'library', kind: 'priorities' },
  packs: { screen: 'packs' },
  translate: { screen: 'translate' },
  settings: { screen: 'settings' },
};

function Shell() {
  const { t } = useTranslation();
  const { route, navigate } = useNavigation();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('ui:header.skip')}
      </a>
      <header className="app-header">
        <h1 className="app-title">{t('common:appName')}</h1>
        <nav className="app-nav" aria-label={t('ui:header.navLabel')}>
          <ul>
            {SCREENS.map((screen) => (
              <li key={screen}>
                <button
                  type="button"
                  data-testid={`nav-${screen}`}
                  aria-current={route.screen === screen ? 'page' : undefined}
                  onClick={() => navigate(HOME[screen])}
                >
                  {screen === 'translate' ? t('ui:translate.nav') : t(`ui:nav.${screen}`)}
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <LanguageMenu />
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        {route.screen === 'library' ? (
          <LibraryScreen kind={route.kind} pieceId={route.pieceId} newNote={route.newNote} newSource={route.newSource} />
        ) : route.screen === 'packs' ? (
          <PacksScreen packId={route.packId} />
        ) : route.screen === 'translate' ? (
          <Suspense fallback={<p className="loading">{t('ui:loading')}</p>}>
            <TranslateScreen />
          </Suspense>
        ) : (
          <SettingsScreen />
        )}
      </main>
    </>
  );
}

export function App() {
  return (
    <NavigationProvider initial={HOME.library}>
      <Shell />
    </NavigationProvider>
  );
}
