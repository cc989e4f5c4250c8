import type { Database } from 'better-sqlite3';
import { LOCALES, type Locale } from '../../shared/domain/locales';
import type { LocalizedDoc } from '../../shared/schemas/common';
import type { StoredTextStatus } from '../../shared/domain/pieceKinds';
import { pickText } from '../../shared/domain/pickText';
import { countryName } from '../../shared/domain/countryName';
import { stateAgainstSource, worstState, type TranslationState } from '../../shared/domain/translationState';
import type { ListEntry, ListKind } from '../../shared/api/listTypes';
import type { LibraryStore } from './LibraryStore';
import { LIST_NEEDS, listPieces } from './listPieces';
import { hashSourceText } from '../db/textHash';
import { optionalTextFields, requiredTextFields } from '../../shared/descriptors/descriptors';

/**
 * One stored text as a list needs it: piece, field, locale, status, source locale, recorded
 * hash, the text (for shown fields and originals), then its own hash once computed.
 */
type TextStateRow = [string, string, Locale, StoredTextStatus, Locale | null, string | null, string | null, string?];

/** The texts of one piece: the shown fields in full, every counted field as a state per locale. */
interface PieceTexts {
  shown: Map<string, LocalizedDoc>;
  states: Map<string, Partial<Record<Locale, TranslationState>>>;
}

interface KindTexts {
  kind: string;
  /** Fields a record always has: no text at all in one means it is missing everywhere. */
  required: readonly string[];
  optional: readonly string[];
  shown: readonly string[];
}

/**
 * Every counted text of one piece kind, in one query. A translation is out of date when the hash
 * it recorded no longer matches its source text, so a body leaves SQLite where a row shows it or
 * where it is an original (what translations are made from); a translation made from another
 * translation, which is rare, has its source read on its own. Each source is hashed once.
 *
 * The rows come as one JSON string: better-sqlite3 builds a JS value per column per row, which
 * at 60,000 texts costs several times the query itself, while JSON.parse builds them in bulk.
 */
function readTexts(db: Database, spec: KindTexts): Map<string, PieceTexts> {
  const fields = [...spec.required, ...spec.optional];
  const marks = (list: readonly string[]) => list.map(() => '?').join(', ');
  const json = db
    .prepare(
      `SELECT json_group_array(json_array(t.piece_id, t.field, t.locale, t.status, t.source_locale, t.source_hash,
         CASE WHEN t.source_locale IS NULL OR t.field IN (${marks(spec.shown)}) THEN t.body END))
       FROM pieces p JOIN texts t ON t.piece_id = p.id
       WHERE p.kind = ? AND t.field IN (${marks(fields)})`,
    )
    .pluck()
    .get(...spec.shown, spec.kind, ...fields) as string;
  const byPiece = new Map<string, TextStateRow[]>();
  for (const row of JSON.parse(json) as TextStateRow[]) {
    const texts = byPiece.get(row[0]);
    if (texts) texts.push(row);
    else byPiece.set(row[0], [row]);
  }
  const readBody = db.prepare<[string, string, string], string>('SELECT body FROM texts WHERE piece_id = ? AND field = ? AND locale = ?').pluck();
  const hashOf = (row: TextStateRow): string | null => {
    if (row[7] === undefined) {
      const body = row[6] ?? readBody.get(row[0], row[1], row[2]);
      if (body === undefined) return null;
      row[7] = hashSourceText(body);
    }
    return row[7];
  };
  const shownFields = new Set(spec.shown);
  const out = new Map<string, PieceTexts>();
  for (const [id, texts] of byPiece) {
    const piece: PieceTexts = { shown: new Map(), states: new Map() };
    out.set(id, piece);
    for (const row of texts) {
      const [, field, locale, status, source, hash, text] = row;
      let state: TranslationState = status;
      if (source !== null) {
        const origin = texts.find((r) => r[1] === field && r[2] === source);
        state = stateAgainstSource(status, hash, origin ? hashOf(origin) : null);
      }
      const states = piece.states.get(field);
      if (states) states[locale] = state;
      else piece.states.set(field, { [locale]: state });
      if (text !== null && shownFields.has(field)) {
        const entry = source !== null ? { text, status, from: source } : { text, status };
        const shown = piece.shown.get(field);
        if (shown) shown[locale] = entry;
        else piece.shown.set(field, { [locale]: entry });
      }
    }
  }
  return out;
}

const NO_TEXTS: PieceTexts = { shown: new Map(), states: new Map() };

/** Worst state per locale over the required fields and the optional ones that have a text. */
function pieceStates(texts: PieceTexts, required: readonly string[]): Record<Locale, TranslationState> {
  const out = {} as Record<Locale, TranslationState>;
  const requiredMissing = required.some((name) => !texts.states.has(name));
  for (const locale of LOCALES) {
    const states: TranslationState[] = requiredMissing ? ['missing'] : [];
    for (const field of texts.states.values()) states.push(field[locale] ?? 'missing');
    out[locale] = worstState(states);
  }
  return out;
}

function entry(
  id: string,
  texts: PieceTexts,
  titleField: string,
  required: readonly string[],
  locale: Locale,
  details: ListEntry['details'],
): ListEntry {
  const picked = pickText(texts.shown.get(titleField), locale);
  const states = pieceStates(texts, required);
  return { id, title: picked?.text ?? id, titleLocale: picked?.locale ?? locale, status: states[locale], states, details };
}

const shownText = (texts: PieceTexts, field: string, locale: Locale) => pickText(texts.shown.get(field), locale)?.text ?? null;

/** A query's rows as arrays, through one JSON string, for the reason readTexts gives. */
function jsonRows<T>(db: Database, columns: string, from: string): T[] {
  return JSON.parse(db.prepare(`SELECT json_group_array(json_array(${columns})) FROM ${from}`).pluck().get() as string) as T[];
}

/** The order of a document (LibraryStore.readDocument), which the kinds' own sorts keep for ties. */
function byId<T extends [string, ...unknown[]]>(rows: T[]): T[] {
  return rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/**
 * The rows of a library list straight from SQLite: per kind, one query for the row facts and one
 * for the texts' states, without building whole records. Gives exactly what listPieces gives for
 * the same library (a test holds them together); packs, a handful of records with nested
 * sections, still go through the document.
 */
export function listEntries(store: LibraryStore, kind: ListKind, locale: Locale): ListEntry[] {
  const { db } = store;
  switch (kind) {
    case 'priorities': {
      const spec = { kind: 'priority', required: requiredTextFields('priority'), optional: optionalTextFields('priority'), shown: ['title'] };
      const texts = readTexts(db, spec);
      return byId(jsonRows<[string, string, number]>(db, 'id, network_id, number', 'priorities'))
        .sort((a, b) => a[1].localeCompare(b[1]) || a[2] - b[2])
        .map(([id, network, number]) => entry(id, texts.get(id) ?? NO_TEXTS, 'title', spec.required, locale, { number, network }));
    }
    case 'instruments': {
      const spec = {
        kind: 'instrument',
        required: requiredTextFields('instrument'),
        optional: optionalTextFields('instrument'),
        shown: ['shortName', 'officialTitle'],
      };
      const texts = readTexts(db, spec);
      const rows = jsonRows<[string, string, number | null, string | null]>(db, 'id, kind, year_adopted, parent_id', 'instruments');
      return byId(rows).map(([id, kind, year, parent]) => {
        const own = texts.get(id) ?? NO_TEXTS;
        return entry(id, own, 'shortName', spec.required, locale, {
          kind,
          year,
          parent,
          officialTitle: shownText(own, 'officialTitle', locale),
        });
      });
    }
    case 'countries': {
      const texts = readTexts(db, { kind: 'country', required: requiredTextFields('country'), optional: optionalTextFields('country'), shown: ['formalName'] });
      const memberships = new Map<string, string[]>();
      for (const [network, code] of byId(jsonRows<[string, string]>(db, 'network_id, country_code', 'network_members'))) {
        memberships.set(code, [...(memberships.get(code) ?? []), network]);
      }
      return byId(jsonRows<[string]>(db, 'code', 'countries'))
        .map(([code]): ListEntry => {
          const own = texts.get(code) ?? NO_TEXTS;
          // Without a formal name in a locale, Intl's name is used: nothing is missing.
          const states = pieceStates(own, []);
          for (const l of LOCALES) if (states[l] === 'missing') states[l] = 'approved';
          return {
            id: code,
            title: countryName(code, locale, own.shown.get('formalName')),
            titleLocale: locale,
            status: states[locale],
            states,
            details: { code, networks: memberships.get(code) ?? [] },
          };
        })
        .sort((a, b) => a.title.localeCompare(b.title, locale));
    }
    case 'notes': {
      const spec = { kind: 'note', required: requiredTextFields('note'), optional: optionalTextFields('note'), shown: ['title'] };
      const texts = readTexts(db, spec);
      const rows = jsonRows<[string, string | null, string, string[]]>(
        db,
        'n.id, n.country_code, n.date, json((SELECT json_group_array(tag) FROM note_tags WHERE note_id = n.id))',
        'notes n',
      );
      return byId(rows)
        .sort((a, b) => b[2].localeCompare(a[2]) || a[0].localeCompare(b[0]))
        .map(([id, country, date, tags]) =>
          entry(id, texts.get(id) ?? NO_TEXTS, 'title', spec.required, locale, { date, country, tags: tags.sort() }),
        );
    }
    case 'meetings': {
      const spec = { kind: 'meeting', required: requiredTextFields('meeting'), optional: optionalTextFields('meeting'), shown: ['title', 'place'] };
      const texts = readTexts(db, spec);
      return byId(jsonRows<[string, string, string, string]>(db, 'id, network_id, start_date, end_date', 'meetings'))
        .sort((a, b) => a[2].localeCompare(b[2]))
        .map(([id, network, start, end]) => {
          const own = texts.get(id) ?? NO_TEXTS;
          return entry(id, own, 'title', spec.required, locale, { start, end, place: shownText(own, 'place', locale), network });
        });
    }
    case 'sources': {
      const spec = { kind: 'source', required: requiredTextFields('source'), optional: optionalTextFields('source'), shown: ['title'] };
      const texts = readTexts(db, spec);
      return byId(jsonRows<[string, string, string | null, string | null, string | null]>(db, 'id, issuer, place, date, url', 'sources'))
        .map(([id, issuer, place, date, url]) =>
          entry(id, texts.get(id) ?? NO_TEXTS, 'title', spec.required, locale, { issuer, place, date, url }),
        )
        .sort((a, b) => a.title.localeCompare(b.title, locale));
    }
    // A handful of records each: read through the document.
    case 'networks':
    case 'packs':
      return listPieces(store.readDocument(LIST_NEEDS[kind]), kind, locale);
  }
}
