import { useEffect } from 'react';
import { lazyChunk } from './components/lazyChunk';
import { useTranslation } from 'react-i18next';
import { LanguageMenu } from './components/LanguageMenu';
import { NavigationProvider, useNavigation } from './navigation/NavigationProvider';
import type { Route } from './navigation/Route';
import { LibraryScreen } from './features/library/LibraryScreen';
import { loadReader } from './features/reader/LazyReader';
import { loadPieceEditor } from './features/library/LazyPieceEditor';
import { HeaderSearch } from './features/search/HeaderSearch';
import { Welcome } from './features/welcome/Welcome';
import { SyncBadge } from './features/sync/SyncBadge';

// The translator's view (and its diff library) is not in the first bundle: it is fetched once the
// app is first idle, or when opened if that comes sooner.
const translate = lazyChunk(() => import('./features/translate/TranslateScreen').then((m) => m.TranslateScreen));
const loadTranslate = translate.load;
const TranslateRoute = translate.Component;
// Settings too: visited rarely, and the initial JavaScript stays under 160 KB gzip.
const settings = lazyChunk(() => import('./features/settings/SettingsScreen').then((m) => m.SettingsScreen));
const SettingsScreen = settings.Component;
// The Terminology screen, for those who keep the termbase: fetched when opened.
const terms = lazyChunk(() => import('./features/terms/TermsScreen').then((m) => m.TermsScreen));
const TermsScreen = terms.Component;
const packs = lazyChunk(() => import('./features/packs/PacksScreen').then((m) => m.PacksScreen));
const PacksScreen = packs.Component;
// Sync with other offices: fetched when opened (the header's conflict count is in the first bundle).
const syncScreen = lazyChunk(() => import('./features/sync/SyncScreen').then((m) => m.SyncScreen));
const SyncScreen = syncScreen.Component;

const SCREENS = ['library', 'packs', 'translate', 'terms', 'sync', 'settings'] as const;
const HOME: Record<(typeof SCREENS)[number], Route> = {
  library: { screen: 'library', kind: 'priorities' },
  packs: { screen: 'packs' },
  translate: { screen: 'translate' },
  terms: { screen: 'terms' },
  sync: { screen: 'sync' },
  settings: { screen: 'settings' },
};

function Shell() {
  const { t } = useTranslation();
  const { route, navigate } = useNavigation();
  useEffect(() => {
    const idle = requestIdleCallback(() => void Promise.all([packs.load(), loadReader(), loadPieceEditor(), settings.load()]).then(() => loadTranslate()));
    return () => cancelIdleCallback(idle);
  }, []);
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
        <SyncBadge />
        <HeaderSearch />
        <LanguageMenu />
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        {route.screen === 'library' && !route.readId && !route.pieceId ? <Welcome /> : null}
        {route.screen === 'library' ? (
          <LibraryScreen
            kind={route.kind}
            pieceId={route.pieceId}
            readId={route.readId}
            query={route.query}
            newNote={route.newNote}
            newSource={route.newSource}
            newPiece={route.newPiece}
          />
        ) : route.screen === 'packs' ? (
          <PacksScreen packId={route.packId} />
        ) : route.screen === 'translate' ? (
          <TranslateRoute />
        ) : route.screen === 'terms' ? (
          <TermsScreen />
        ) : route.screen === 'sync' ? (
          <SyncScreen pieceId={route.pieceId} />
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
