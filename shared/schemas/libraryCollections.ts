/** The arrays of a document, in the order they are written and applied. */
export const LIBRARY_COLLECTIONS = [
  'sources',
  'countries',
  'networks',
  'meetings',
  'priorities',
  'instruments',
  'notes',
  'packs',
] as const;
export type LibraryCollection = (typeof LIBRARY_COLLECTIONS)[number];
