import { getDocument, GlobalWorkerOptions } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

// Loaded only through a dynamic import when a preview is shown: pdf.js stays out of the main bundle.
GlobalWorkerOptions.workerSrc = workerUrl;

/** Draws the first `maxPages` pages of a PDF, `width` CSS pixels wide, into new canvases. */
export async function renderPdfPages(
  bytes: Uint8Array,
  maxPages: number,
  width: number,
  signal: { cancelled: boolean },
): Promise<{ canvases: HTMLCanvasElement[]; pageCount: number }> {
  // pdf.js takes ownership of the buffer it is given: hand it a copy.
  const task = getDocument({ data: bytes.slice(), isEvalSupported: false, enableXfa: false });
  const doc = await task.promise;
  try {
    const canvases: HTMLCanvasElement[] = [];
    const ratio = Math.min(2, window.devicePixelRatio || 1);
    for (let n = 1; n <= Math.min(maxPages, doc.numPages); n++) {
      if (signal.cancelled) break;
      const page = await doc.getPage(n);
      const base = page.getViewport({ scale: 1 });
      const viewport = page.getViewport({ scale: (width / base.width) * ratio });
      const canvas = document.createElement('canvas');
      canvas.width = Math.floor(viewport.width);
      canvas.height = Math.floor(viewport.height);
      canvas.style.width = `${Math.floor(viewport.width / ratio)}px`;
      canvas.style.height = `${Math.floor(viewport.height / ratio)}px`;
      await page.render({ canvas, viewport }).promise;
      canvases.push(canvas);
    }
    return { canvases, pageCount: doc.numPages };
  } finally {
    void doc.destroy();
  }
}
