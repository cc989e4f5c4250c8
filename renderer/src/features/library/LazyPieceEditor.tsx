import { lazyChunk } from '../../components/lazyChunk';

// The editor and its forms are a chunk of their own (the initial JavaScript stays under 160 KB gzip
// as kinds and fields are added), fetched when the app is first idle or an editor first opens.
const editor = lazyChunk(() => import('./PieceEditor').then((m) => m.PieceEditor));
export const loadPieceEditor = editor.load;
export const LazyPieceEditor = editor.Component;
