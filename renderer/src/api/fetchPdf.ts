import { sessionToken } from './sessionToken';

/** Thrown where built PDFs cannot be fetched: the desktop app has no download channel yet. */
export class PdfUnavailable extends Error {
  constructor() {
    super('pdf download is only available in browser mode');
    this.name = 'PdfUnavailable';
  }
}

/** Bytes of a built PDF (browser mode: GET /api/download/<id> with the bearer token). */
export async function fetchPdf(downloadId: string): Promise<Uint8Array> {
  if (window.api) throw new PdfUnavailable();
  const path = downloadId.split('/').map(encodeURIComponent).join('/');
  const response = await fetch(`/api/download/${path}`, {
    headers: { Authorization: `Bearer ${sessionToken() ?? ''}` },
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}
