import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './App';
import { createUiI18n, loadUiLanguage } from './i18n';
import { sessionToken } from './api/sessionToken';
import { storedUiLanguage } from './preferences/preferences';
import { layerUiOverrides } from './uiOverrides';
import './styles.css';

// Take the token out of the address bar before anything renders.
sessionToken();

const root = document.getElementById('root');
if (root) {
  const language = storedUiLanguage(navigator.language);
  void loadUiLanguage(language)
    .then(() => {
      const i18n = createUiI18n(language);
      // Translators' overrides of interface strings go in before the first paint when they come quickly.
      return layerUiOverrides(i18n, 800).then(() => i18n);
    })
    .then((i18n) =>
      createRoot(root).render(
        <StrictMode>
          <I18nextProvider i18n={i18n}>
            <App />
          </I18nextProvider>
        </StrictMode>,
      ),
    );
}
