import { useTranslation } from 'react-i18next';

/** Placeholder until the library and pack-builder screens land (desktop app issue). */
export function App() {
  const { t } = useTranslation('common');
  return (
    <main>
      <h1>{t('appName')}</h1>
      <p>{t('placeholder')}</p>
    </main>
  );
}
