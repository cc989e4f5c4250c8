type ViewerModule = typeof import('../viewer/ViewerDialog');

let loading: Promise<ViewerModule> | null = null;

/**
 * The viewer's chunk (pdf.js with it), fetched once, and pdf.js's worker started: when a build
 * report is shown, so that opening an edition waits for neither.
 */
export function loadViewer(): Promise<ViewerModule> {
  loading ??= import('../viewer/ViewerDialog').then((module) => {
    module.warmPdfWorker();
    return module;
  });
  loading.catch(() => (loading = null));
  return loading;
}
