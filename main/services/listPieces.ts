import { LOCALES, type Locale } from '../../shared/domain/locales';
import type { LocalizedDoc } from '../../shared/schemas/common';
import type { LibraryCollection, LibraryDocument } from '../../shared/schemas/libraryDocument';
import { pickText } from '../../shared/domain/pickText';
import { recordTitle } from '../../shared/descriptors/pieceTitle';
import type { PieceKind } from '../../shared/domain/pieceKinds';
import { statesByLocale } from '../../shared/domain/translationState';
import type { ListEntry, ListKind } from '../../shared/api/listTypes';
import { hashSourceText } from '../db/textHash';
import { listDetails } from '../../shared/descriptors/listDetails';

export { LIST_KINDS, type ListKind, type ListEntry } from '../../shared/api/listTypes';

/** The collections a list reads: countries also need networks, for membership. */
export const LIST_NEEDS: Record<ListKind, LibraryCollection[]> = {
  priorities: ['priorities'],
  instruments: ['instruments'],
  countries: ['countries', 'networks'],
  notes: ['notes'],
  meetings: ['meetings'],
  networks: ['networks'],
  sources: ['sources'],
  packs: ['packs'],
};

function entry(
  kind: PieceKind,
  record: { id: string },
  fields: (LocalizedDoc | null)[],
  locale: Locale,
  details: ListEntry['details'],
): ListEntry {
  const title = recordTitle(kind, record, locale);
  const states = statesByLocale(fields, hashSourceText);
  return { id: record.id, title: title.text, titleLocale: title.locale, status: states[locale], states, details };
}

/**
 * The rows `briefing list KIND` shows, in a reader's locale, in reading order, from a document in
 * memory. listEntries.ts gives the same rows straight from the database; this is its reference.
 */
export function listPieces(doc: LibraryDocument, kind: ListKind, locale: Locale): ListEntry[] {
  switch (kind) {
    case 'priorities':
      return [...doc.priorities]
        .sort((a, b) => a.networkId.localeCompare(b.networkId) || a.number - b.number)
        .map((p) => entry('priority', p, [p.title, p.body], locale, listDetails('priority', { number: p.number }, { networkId: p.networkId })));
    case 'instruments':
      return doc.instruments.map((i) =>
        entry(
          'instrument',
          i,
          [i.shortName, i.officialTitle, i.adoptingBody, i.summary],
          locale,
          listDetails('instrument', { kind: i.kind, yearAdopted: i.yearAdopted, officialTitle: pickText(i.officialTitle, locale)?.text ?? null }, { parentId: i.parentId }),
        ),
      );
    case 'countries': {
      const memberships = new Map<string, string[]>();
      for (const n of doc.networks) for (const c of n.members) memberships.set(c, [...(memberships.get(c) ?? []), n.id]);
      return doc.countries
        .map((c): ListEntry => {
          const name = recordTitle('country', c, locale).text;
          // Without a formal name in a locale, Intl's name is used: nothing is missing.
          const states = statesByLocale([c.formalName], hashSourceText);
          for (const l of LOCALES) if (states[l] === 'missing') states[l] = 'approved';
          return {
            id: c.code,
            title: name,
            titleLocale: locale,
            status: states[locale],
            states,
            details: listDetails('country', { code: c.code }, { networks: memberships.get(c.code) ?? [] }),
          };
        })
        .sort((a, b) => a.title.localeCompare(b.title, locale));
    }
    case 'notes':
      return [...doc.notes]
        .sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id))
        .map((n) =>
          entry('note', n, [n.title, n.body], locale, listDetails('note', { date: n.date, countryCode: n.countryCode, tags: n.tags })),
        );
    case 'meetings':
      return [...doc.meetings]
        .sort((a, b) => a.startDate.localeCompare(b.startDate))
        .map((m) =>
          entry(
            'meeting',
            m,
            [m.title, m.theme, m.place],
            locale,
            listDetails('meeting', { startDate: m.startDate, endDate: m.endDate, place: pickText(m.place, locale)?.text ?? null }, { networkId: m.networkId }),
          ),
        );
    case 'networks':
      return doc.networks
        .map((n) =>
          entry('network', n, [n.name, n.acronym], locale, listDetails('network', { acronym: pickText(n.acronym, locale)?.text ?? null, members: n.members })),
        )
        .sort((a, b) => a.title.localeCompare(b.title, locale));
    case 'sources':
      return doc.sources
        .map((s) => entry('source', s, [s.title], locale, listDetails('source', { issuer: s.issuer, place: s.place, date: s.date }, { url: s.url })))
        .sort((a, b) => a.title.localeCompare(b.title, locale));
    case 'packs':
      return doc.packs.map((p) =>
        entry(
          'pack',
          p,
          [p.title, p.subtitle, p.audience, p.classification, ...p.sections.flatMap((s) => [s.title, s.text])],
          locale,
          listDetails('pack', { slug: p.slug, paper: p.paper }, { meetingId: p.meetingId, sections: p.sections.length }),
        ),
      );
  }
}
