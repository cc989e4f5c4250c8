import { downloadBlob } from './downloadText';
import { getApi } from './getApi';
import { ApiFailure, unwrap } from './ApiFailure';
import type { ApiResult } from '../../../shared/api/apiContract';
import { sessionToken } from './sessionToken';

/**
 * Bytes of a built PDF: in browser mode GET /api/download/<id> with the bearer token; in the
 * desktop app (no HTTP server) through the packs.readPdf channel.
 */
export async function fetchPdf(downloadId: string): Promise<Uint8Array> {
  if (window.api) {
    const { base64 } = unwrap(await window.api['packs.readPdf']({ downloadId }));
    return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  }
  const path = downloadId.split('/').map(encodeURIComponent).join('/');
  const response = await fetch(`/api/download/${path}`, {
    headers: { Authorization: `Bearer ${sessionToken() ?? ''}` },
  });
  if (!response.ok) {
    // The server says why (an unknown or expired download, a missing token): keep its code.
    const body = (await response.json().catch(() => null)) as ApiResult<never> | null;
    if (body && body.ok === false && body.error?.code) throw new ApiFailure(body.error);
    throw new ApiFailure({ code: 'unexpected', params: { detail: `HTTP ${response.status}` }, problems: [] });
  }
  return new Uint8Array(await response.arrayBuffer());
}

/** In the desktop app a download is a save dialog in main; in a browser, a blob and <a download>. */
export async function savePdf(downloadId: string, fileName: string, bytes: () => Promise<Uint8Array>): Promise<void> {
  if (window.api) {
    unwrap(await getApi()['desktop.savePdf']({ downloadId }));
    return;
  }
  downloadBlob(fileName, new Blob([(await bytes()).slice().buffer as ArrayBuffer], { type: 'application/pdf' }));
}
