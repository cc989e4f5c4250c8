import { getDocument, GlobalWorkerOptions, PDFWorker, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

// The viewer's chunk is loaded only when a PDF is opened: pdf.js stays out of the first bundle.
// Its worker is a file of the app itself, as the CSP (worker-src 'self') requires.
GlobalWorkerOptions.workerSrc = workerUrl;

let worker: PDFWorker | null = null;

/**
 * One pdf.js worker for the session, started when a build report appears (before anything is
 * opened): starting it reads 1.2 MB of script, which would otherwise delay the first page.
 */
export function warmPdfWorker(): PDFWorker {
  if (!worker || worker.destroyed) worker = new PDFWorker();
  return worker;
}

/** Copied into the bundle by vite.config.ts (pdfjsAssets): nothing is fetched from elsewhere. */
const bundled = (folder: string) => new URL(`pdfjs/${folder}/`, document.baseURI).href;

/**
 * Opens a PDF from its bytes. No eval (the CSP has no 'unsafe-eval'), no WebAssembly (nor
 * 'wasm-unsafe-eval': JPEG 2000 and JBIG2 images, which our builds never hold, are then not
 * drawn), no XFA forms; standard fonts and CMaps come from the bundle, for PDFs that need them.
 */
export function openPdf(bytes: Uint8Array): { promise: Promise<PDFDocumentProxy>; destroy: () => Promise<void> } {
  // pdf.js takes ownership of the buffer it is given: hand it a copy, the download keeps its own.
  const task = getDocument({
    data: bytes.slice(),
    worker: warmPdfWorker(),
    isEvalSupported: false,
    enableXfa: false,
    useWasm: false,
    cMapUrl: bundled('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: bundled('standard_fonts'),
  });
  return { promise: task.promise, destroy: () => task.destroy() };
}
