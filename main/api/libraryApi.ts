import { approverNow } from '../services/userName';
import { AppError } from '../../shared/errors/AppError';
import type { Choices, PieceRecord } from '../../shared/api/apiContract';
import type { Locale } from '../../shared/domain/locales';
import { pickText } from '../../shared/domain/pickText';
import { countryName } from '../../shared/domain/countryName';
import type { LibraryDocument } from '../../shared/schemas/libraryDocument';
import { listEntries } from '../services/listEntries';
import { searchAllKinds, searchLibrary } from '../services/searchLibrary';
import { readPiece } from '../services/readPiece';
import type { ApiContext } from './ApiContext';
import type { ApiRegistry } from './ApiRegistry';
import { saveRecord } from './saveRecord';

export function findRecord(doc: LibraryDocument, id: string): PieceRecord | null {
  const p = doc.priorities.find((x) => x.id === id);
  if (p) return { kind: 'priority', record: p };
  const i = doc.instruments.find((x) => x.id === id);
  if (i) return { kind: 'instrument', record: i };
  const n = doc.notes.find((x) => x.id === id);
  if (n) return { kind: 'note', record: n };
  const m = doc.meetings.find((x) => x.id === id);
  if (m) return { kind: 'meeting', record: m };
  const c = doc.countries.find((x) => x.code === id);
  if (c) return { kind: 'country', record: c };
  const s = doc.sources.find((x) => x.id === id);
  if (s) return { kind: 'source', record: s };
  return null;
}

function choices(doc: LibraryDocument, locale: Locale): Choices {
  const label = (value: Parameters<typeof pickText>[0], fallback: string) => pickText(value, locale)?.text ?? fallback;
  return {
    priorities: [...doc.priorities]
      .sort((a, b) => a.number - b.number)
      .map((p) => ({ id: p.id, label: `${p.number}. ${label(p.title, p.id)}` })),
    instruments: doc.instruments.map((i) => ({ id: i.id, label: label(i.shortName, i.id) })),
    notes: doc.notes.map((n) => ({ id: n.id, label: label(n.title, n.id) })),
    countries: doc.countries
      .map((c) => ({ id: c.code, label: countryName(c.code, locale, c.formalName) }))
      .sort((a, b) => a.label.localeCompare(b.label, locale)),
    meetings: doc.meetings.map((m) => ({ id: m.id, label: label(m.title, m.id) })),
    sources: doc.sources.map((s) => ({ id: s.id, label: label(s.title, s.id) })),
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
  api.register('library.saveSource', ({ record }) => saveRecord(store, 'sources', record, approverNow(store)));
}
