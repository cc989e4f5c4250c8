const STORAGE_KEY = 'briefing.sessionToken';

/**
 * Browser mode: `briefing serve` opens the page at `/#token=…`. The token is kept for this tab
 * only (sessionStorage) and removed from the address bar so it is not bookmarked or shared.
 */
export function readSessionToken(): string | null {
  const match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (match?.[1]) {
    const token = decodeURIComponent(match[1]);
    try {
      sessionStorage.setItem(STORAGE_KEY, token);
    } catch {
      // Storage may be disabled; the token still works for this page.
    }
    history.replaceState(history.state, '', location.pathname + location.search);
    return token;
  }
  try {
    return sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

let cached: string | null | undefined;

/** The token, read once on first use. */
export function sessionToken(): string | null {
  if (cached === undefined) cached = readSessionToken();
  return cached;
}
