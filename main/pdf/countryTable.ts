import { LOCALE_TAGS, type Locale } from '../../shared/domain/locales';
import type { Translate } from '../../shared/locales/createTranslator';
import type { MeetingDoc, NetworkDoc } from '../../shared/schemas/libraryDocument';
import type { EditionText } from './EditionTexts';

/*
 * Countries in a pack: one compact table per section (name in the edition's language, role at
 * the pack's meeting, the country's notes), in the edition's alphabetical order, instead of a
 * heading and boilerplate per country. A country with notes also gets its profile after the
 * table, which the table's note titles link to. Nothing here prints an app message.
 */

/** A note of a country, linked to where the edition shows it. */
export interface CountryNoteLink {
  title: EditionText;
  /** The id of the heading the note sits under. */
  target: string;
}

export interface CountryRow {
  code: string;
  name: string;
  role: string;
  notes: CountryNoteLink[];
}

/** The table's column headings and rows, sorted for the edition's language. */
export interface CountryTable {
  header: [string, string, string];
  rows: CountryRow[];
}

/** What a country's role is judged against: the pack's meeting and its network, if any. */
export interface RoleContext {
  meeting: MeetingDoc | null;
  network: NetworkDoc | null;
  /** Every network of the library: a pack without a meeting shows memberships instead. */
  networks: readonly NetworkDoc[];
  /** "Member of the … Network", with the article and preposition of the language (documentLabels.ts). */
  memberOf: (network: NetworkDoc) => string;
}

/** An en dash for an empty cell: an empty cell reads as missing data, a sentence as an app message. */
export const EMPTY_CELL = '–';

const collators = new Map<Locale, Intl.Collator>();
/** The edition's alphabetical order (French and Spanish do not sort like English). */
export function countryCollator(locale: Locale): Intl.Collator {
  let collator = collators.get(locale);
  if (!collator) collators.set(locale, (collator = new Intl.Collator(LOCALE_TAGS[locale], { sensitivity: 'base' })));
  return collator;
}

/** Host, participant, member of the meeting's network (several may apply), or memberships without a meeting. */
export function countryRole(code: string, context: RoleContext, t: Translate): string {
  const { meeting, network } = context;
  if (!meeting) {
    const names = context.networks.filter((n) => n.members.includes(code)).map(context.memberOf);
    return names.length ? names.join(' · ') : EMPTY_CELL;
  }
  const roles: string[] = [];
  if (meeting.hostCountry === code) roles.push(t('pdf:countryRole.host'));
  else if (meeting.participants.includes(code)) roles.push(t('pdf:countryRole.participant'));
  if (network?.members.includes(code)) roles.push(context.memberOf(network));
  return roles.length ? roles.join(' · ') : EMPTY_CELL;
}

export function countryTableHeader(hasMeeting: boolean, t: Translate): [string, string, string] {
  return [t('pdf:countryTable.country'), t(hasMeeting ? 'pdf:countryTable.roleAtMeeting' : 'pdf:countryTable.role'), t('pdf:countryTable.notes')];
}

export function sortCountries<T extends { name: string }>(rows: readonly T[], locale: Locale): T[] {
  const collator = countryCollator(locale);
  return [...rows].sort((a, b) => collator.compare(a.name, b.name));
}

/** Characters a line of the narrowest column holds, at the least (a third of a landscape page, 9 pt). */
const MIN_CHARS_PER_LINE = 12;
/** Lines a row may take and still surely fit a page with room to spare (a landscape page holds about 40). */
const MAX_ROW_LINES = 20;

/**
 * Does a row surely fit on one page? Counted pessimistically (every cell as narrow as the
 * narrowest column can be), so that a row kept whole is never taller than a page.
 */
export function rowFitsAPage(row: CountryRow): boolean {
  const lines = (text: string) => Math.max(1, Math.ceil(text.length / MIN_CHARS_PER_LINE));
  const notes = row.notes.reduce((sum, n) => sum + lines(n.title.text) + 1, 0);
  return Math.max(lines(row.name), lines(row.role), notes) <= MAX_ROW_LINES;
}
