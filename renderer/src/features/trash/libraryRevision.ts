import { useSyncExternalStore } from 'react';

// Bumped after a delete, a restore or an import, so lists shown elsewhere load again.
let revision = 0;
const listeners = new Set<() => void>();

export function notifyLibraryChanged(): void {
  revision++;
  for (const listener of listeners) listener();
}

/** A number that changes whenever the library was changed by a delete, restore or import. */
export function useLibraryRevision(): number {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => revision,
  );
}
