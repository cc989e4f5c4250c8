import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../components/Dialog';
import type { Route } from './Route';

interface Navigation {
  route: Route;
  /** Goes to `to`, first asking the user when an editor has unsaved changes. */
  navigate: (to: Route) => void;
  /** Editors report whether they hold unsaved changes, under a key of their own. */
  setDirty: (key: string, dirty: boolean) => void;
}

const NavigationContext = createContext<Navigation | null>(null);

export function useNavigation(): Navigation {
  const value = useContext(NavigationContext);
  if (!value) throw new Error('useNavigation outside NavigationProvider');
  return value;
}

/** Registers an editor's unsaved state for the whole time it is shown. */
export function useUnsavedChanges(key: string, dirty: boolean): void {
  const { setDirty } = useNavigation();
  useEffect(() => {
    setDirty(key, dirty);
  }, [key, dirty, setDirty]);
  useEffect(() => () => setDirty(key, false), [key, setDirty]);
}

export function NavigationProvider({ initial, children }: { initial: Route; children: ReactNode }) {
  const { t } = useTranslation();
  const [route, setRoute] = useState<Route>(initial);
  const [pending, setPending] = useState<Route | null>(null);
  const dirtyKeys = useRef(new Set<string>());
  const [anyDirty, setAnyDirty] = useState(false);

  const setDirty = useCallback((key: string, dirty: boolean) => {
    if (dirty) dirtyKeys.current.add(key);
    else dirtyKeys.current.delete(key);
    setAnyDirty(dirtyKeys.current.size > 0);
  }, []);

  useEffect(() => {
    if (!anyDirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older engines show the prompt only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [anyDirty]);

  const navigate = useCallback((to: Route) => {
    if (dirtyKeys.current.size > 0) setPending(to);
    else setRoute(to);
  }, []);

  const value = useMemo(() => ({ route, navigate, setDirty }), [route, navigate, setDirty]);

  return (
    <NavigationContext.Provider value={value}>
      {children}
      {pending ? (
        <Dialog
          title={t('ui:unsaved.title')}
          confirmLabel={t('ui:unsaved.leave')}
          danger
          testId="unsaved-dialog"
          onCancel={() => setPending(null)}
          onConfirm={() => {
            dirtyKeys.current.clear();
            setAnyDirty(false);
            setRoute(pending);
            setPending(null);
          }}
        >
          <p>{t('ui:unsaved.message')}</p>
        </Dialog>
      ) : null}
    </NavigationContext.Provider>
  );
}
