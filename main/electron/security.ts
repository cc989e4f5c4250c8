import { app, session, shell, type WebContents } from 'electron';

/** http(s) only, parsed, never javascript:, file: or custom schemes. */
export function isSafeExternalUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/**
 * The renderer is untrusted: it may not navigate, redirect, open windows, attach webviews or
 * get any permission. A link to the web opens in the system browser, after a check.
 */
export function hardenContents(contents: WebContents, isAppPage: (url: string) => boolean): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppPage(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

export function installSecurityHandlers(isAppPage: (url: string) => boolean): void {
  app.on('web-contents-created', (_event, contents) => hardenContents(contents, isAppPage));
  void app.whenReady().then(() => {
    session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
  });
}
