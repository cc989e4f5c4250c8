import { lazy, Suspense, useState, type ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';

// The reading view (and its styles) is a chunk of its own, fetched when the app is first idle or
// when a piece is first opened, whichever comes sooner.
type ReaderModule = typeof import('./ReaderView');
let readerModule: ReaderModule | null = null;
export const loadReader = () => import('./ReaderView').then((m) => (readerModule = m));
const Lazy = lazy(() => loadReader().then((m) => ({ default: m.ReaderView })));

/**
 * Renders the reader directly once its chunk is here (as App.tsx does for the translator's view:
 * a suspended lazy component is held back 300 ms by React after its chunk has come).
 */
export function LazyReader(props: ComponentProps<ReaderModule['ReaderView']>) {
  const { t } = useTranslation();
  const [loaded] = useState(() => readerModule);
  if (loaded) return <loaded.ReaderView {...props} />;
  return (
    <Suspense fallback={<p className="loading">{t('ui:loading')}</p>}>
      <Lazy {...props} />
    </Suspense>
  );
}
