import fs from 'node:fs';
import { RENDERER_CSP, contentTypeOf, staticFileFor } from '../server/staticContent';

/**
 * The renderer is served from the app's own privileged scheme, not from file://. Its pages then
 * have one origin of their own whatever folder the app is installed in (a file:// URL carries
 * the install path, percent-encoded by Chromium, so "C:\Program Files\Briefing Pack Builder"
 * never compared equal to a path glued into a string), no other file on disk shares that origin,
 * and fetch, module scripts and pdf.js's worker behave as on the web.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'bundle';
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Electron's privileges for the scheme (registered before the app is ready). */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true } as const;

/** The URL if it is one of ours (Chromium lower-cases a standard scheme's host; Node does not). */
function parseOurs(raw: string | null | undefined): URL | null {
  if (!raw) return null;
  try {
    const url = new URL(raw);
    return url.protocol === `${APP_SCHEME}:` && url.host.toLowerCase() === APP_HOST ? url : null;
  } catch {
    return null;
  }
}

/**
 * Is this our renderer's page? Scheme, host and path must match; the hash and the query are
 * the page's own business (routes, state) and are ignored.
 */
export function isAppPage(raw: string | null | undefined): boolean {
  const url = parseOurs(raw);
  return url !== null && (url.pathname === '/index.html' || url.pathname === '/');
}

/** The renderer file an app:// request names, or null (another host, outside the folder). */
export function appFileFor(raw: string, rendererDir: string, paths?: Parameters<typeof staticFileFor>[2]): string | null {
  const url = parseOurs(raw);
  return url ? staticFileFor(url.pathname, rendererDir, paths) : null;
}

/**
 * Answers one app:// request from the built renderer folder (inside app.asar once packaged:
 * Electron's fs reads it). Anything else is a 404; the CSP goes with every answer.
 */
export async function serveAppRequest(
  raw: string,
  rendererDir: string,
  readFile: (file: string) => Promise<Uint8Array<ArrayBuffer>> = (file) => fs.promises.readFile(file) as Promise<Uint8Array<ArrayBuffer>>,
): Promise<Response> {
  const headers = { 'Content-Security-Policy': RENDERER_CSP, 'X-Content-Type-Options': 'nosniff' };
  const file = appFileFor(raw, rendererDir);
  if (file) {
    try {
      const body = await readFile(file);
      return new Response(body, { status: 200, headers: { ...headers, 'Content-Type': contentTypeOf(file) } });
    } catch {
      // Missing or unreadable: the same answer as a path that was never there.
    }
  }
  return new Response('Not found', { status: 404, headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8' } });
}
