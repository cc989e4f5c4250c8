/** Tells the header's conflict count that a sync or a resolution changed it (one page, no polling). */
const events = new EventTarget();
const CHANGED = 'sync-changed';

export function announceSyncChanged(): void {
  events.dispatchEvent(new Event(CHANGED));
}

export function onSyncChanged(listener: () => void): () => void {
  events.addEventListener(CHANGED, listener);
  return () => events.removeEventListener(CHANGED, listener);
}
