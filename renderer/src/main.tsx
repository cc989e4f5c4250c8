import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './App';
import { createUiI18n } from './i18n';
import { sessionToken } from './api/sessionToken';
import { storedUiLanguage } from './preferences/preferences';
import './styles.css';

// Take the token out of the address bar before anything renders.
sessionToken();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={createUiI18n(storedUiLanguage(navigator.language))}>
        <App />
      </I18nextProvider>
    </StrictMode>,
  );
}
