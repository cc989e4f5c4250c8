import type { Api } from '../../../shared/api/apiContract';
import { createBrowserApi } from './createBrowserApi';
import { sessionToken } from './sessionToken';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in browser mode. */
    api?: Api;
  }
}

let browserApi: Api | undefined;

/** The one API object: the preload's in the desktop app, an HTTP client in browser mode. */
export function getApi(): Api {
  if (window.api) return window.api;
  browserApi ??= createBrowserApi(sessionToken());
  return browserApi;
}
