import type { EditableKind, PieceRecord } from '../../../../shared/api/apiContract';
import type { Locale } from '../../../../shared/domain/locales';
import { isCountryCode } from '../../../../shared/domain/countryCodes';
import { random4, slugify, today } from './newNoteRecord';

/** Id prefixes, as the starter library names its pieces. */
const PREFIX: Record<EditableKind, string> = {
  source: 'src',
  country: '',
  network: 'net',
  meeting: 'meet',
  priority: 'prio',
  instrument: 'inst',
  note: 'note',
};

/** `<prefix>-<slug of the title>-<random4>`, never longer than the 64 characters an id may have, whatever the title. */
export function newPieceId(kind: EditableKind, title: string): string {
  const prefix = PREFIX[kind] || kind;
  const slug = slugify(title, 64 - prefix.length - '--xxxx'.length);
  return slug ? `${prefix}-${slug}-${random4()}` : `${prefix}-${random4()}`;
}

export interface NewPieceInput {
  /** The title (name, short name) typed in the New dialog, in `locale`. */
  title: string;
  locale: Locale;
  /** The network of a meeting or priority; the code of a country. */
  networkId?: string;
  code?: string;
  /** The next free priority number in that network. */
  number?: number;
}

/**
 * A new piece, not saved yet: its title an original draft in the language it was typed in, every
 * other required text empty for the editor to fill, lists empty. Saving checks it like an import.
 */
export function newPieceRecord(kind: EditableKind, input: NewPieceInput): PieceRecord {
  const title = { [input.locale]: { text: input.title.trim(), status: 'draft' as const } };
  const id = newPieceId(kind, input.title);
  switch (kind) {
    case 'source':
      return { kind, record: { id, title, issuer: '', place: null, date: null, url: null } };
    case 'country':
      return { kind, record: { code: (input.code ?? '').toUpperCase(), formalName: input.title.trim() ? title : null, sources: [] } };
    case 'network':
      return { kind, record: { id, name: title, ofName: null, acronym: null, members: [], sources: [] } };
    case 'meeting': {
      const day = today();
      return {
        kind,
        record: { id, networkId: input.networkId ?? '', title, theme: null, place: {}, hostCountry: '', participants: [], startDate: day, endDate: day, sources: [] },
      };
    }
    case 'priority':
      return { kind, record: { id, networkId: input.networkId ?? '', number: input.number ?? 1, title, body: {}, sources: [] } };
    case 'instrument':
      return {
        kind,
        record: { id, kind: 'convention', shortName: title, officialTitle: title, yearAdopted: null, adoptingBody: null, summary: {}, parentId: null, priorities: [], sources: [] },
      };
    case 'note':
      return { kind, record: { id, countryCode: null, date: today(), tags: [], title, body: {}, instruments: [], priorities: [], sources: [] } };
  }
}

/** The first number no priority of the network has (a new priority goes last). */
export function nextPriorityNumber(taken: readonly number[]): number {
  return taken.length === 0 ? 1 : Math.min(999, Math.max(...taken) + 1);
}

/** What a New dialog asks before the editor opens: what names the piece, and what it cannot exist without. */
export function newPieceProblems(kind: EditableKind, input: { title: string; networkId: string; code: string }): ('title' | 'networkId' | 'code')[] {
  const problems: ('title' | 'networkId' | 'code')[] = [];
  if (kind === 'country') {
    if (!isCountryCode(input.code)) problems.push('code');
  } else if (input.title.trim() === '') problems.push('title');
  if ((kind === 'meeting' || kind === 'priority') && input.networkId === '') problems.push('networkId');
  return problems;
}

