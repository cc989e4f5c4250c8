import { approverNow } from '../services/userName';
import { AppError } from '../../shared/errors/AppError';
import { EDITABLE_KINDS, type Choices, type PieceRecord } from '../../shared/api/apiContract';
import { DESCRIPTORS } from '../../shared/descriptors/descriptors';
import type { Locale } from '../../shared/domain/locales';
import type { PieceKind } from '../../shared/domain/pieceKinds';
import { recordTitle } from '../../shared/descriptors/pieceTitle';
import type { LibraryCollection, LibraryDocument } from '../../shared/schemas/libraryDocument';
import { listEntries } from '../services/listEntries';
import { searchAllKinds, searchLibrary } from '../services/searchLibrary';
import { readPiece } from '../services/readPiece';
import type { ApiContext } from './ApiContext';
import type { ApiRegistry } from './ApiRegistry';
import { saveRecord } from './saveRecord';

/** The editable piece with this id, found through the descriptors (collection and id field). */
export function findRecord(doc: LibraryDocument, id: string): PieceRecord | null {
  for (const kind of EDITABLE_KINDS) {
    const { collection, idField } = DESCRIPTORS[kind];
    const record = (doc[collection as LibraryCollection] as unknown as Record<string, unknown>[]).find((r) => r[idField] === id);
    if (record) return { kind, record } as PieceRecord;
  }
  return null;
}

function choices(doc: LibraryDocument, locale: Locale): Choices {
  const label = (kind: PieceKind, record: object) => recordTitle(kind, record, locale).text;
  return {
    priorities: [...doc.priorities]
      .sort((a, b) => a.number - b.number)
      .map((p) => ({ id: p.id, label: `${p.number}. ${label('priority', p)}` })),
    instruments: doc.instruments.map((i) => ({ id: i.id, label: label('instrument', i) })),
    notes: doc.notes.map((n) => ({ id: n.id, label: label('note', n) })),
    countries: doc.countries
      .map((c) => ({ id: c.code, label: label('country', c) }))
      .sort((a, b) => a.label.localeCompare(b.label, locale)),
    meetings: doc.meetings.map((m) => ({ id: m.id, label: label('meeting', m) })),
    sources: doc.sources.map((s) => ({ id: s.id, label: label('source', s) })),
    networks: doc.networks.map((n) => ({ id: n.id, label: label('network', n) })),
  };
}

/** Library screens: lists, search, one piece to edit, and saving it. */
export function registerLibraryApi(api: ApiRegistry, ctx: ApiContext): void {
  const { store } = ctx;
  api.register('library.list', ({ kind, locale }) => listEntries(store, kind, locale));
  api.register('library.search', ({ query, locale, kinds }) => (query.trim() ? searchLibrary(store, query, locale, 50, kinds) : []));
  api.register('library.searchAll', ({ query, locale }) => searchAllKinds(store, query, locale));
  api.register('library.read', ({ id, locale }) => readPiece(store, id, locale));
  api.register('library.get', ({ id }) => {
    const found = findRecord(store.readDocument(), id);
    if (!found) throw new AppError('api.notFound', { id });
    return found;
  });
  api.register('library.choices', ({ locale }) => choices(store.readDocument(), locale));
  api.register('library.savePriority', ({ record }) => saveRecord(store, 'priorities', record, approverNow(store)));
  api.register('library.saveInstrument', ({ record }) => saveRecord(store, 'instruments', record, approverNow(store)));
  api.register('library.saveNote', ({ record }) => saveRecord(store, 'notes', record, approverNow(store)));
  api.register('library.saveMeeting', ({ record }) => saveRecord(store, 'meetings', record, approverNow(store)));
  api.register('library.saveCountry', ({ record }) => saveRecord(store, 'countries', record, approverNow(store)));
  api.register('library.save', (piece) => {
    const { collection } = DESCRIPTORS[piece.kind];
    const record = saveRecord(store, collection as LibraryCollection, piece.record as never, approverNow(store));
    return { kind: piece.kind, record } as PieceRecord;
  });
  api.register('library.saveSource', ({ record }) => saveRecord(store, 'sources', record, approverNow(store)));
}
