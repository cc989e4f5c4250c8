import type { MeetingDoc, NoteDoc } from '../../shared/schemas/libraryDocument';
import { tri } from './documents';

/*
 * Records in translation states a starter library never has, for tests that compare a fast
 * SQL listing with the document listing it replaces.
 */

/** Spanish translated from English, itself from French; the Spanish body recorded an old source. */
export function chainedNote(oldHash: string): NoteDoc {
  return {
    id: 'note-edge-chain',
    countryCode: null,
    date: '2025-01-02',
    tags: [],
    title: {
      fr: { text: 'Chaîne', status: 'approved' },
      en: { text: 'Chain', status: 'approved', from: 'fr' },
      es: { text: 'Cadena', status: 'draft', from: 'en' },
    },
    body: {
      fr: { text: 'Corps', status: 'approved' },
      en: { text: 'Body', status: 'approved', from: 'fr' },
      es: { text: 'Cuerpo', status: 'draft', from: 'en', sourceHash: oldHash },
    },
    instruments: [],
    priorities: [],
    sources: [],
  };
}

/** A meeting whose original is Spanish, with a theme only in French. */
export function edgeMeeting(): MeetingDoc {
  return {
    id: 'meet-edge',
    networkId: 'net-rps',
    title: { es: { text: 'Reunión', status: 'approved' }, en: { text: 'Meeting', status: 'draft', from: 'es' } },
    theme: { fr: { text: 'Thème', status: 'draft' } },
    place: tri('Panama'),
    hostCountry: 'PA',
    participants: [],
    startDate: '2025-11-27',
    endDate: '2025-11-28',
    sources: [],
  };
}
