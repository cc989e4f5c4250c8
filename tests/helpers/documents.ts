import { emptyLibraryDocument } from '../../shared/schemas/libraryDocument';
import type { LocalizedDoc } from '../../shared/schemas/common';
import type { LibraryDocument } from '../../shared/schemas/libraryDocument';

/** A French original with English and Spanish drafts translated from it. */
export function tri(fr: string, en = `${fr} (en)`, es = `${fr} (es)`): LocalizedDoc {
  return {
    en: { text: en, status: 'draft', from: 'fr' },
    fr: { text: fr, status: 'approved' },
    es: { text: es, status: 'draft', from: 'fr' },
  };
}

export function en(text: string): LocalizedDoc {
  return { en: { text, status: 'approved' } };
}

/**
 * A small, valid library document with one piece of every kind and every kind of reference:
 * ids are prefixed `t-` so they never collide with the starter content.
 */
export function smallDocument(): LibraryDocument {
  return {
    format: 'briefing-library',
    formatVersion: 1,
    sources: [
      { id: 't-src-b', title: tri('Source B'), issuer: 'Issuer B', place: 'Ottawa', date: '2025-11', url: 'https://example.org/b' },
      { id: 't-src-a', title: tri('Source A'), issuer: 'Issuer A', place: null, date: '2024', url: null },
    ],
    countries: [
      { code: 'PA', formalName: null, sources: ['t-src-b', 't-src-a'] },
      { code: 'CA', formalName: tri('Canada officiel', 'Canada (formal)'), sources: [] },
    ],
    networks: [
      { id: 't-net', name: tri('Réseau test'), ofName: null, acronym: en('RT'), members: ['PA', 'CA'], sources: ['t-src-a'] },
    ],
    meetings: [
      {
        id: 't-meet',
        networkId: 't-net',
        title: tri('Réunion test'),
        theme: null,
        place: tri('Panama'),
        hostCountry: 'PA',
        participants: ['PA'],
        startDate: '2025-11-27',
        endDate: '2025-11-28',
        sources: ['t-src-a'],
      },
    ],
    priorities: [
      { id: 't-prio-1', networkId: 't-net', number: 1, title: tri('Priorité un'), body: tri('Corps un'), sources: ['t-src-a'] },
      { id: 't-prio-2', networkId: 't-net', number: 2, title: tri('Priorité deux'), body: tri('Corps deux'), sources: [] },
    ],
    instruments: [
      {
        id: 't-inst-conv',
        kind: 'convention',
        shortName: tri('Convention test'),
        officialTitle: tri('Convention officielle test'),
        yearAdopted: 2000,
        adoptingBody: null,
        summary: tri('Résumé'),
        parentId: null,
        priorities: ['t-prio-2', 't-prio-1'],
        sources: ['t-src-a'],
      },
      {
        id: 't-inst-prot',
        kind: 'protocol',
        shortName: tri('Protocole test'),
        officialTitle: tri('Protocole officiel test'),
        yearAdopted: null,
        adoptingBody: tri('Assemblée générale'),
        summary: tri('Résumé du protocole'),
        parentId: 't-inst-conv',
        priorities: [],
        sources: [],
      },
    ],
    notes: [
      {
        id: 't-note',
        countryCode: 'PA',
        date: '2025-11-20',
        tags: ['security', 'panama'],
        title: tri('Note test'),
        body: tri('Corps de la note'),
        instruments: ['t-inst-prot', 't-inst-conv'],
        priorities: ['t-prio-1'],
        sources: ['t-src-b'],
      },
    ],
    packs: [
      {
        id: 't-pack',
        slug: 't-pack-slug',
        meetingId: 't-meet',
        title: tri('Dossier test'),
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
        sections: [
          {
            id: 't-pack-s1',
            title: tri('Section un'),
            text: null,
            items: [
              { kind: 'priority', ref: 't-prio-1' },
              { kind: 'instrument', ref: 't-inst-conv' },
              { kind: 'note', ref: 't-note' },
              { kind: 'country', ref: 'PA' },
            ],
          },
        ],
      },
    ],
  };
}

/** A document with nothing in it but the envelope. */
export function emptyDocument(): LibraryDocument {
  return emptyLibraryDocument();
}

/** A deep copy a test may mutate freely, typed loosely so invalid values can be written in. */
export function mutable(doc: LibraryDocument): Record<string, unknown> & LibraryDocument {
  return structuredClone(doc) as Record<string, unknown> & LibraryDocument;
}

type PathStep = string | number;

function parentOf(root: unknown, path: readonly PathStep[]): Record<PathStep, unknown> {
  let here = root as Record<PathStep, unknown>;
  for (const step of path.slice(0, -1)) {
    const next = here[step];
    if (next === null || typeof next !== 'object') throw new Error(`no object at ${path.join('.')}`);
    here = next as Record<PathStep, unknown>;
  }
  return here;
}

/** Writes any value (valid or not) at a path inside a document. */
export function setAt(root: unknown, path: readonly PathStep[], value: unknown): void {
  parentOf(root, path)[path[path.length - 1]!] = value;
}

/** Removes a key at a path inside a document. */
export function deleteAt(root: unknown, path: readonly PathStep[]): void {
  delete parentOf(root, path)[path[path.length - 1]!];
}
