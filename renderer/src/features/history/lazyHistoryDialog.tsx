import { lazy, Suspense, type ComponentProps } from 'react';

// Opened on demand (it brings the descriptors and the word diff): not in the first bundle.
const HistoryDialogChunk = lazy(() => import('./HistoryDialog').then((m) => ({ default: m.HistoryDialog })));

export function HistoryDialog(props: ComponentProps<typeof HistoryDialogChunk>) {
  return (
    <Suspense fallback={null}>
      <HistoryDialogChunk {...props} />
    </Suspense>
  );
}
