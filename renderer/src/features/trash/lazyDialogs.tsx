import { lazy, Suspense, type ComponentProps } from 'react';

// Opened on demand, so not in the first bundle: fetched the first time one is opened.
const DeleteDialogChunk = lazy(() => import('./DeleteDialog').then((m) => ({ default: m.DeleteDialog })));
const TrashDialogChunk = lazy(() => import('./TrashDialog').then((m) => ({ default: m.TrashDialog })));
// The new-piece dialog reads the kinds' descriptors (and their zod schemas).
const NewPieceDialogChunk = lazy(() => import('../library/NewPieceDialog').then((m) => ({ default: m.NewPieceDialog })));
const LibraryFileDialogChunk = lazy(() => import('../libraryFile/LibraryFileDialog').then((m) => ({ default: m.LibraryFileDialog })));

export function DeleteDialog(props: ComponentProps<typeof DeleteDialogChunk>) {
  return (
    <Suspense fallback={null}>
      <DeleteDialogChunk {...props} />
    </Suspense>
  );
}

export function TrashDialog(props: ComponentProps<typeof TrashDialogChunk>) {
  return (
    <Suspense fallback={null}>
      <TrashDialogChunk {...props} />
    </Suspense>
  );
}

export function LibraryFileDialog(props: ComponentProps<typeof LibraryFileDialogChunk>) {
  return (
    <Suspense fallback={null}>
      <LibraryFileDialogChunk {...props} />
    </Suspense>
  );
}

export function NewPieceDialog(props: ComponentProps<typeof NewPieceDialogChunk>) {
  return (
    <Suspense fallback={null}>
      <NewPieceDialogChunk {...props} />
    </Suspense>
  );
}
