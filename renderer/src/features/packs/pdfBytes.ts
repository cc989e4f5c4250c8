import { fetchPdf, savePdf } from '../../api/fetchPdf';

const cache = new Map<string, Promise<Uint8Array>>();

/** A built PDF's bytes, fetched once for both its preview and its download. */
export function pdfBytes(downloadId: string): Promise<Uint8Array> {
  let bytes = cache.get(downloadId);
  if (!bytes) {
    bytes = fetchPdf(downloadId);
    bytes.catch(() => cache.delete(downloadId));
    cache.set(downloadId, bytes);
  }
  return bytes;
}

/** Saves a built PDF: a save dialog in the desktop app, a download in a browser. */
export function downloadPdf(downloadId: string, fileName: string): Promise<void> {
  return savePdf(downloadId, fileName, () => pdfBytes(downloadId));
}
