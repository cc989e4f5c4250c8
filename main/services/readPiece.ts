import { AppError } from '../../shared/errors/AppError';
import { LOCALES, type Locale } from '../../shared/domain/locales';
import type { PieceKind } from '../../shared/domain/pieceKinds';
import { translationState, worstState, type TranslationState } from '../../shared/domain/translationState';
import {
  READ_LINKS_SHOWN,
  READABLE_KINDS,
  type LinkGroup,
  type ReadableKind,
  type ReadLink,
  type ReadLinks,
  type ReadPiece,
} from '../../shared/api/readTypes';
import type { LibraryStore } from './LibraryStore';
import { hashSourceText } from '../db/textHash';
import { prepared, titlesOf } from './pieceTitles';
import { translatableFields } from '../../shared/descriptors/descriptors';

/** A kind's texts in reading order, from its descriptor; the required ones count as missing when absent. */
const readFields = (kind: ReadableKind) => translatableFields(kind).map((f) => ({ name: f.name, required: f.required, markdown: f.length === 'long' }));

type LinkQuery = {
  group: LinkGroup;
  sql: string;
  params?: (id: string) => unknown[];
  /** A cheaper count than counting `sql`'s rows, where thousands of pieces may link here. */
  count?: string;
};

/**
 * Per kind, each group of links as one query giving `id, kind` rows in the group's order, cut at
 * READ_LINKS_SHOWN and counted only when cut, so a priority that 10,000 notes refer to opens in a
 * few milliseconds. Only notes and instruments link to a priority, only notes to an instrument
 * (links table, migration 001): the counts of notes are the links' count less the instruments'.
 */
const LINK_QUERIES: Record<ReadableKind, LinkQuery[]> = {
  priority: [
    { group: 'network', sql: `SELECT network_id AS id, 'network' AS kind FROM priorities WHERE id = ?` },
    {
      group: 'instruments',
      // From the instruments' side: a hundred primary-key probes, not a pass over every note's link.
      sql: `SELECT i.id, 'instrument' AS kind FROM instruments i CROSS JOIN links l ON l.from_id = i.id AND l.to_id = ?
            ORDER BY i.year_adopted IS NULL, i.year_adopted, i.id`,
    },
    {
      group: 'notes',
      sql: `SELECT l.from_id AS id, 'note' AS kind FROM links l JOIN notes n ON n.id = l.from_id
            WHERE l.to_id = ? ORDER BY n.date DESC, n.id`,
      count: `SELECT (SELECT count(*) FROM links WHERE to_id = ?)
                   - (SELECT count(*) FROM instruments i CROSS JOIN links l ON l.from_id = i.id AND l.to_id = ?)`,
    },
    SOURCES(),
  ],
  instrument: [
    { group: 'parent', sql: `SELECT parent_id AS id, 'instrument' AS kind FROM instruments WHERE id = ? AND parent_id IS NOT NULL` },
    {
      group: 'protocols',
      sql: `SELECT id, 'instrument' AS kind FROM instruments WHERE parent_id = ? ORDER BY year_adopted IS NULL, year_adopted, id`,
    },
    {
      group: 'priorities',
      sql: `SELECT p.id, 'priority' AS kind FROM links l JOIN priorities p ON p.id = l.to_id
            WHERE l.from_id = ? ORDER BY p.network_id, p.number`,
    },
    {
      group: 'notes',
      sql: `SELECT l.from_id AS id, 'note' AS kind FROM links l JOIN notes n ON n.id = l.from_id
            WHERE l.to_id = ? ORDER BY n.date DESC, n.id`,
      count: `SELECT count(*) FROM links WHERE to_id = ?`,
    },
    SOURCES(),
  ],
  country: [
    {
      group: 'notes',
      sql: `SELECT id, 'note' AS kind FROM notes WHERE country_code = ? ORDER BY date DESC, id`,
    },
    {
      group: 'instruments',
      sql: `SELECT DISTINCT i.id, 'instrument' AS kind FROM notes n JOIN links l ON l.from_id = n.id
            JOIN instruments i ON i.id = l.to_id WHERE n.country_code = ? ORDER BY i.id`,
    },
    {
      group: 'packs',
      // Packs that list the country or one of its notes, or whose meeting it hosts.
      sql: `SELECT k.id, 'pack' AS kind FROM packs k WHERE k.id IN (
              SELECT s.pack_id FROM pack_sections s JOIN pack_items it ON it.section_id = s.id
              WHERE (it.kind = 'country' AND it.piece_ref = ?)
                 OR (it.kind = 'note' AND it.piece_ref IN (SELECT id FROM notes WHERE country_code = ?))
              UNION SELECT k2.id FROM packs k2 JOIN meetings m ON m.id = k2.meeting_id WHERE m.host_country = ?)
            ORDER BY k.slug`,
      params: (id) => [id, id, id],
    },
    {
      group: 'meetings',
      // Meetings it hosted or took part in.
      sql: `SELECT id, 'meeting' AS kind FROM meetings
            WHERE host_country = ? OR id IN (SELECT meeting_id FROM meeting_participants WHERE country_code = ?)
            ORDER BY start_date DESC, id`,
      params: (id) => [id, id],
    },
    {
      group: 'memberOf',
      sql: `SELECT network_id AS id, 'network' AS kind FROM network_members WHERE country_code = ? ORDER BY network_id`,
    },
    SOURCES(),
  ],
  network: [
    {
      group: 'meetings',
      sql: `SELECT id, 'meeting' AS kind FROM meetings WHERE network_id = ? ORDER BY start_date DESC, id`,
    },
    {
      group: 'members',
      sql: `SELECT country_code AS id, 'country' AS kind FROM network_members WHERE network_id = ?`,
    },
    {
      group: 'priorities',
      sql: `SELECT id, 'priority' AS kind FROM priorities WHERE network_id = ? ORDER BY number`,
    },
    SOURCES(),
  ],
  meeting: [
    { group: 'network', sql: `SELECT network_id AS id, 'network' AS kind FROM meetings WHERE id = ?` },
    { group: 'host', sql: `SELECT host_country AS id, 'country' AS kind FROM meetings WHERE id = ?` },
    { group: 'participants', sql: `SELECT country_code AS id, 'country' AS kind FROM meeting_participants WHERE meeting_id = ?` },
    { group: 'packs', sql: `SELECT id, 'pack' AS kind FROM packs WHERE meeting_id = ? ORDER BY slug` },
    SOURCES(),
  ],
  note: [
    { group: 'country', sql: `SELECT country_code AS id, 'country' AS kind FROM notes WHERE id = ? AND country_code IS NOT NULL` },
    {
      group: 'priorities',
      sql: `SELECT p.id, 'priority' AS kind FROM links l JOIN priorities p ON p.id = l.to_id
            WHERE l.from_id = ? ORDER BY p.network_id, p.number`,
    },
    {
      group: 'instruments',
      sql: `SELECT i.id, 'instrument' AS kind FROM links l JOIN instruments i ON i.id = l.to_id
            WHERE l.from_id = ? ORDER BY i.id`,
    },
    {
      group: 'packs',
      sql: `SELECT DISTINCT s.pack_id AS id, 'pack' AS kind FROM pack_items it JOIN pack_sections s ON s.id = it.section_id
            WHERE it.kind = 'note' AND it.piece_ref = ? ORDER BY s.pack_id`,
    },
    SOURCES(),
  ],
  source: [
    {
      group: 'citedBy',
      sql: `SELECT ps.piece_id AS id, p.kind FROM piece_sources ps JOIN pieces p ON p.id = ps.piece_id
            WHERE ps.source_id = ? ORDER BY p.kind, ps.piece_id`,
    },
  ],
};

function SOURCES(): LinkQuery {
  return { group: 'sources', sql: `SELECT source_id AS id, 'source' AS kind FROM piece_sources WHERE piece_id = ? ORDER BY source_id` };
}

/** Facts per kind that are not translated, as one row, named after the kind's descriptor fields (the reading view lists them from those). */
const FACTS: Record<ReadableKind, string | null> = {
  priority: 'SELECT number FROM priorities WHERE id = ?',
  instrument: 'SELECT kind, year_adopted AS yearAdopted FROM instruments WHERE id = ?',
  country: 'SELECT code FROM countries WHERE code = ?',
  network: null,
  meeting: 'SELECT start_date AS startDate, end_date AS endDate FROM meetings WHERE id = ?',
  note: `SELECT date, (SELECT json_group_array(tag) FROM (SELECT tag FROM note_tags WHERE note_id = n.id ORDER BY tag)) AS tags
         FROM notes n WHERE id = ?`,
  source: 'SELECT issuer, place, date, url FROM sources WHERE id = ?',
};

function isReadable(kind: PieceKind | undefined): kind is ReadableKind {
  return kind !== undefined && (READABLE_KINDS as readonly string[]).includes(kind);
}

/**
 * One piece for the reading view: its texts in every language with their translation states,
 * its facts, and the pieces linked to it in both directions, each titled in `locale`.
 * A dozen indexed queries, none of which reads more than the piece and its links.
 */
export function readPiece(store: LibraryStore, id: string, locale: Locale): ReadPiece {
  const { db } = store;
  const kind = store.pieces.kindOf(id);
  if (!isReadable(kind)) throw new AppError('api.notFound', { id });
  const texts = store.texts.readPiece(id);
  const hash = memoHash();
  const fields: ReadPiece['fields'] = [];
  const allStates: TranslationState[][] = LOCALES.map(() => []);
  for (const spec of readFields(kind)) {
    const value = texts.get(spec.name);
    if (!value) {
      if (spec.required) LOCALES.forEach((_, i) => allStates[i]!.push('missing'));
      continue;
    }
    const states = {} as Record<Locale, TranslationState>;
    LOCALES.forEach((l, i) => {
      // A country without its formal name in a language is named by Intl there: nothing is missing.
      const state = translationState(value, l, hash);
      states[l] = state;
      allStates[i]!.push(kind === 'country' && state === 'missing' ? 'approved' : state);
    });
    fields.push({ name: spec.name, value, markdown: spec.markdown, states });
  }
  const states = {} as Record<Locale, TranslationState>;
  LOCALES.forEach((l, i) => (states[l] = worstState(allStates[i]!)));

  const factsSql = FACTS[kind];
  const facts: ReadPiece['facts'] = factsSql ? { ...((prepared(db, factsSql).get(id) as Record<string, string | number | null>) ?? {}) } : {};
  if (typeof facts.tags === 'string') facts.tags = JSON.parse(facts.tags) as string[];

  const groups: { group: LinkGroup; refs: { id: string; kind: PieceKind }[]; total: number }[] = [];
  for (const query of LINK_QUERIES[kind]) {
    const params = query.params ? query.params(id) : [id];
    const refs = prepared(db, `${query.sql} LIMIT ${READ_LINKS_SHOWN}`).all(...params) as { id: string; kind: PieceKind }[];
    if (refs.length === 0) continue;
    const total =
      refs.length < READ_LINKS_SHOWN
        ? refs.length
        : query.count
          ? (prepared(db, query.count).pluck().get(...query.count.split('?').slice(1).map(() => id)) as number)
          : (prepared(db, `SELECT count(*) FROM (${query.sql})`).pluck().get(...params) as number);
    groups.push({ group: query.group, refs, total });
  }
  const titles = titlesOf(db, groups.flatMap((g) => g.refs), locale);
  const links: ReadLinks[] = groups.map((g) => {
    const items: ReadLink[] = g.refs.map((r) => ({ id: r.id, kind: r.kind, ...titles.get(r.id)! }));
    // Members and a country's instruments have no order of their own: alphabetical in the reader's language.
    if (g.group === 'members' || g.group === 'participants' || (kind === 'country' && g.group === 'instruments')) items.sort((a, b) => a.title.localeCompare(b.title, locale));
    return { group: g.group, items, total: g.total };
  });

  const own = titlesOf(db, [{ id, kind }], locale).get(id)!;
  return { id, kind, title: own.title, titleLocale: own.titleLocale, fields, states, facts, links };
}

function memoHash(): (text: string) => string {
  const seen = new Map<string, string>();
  return (text) => {
    let h = seen.get(text);
    if (h === undefined) seen.set(text, (h = hashSourceText(text)));
    return h;
  };
}
