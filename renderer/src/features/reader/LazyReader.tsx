import { lazyChunk } from '../../components/lazyChunk';

// The reading view (and its styles) is a chunk of its own, fetched when the app is first idle or
// when a piece is first opened, whichever comes sooner.
const reader = lazyChunk(() => import('./ReaderView').then((m) => m.ReaderView));
export const loadReader = reader.load;
export const LazyReader = reader.Component;
