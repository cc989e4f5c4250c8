import { emptyLibraryDocument, type LibraryDocument, type NoteDoc } from '../../shared/schemas/libraryDocument';
import type { LocalizedDoc } from '../../shared/schemas/common';

/*
 * Wide and hostile content as users paste it: long URLs, e-mail addresses and file names, a
 * four-column contact table, a 300-character title. Every text exists in the three languages
 * (approved), so the side-by-side edition shows all three columns at full width.
 */

/** Words that must be found, whole and inside the page, in every PDF built from these notes. */
export const MARKERS = ['MARKERALPHA', 'MARKERBRAVO', 'MARKERCHARLIE', 'MARKERDELTA', 'MARKERECHO'] as const;

/** A 63-character token with no space: what pushed the Spanish column off the page. */
export const TOKEN_63 = 'Secretaria_Tecnica_Red_Parlamentaria_Seguridad_2025-11-27_v3.pdf';

export const LONG_URL =
  'https://www.parlamericas.org/uploads/documents/2025/security-network/first-meeting/Declaration_Final_Version_EN_FR_ES_PT.pdf?download=1&lang=es#page=12';

export const CONTACT_TABLE = [
  '| Country | Contact | E-mail | Document |',
  '|---|---|---|---|',
  `| Panama | Secretaría técnica | secretaria.tecnica.seguridad@asamblea.gob.pa | Informe_Nacional_Panama_Seguridad_2025_final.docx |`,
  `| Canada | Parliamentary Centre | international.relations.officer@parl.gc.ca | ${TOKEN_63} |`,
  `| Chile | MARKERDELTA | comision.seguridad.ciudadana@senado.cl | https://www.senado.cl/comisiones/seguridad-ciudadana/informes/2025 |`,
].join('\n');

export const LONG_TOKEN_BODY = [
  `MARKERALPHA opens the note. The file ${TOKEN_63} is attached; write to secretaria.tecnica.red.parlamentaria.seguridad@parlamericas.org for it.`,
  '',
  `See ${LONG_URL} and [the portal](${LONG_URL}) MARKERBRAVO.`,
  '',
  `Identifiers: ${'ParlAmericasSecurityNetworkIdentifier_'.repeat(4)}MARKERCHARLIE and org.parlamericas.security.network.meeting.first.panama.declaration.`,
  '',
  CONTACT_TABLE,
  '',
  'MARKERECHO closes the note.',
].join('\n');

export function same(text: string): LocalizedDoc {
  return {
    en: { text, status: 'approved' },
    fr: { text, status: 'approved' },
    es: { text, status: 'approved' },
  };
}

export function note(id: string, title: string, body: string, date = '2025-11-20'): NoteDoc {
  return { id, countryCode: null, date, tags: [], title: same(title), body: same(body), instruments: [], priorities: [], sources: [] };
}

/** A library with the given notes, each a section of its own, in a pack `hostile`. */
export function hostileDocument(notes: NoteDoc[] = defaultNotes()): LibraryDocument {
  return {
    ...emptyLibraryDocument(),
    notes,
    packs: [
      {
        id: 'pack-hostile',
        slug: 'hostile',
        meetingId: null,
        title: same('Hostile content pack'),
        subtitle: null,
        audience: null,
        classification: null,
        paper: 'a4',
        watermark: null,
        reference: null,
        version: null,
        issued: null,
        logo: null,
        options: { cover: true, toc: true, sources: true, numberedParagraphs: false },
        sections: notes.map((n, i) => ({ id: `pack-hostile-s${i + 1}`, title: same(`Section ${i + 1}`), text: null, items: [{ kind: 'note' as const, ref: n.id }] })),
      },
    ],
  };
}

export const TITLE_300 = `A title of three hundred characters: ${'Regional cooperation against transnational organized crime and for citizen security '.repeat(4)}`.slice(0, 300);

export function defaultNotes(): NoteDoc[] {
  return [note('note-long-tokens', 'Long tokens', LONG_TOKEN_BODY), note('note-long-title', TITLE_300, 'A short body under a very long title.')];
}
