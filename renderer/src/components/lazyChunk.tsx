import { lazy, Suspense, useState, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A component in a chunk of its own: `load` fetches it (call it when the app is first idle), and
 * `Component` renders it directly once fetched. A suspended lazy component is held back 300 ms by
 * React after its chunk has come (its fallback throttle), so Suspense is only used before then;
 * decided once per mount, so a re-render never swaps one for the other and loses its state.
 */
export function lazyChunk<P extends object>(loader: () => Promise<ComponentType<P>>): { load: () => Promise<ComponentType<P>>; Component: ComponentType<P> } {
  let loaded: ComponentType<P> | null = null;
  const load = () => loader().then((c) => (loaded = c));
  const Lazy = lazy(() => load().then((c) => ({ default: c })));
  function Component(props: P) {
    const { t } = useTranslation();
    const [ready] = useState(() => loaded);
    if (ready) {
      const Ready = ready;
      return <Ready {...props} />;
    }
    return (
      <Suspense fallback={<p className="loading">{t('ui:loading')}</p>}>
        <Lazy {...props} />
      </Suspense>
    );
  }
  return { load, Component };
}
