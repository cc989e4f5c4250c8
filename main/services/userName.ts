import os from 'node:os';
import type { LibraryStore } from './LibraryStore';

const SETTING = 'user.name';

/**
 * The name recorded with approvals: the one set in the app, else BRIEFING_USER, else the
 * system account's name — never empty, so an approval always says who.
 */
export function userName(store: LibraryStore): string {
  const chosen = store.settings.get(SETTING) ?? process.env.BRIEFING_USER?.trim();
  if (chosen) return chosen;
  try {
    return os.userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
}

export function setUserName(store: LibraryStore, name: string): string {
  store.write(() => store.settings.set(SETTING, name.trim()));
  return userName(store);
}

/** The approver for a change made now by this library's user. */
export function approverNow(store: LibraryStore): { by: string; at: string } {
  return { by: userName(store), at: new Date().toISOString() };
}
