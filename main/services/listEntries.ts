import type { Database } from 'better-sqlite3';
import { LOCALES, type Locale } from '../../shared/domain/locales';
import type { LocalizedDoc } from '../../shared/schemas/common';
import type { StoredTextStatus } from '../../shared/domain/pieceKinds';
import { pickText } from '../../shared/domain/pickText';
import { stateAgainstSource, worstState, type TranslationState } from '../../shared/domain/translationState';
import type { ListEntry, ListKind } from '../../shared/api/listTypes';
import type { LibraryStore } from './LibraryStore';
import { LIST_NEEDS, listPieces } from './listPieces';
import { hashSourceText } from '../db/textHash';
import { optionalTextFields, requiredTextFields, titleFieldOf } from '../../shared/descriptors/descriptors';
import { pieceTitle } from '../../shared/descriptors/pieceTitle';
import type { PieceKind } from '../../shared/domain/pieceKinds';
import { listDetails } from '../../shared/descriptors/listDetails';
import { prepared } from './pieceTitles';

/**
 * One field of one piece as a list needs it: its state in each of LOCALES (null when SQLite could
 * not tell whether a translation is out of date), then, for a shown field, each locale's text as
 * [body, status, source locale] or null.
 */
type FieldRow = [string, string, ...(TranslationState | null)[]];
type ShownText = [string, StoredTextStatus, Locale | null] | null;

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
 * stateAgainstSource in SQL, from the hashes texts keep beside their bodies (migration 009): an
 * original has its own status; a translation whose recorded hash is its source's hash now keeps
 * its status, one whose source differs or is gone is out of date. A source without a stored hash
 * is left null, to be hashed in JS. The test against listPieces holds the two readings together.
 */
function stateSql(locale: Locale): string {
  const own = `t_${locale}`;
  const sourceAt = (column: string) =>
    `CASE ${own}.source_locale ${LOCALES.filter((l) => l !== locale).map((l) => `WHEN '${l}' THEN t_${l}.${column}`).join(' ')} END`;
  return `CASE WHEN ${own}.piece_id IS NULL THEN 'missing' WHEN ${own}.source_locale IS NULL THEN ${own}.status
    WHEN ${sourceAt('piece_id')} IS NULL THEN 'stale'
    WHEN ${sourceAt('body_hash')} = ${own}.source_hash THEN ${own}.status
    WHEN ${sourceAt('body_hash')} IS NOT NULL THEN 'stale' END`;
}

/**
 * A shown field's texts as pickText needs them for a reader of `locale`: that locale's text alone
 * when it has one (the other two would only be parsed and dropped: two thirds of a 10,000-note
 * list's bytes), every locale's when it falls back.
 */
const shownSql = (locale: Locale) =>
  LOCALES.map(
    (l) =>
      `CASE WHEN t_${l}.piece_id IS NOT NULL${l === locale ? '' : ` AND t_${locale}.piece_id IS NULL`} THEN json_array(t_${l}.body, t_${l}.status, t_${l}.source_locale) END`,
  ).join(', ');

/**
 * Every counted field of one piece kind, in one query: one row per piece and field with every
 * locale's text joined beside the others, so each state is decided in SQLite from stored hashes
 * and no body leaves it but the shown ones (reading and hashing every original body was most of
 * the time of a 10,000-note list). The few states SQLite leaves open are read one by one.
 *
 * The rows come as one JSON string: better-sqlite3 builds a JS value per column per row, which
 * at 20,000 fields costs several times the query itself, while JSON.parse builds them in bulk.
 */
function readTexts(db: Database, spec: KindTexts, locale: Locale, only: Only): Map<string, PieceTexts> {
  const fields = [...spec.required, ...spec.optional];
  const marks = spec.shown.map(() => '?').join(', ');
  // Driven from the pieces and their kind's fields (a DISTINCT over the texts costs a sort).
  const json = db
    .prepare(
      `SELECT json_group_array(json_array(f.piece_id, f.field, ${LOCALES.map(stateSql).join(', ')},
         CASE WHEN f.field IN (${marks}) THEN json_array(${shownSql(locale)}) END))
       FROM (SELECT p.id AS piece_id, fl.value AS field FROM pieces p, json_each(?) fl
             WHERE p.kind = ?${only ? ' AND p.id IN (SELECT value FROM json_each(?))' : ''} AND EXISTS (SELECT 1 FROM texts x WHERE x.piece_id = p.id AND x.field = fl.value)) f
       ${LOCALES.map((l) => `LEFT JOIN texts t_${l} ON t_${l}.piece_id = f.piece_id AND t_${l}.field = f.field AND t_${l}.locale = '${l}'`).join('\n       ')}`,
    )
    .pluck()
    .get(...spec.shown, JSON.stringify(fields), spec.kind, ...(only ? [JSON.stringify([...only])] : [])) as string;
  const readState = db.prepare<[string, string, string], { status: StoredTextStatus; recorded: string | null; body: string | null }>(
    `SELECT t.status, t.source_hash AS recorded, s.body FROM texts t
     LEFT JOIN texts s ON s.piece_id = t.piece_id AND s.field = t.field AND s.locale = t.source_locale
     WHERE t.piece_id = ? AND t.field = ? AND t.locale = ?`,
  );
  const out = new Map<string, PieceTexts>();
  for (const row of JSON.parse(json) as FieldRow[]) {
    const [id, field] = row;
    let piece = out.get(id);
    if (!piece) out.set(id, (piece = { shown: new Map(), states: new Map() }));
    const states: Partial<Record<Locale, TranslationState>> = {};
    LOCALES.forEach((l, i) => {
      let state = row[2 + i] as TranslationState | null;
      if (state === null) {
        const text = readState.get(id, field, l)!;
        state = stateAgainstSource(text.status, text.recorded, text.body === null ? null : hashSourceText(text.body));
      }
      if (state !== 'missing') states[l] = state;
    });
    piece.states.set(field, states);
    const shown = row[2 + LOCALES.length] as unknown as ShownText[] | null;
    if (shown) {
      const doc: LocalizedDoc = {};
      LOCALES.forEach((l, i) => {
        const text = shown[i];
        if (text) doc[l] = text[2] !== null ? { text: text[0], status: text[1], from: text[2] } : { text: text[0], status: text[1] };
      });
      piece.shown.set(field, doc);
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
  kind: PieceKind,
  id: string,
  texts: PieceTexts,
  required: readonly string[],
  locale: Locale,
  details: ListEntry['details'],
): ListEntry {
  const title = pieceTitle(kind, id, texts.shown.get(titleFieldOf(kind)), locale);
  const states = pieceStates(texts, required);
  return { id, title: title.text, titleLocale: title.locale, status: states[locale], states, details };
}

const shownText = (texts: PieceTexts, field: string, locale: Locale) => pickText(texts.shown.get(field), locale)?.text ?? null;

/** Some pieces only (their ids), or all of a kind (null). */
type Only = ReadonlySet<string> | null;

/** A query's rows as arrays, through one JSON string, for the reason readTexts gives; `idColumn` limits it to `only`. */
function jsonRows<T>(db: Database, columns: string, from: string, only: Only = null, idColumn = 'id'): T[] {
  const where = only ? ` WHERE ${idColumn} IN (SELECT value FROM json_each(?))` : '';
  const args = only ? [JSON.stringify([...only])] : [];
  return JSON.parse(db.prepare(`SELECT json_group_array(json_array(${columns})) FROM ${from}${where}`).pluck().get(...args) as string) as T[];
}

const codePointOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The order of a document (LibraryStore.readDocument), which the kinds' own sorts keep for ties. */
function byId<T extends [string, ...unknown[]]>(rows: T[]): T[] {
  return rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

interface Remembered {
  stamp: string;
  lists: Map<string, ListEntry[]>;
}

const remembered = new WeakMap<Database, Remembered>();
const watched = new WeakSet<LibraryStore>();

const stampOf = (db: Database) =>
  `${prepared(db, 'SELECT total_changes()').pluck().get() as number}/${db.pragma('data_version', { simple: true }) as number}`;

const text = (e: ListEntry, key: string) => String(e.details[key] ?? '');
const idOrder = (a: ListEntry, b: ListEntry) => codePointOrder(a.id, b.id);

/**
 * The order readListEntries gives each kind whose rows hang on their own piece alone, as a
 * comparison of entries (ties by id, as its byId does): such a list is patched in place after a
 * write. Countries (their networks' members), networks and packs (a handful) are read again.
 */
const PATCHED_ORDER: Partial<Record<ListKind, (locale: Locale) => (a: ListEntry, b: ListEntry) => number>> = {
  priorities: () => (a, b) => text(a, 'networkId').localeCompare(text(b, 'networkId')) || Number(a.details.number) - Number(b.details.number) || idOrder(a, b),
  instruments: () => idOrder,
  notes: () => (a, b) => codePointOrder(text(b, 'date'), text(a, 'date')) || idOrder(a, b),
  meetings: () => (a, b) => text(a, 'startDate').localeCompare(text(b, 'startDate')) || idOrder(a, b),
  sources: (locale) => (a, b) => a.title.localeCompare(b.title, locale) || idOrder(a, b),
};

/** `list` with the pieces a write touched read again: gone ones dropped, changed or new ones put in order. */
function patchList(store: LibraryStore, key: string, list: ListEntry[], touched: ReadonlySet<string>): ListEntry[] | null {
  const [kind, locale] = key.split('/') as [ListKind, Locale];
  const order = PATCHED_ORDER[kind]?.(locale);
  if (!order) return null;
  const out = list.filter((e) => !touched.has(e.id));
  for (const fresh of readListEntries(store, kind, locale, touched)) {
    let lo = 0;
    let hi = out.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (order(out[mid]!, fresh) <= 0) lo = mid + 1;
      else hi = mid;
    }
    out.splice(lo, 0, fresh);
  }
  return out;
}

/**
 * After a write through the gate that touched only known pieces (the history's record of them),
 * the remembered lists are patched rather than dropped: the first opening of the 10,000-note list
 * after one note's edit then reads that note, not the 10,000. Anything else (a change outside the
 * gate, another program's commit, a library without history) leaves them to be read again.
 */
function watch(store: LibraryStore): void {
  if (watched.has(store)) return;
  watched.add(store);
  store.watchWrites({
    before: () => stampOf(store.db),
    after: (before, touched) => {
      const cache = remembered.get(store.db);
      if (!cache) return;
      if (touched === null || cache.stamp !== before) return void remembered.delete(store.db);
      const lists = new Map<string, ListEntry[]>();
      try {
        for (const [key, list] of cache.lists) {
          const patched = patchList(store, key, list, touched);
          if (patched) lists.set(key, patched);
        }
      } catch {
        // The write is committed whatever happens here: the lists are then read again when opened.
        return void remembered.delete(store.db);
      }
      remembered.set(store.db, { stamp: stampOf(store.db), lists });
    },
  });
}

/**
 * A library list, read again only after the library changed: this connection's changes
 * (total_changes: every write goes through it) and other programs' commits (data_version) stamp
 * its state, as memoryIndexFor does. Reopening the 10,000-note list with nothing changed then costs
 * no query; after a write through the gate the lists are patched (watch); otherwise the first
 * opening after a change costs what readListEntries does (bench ui-open-list-after-edit times the
 * first opening after an edit, ui-open-list the other). Each call gets its own array.
 */
export function listEntries(store: LibraryStore, kind: ListKind, locale: Locale): ListEntry[] {
  const { db } = store;
  watch(store);
  const stamp = stampOf(db);
  let cache = remembered.get(db);
  if (!cache || cache.stamp !== stamp) remembered.set(db, (cache = { stamp, lists: new Map() }));
  const key = `${kind}/${locale}`;
  let list = cache.lists.get(key);
  if (!list) cache.lists.set(key, (list = readListEntries(store, kind, locale)));
  return [...list];
}

/**
 * The rows of a library list straight from SQLite: per kind, one query for the row facts and one
 * for the texts' states, without building whole records. Gives exactly what listPieces gives for
 * the same library (a test holds them together); packs, a handful of records with nested
 * sections, still go through the document. `only` limits the kinds listEntries patches
 * (PATCHED_ORDER) to some pieces; the others are always read whole.
 */
export function readListEntries(store: LibraryStore, kind: ListKind, locale: Locale, only: Only = null): ListEntry[] {
  const { db } = store;
  switch (kind) {
    case 'priorities': {
      const spec = { kind: 'priority', required: requiredTextFields('priority'), optional: optionalTextFields('priority'), shown: ['title'] };
      const texts = readTexts(db, spec, locale, only);
      return byId(jsonRows<[string, string, number]>(db, 'id, network_id, number', 'priorities', only))
        .sort((a, b) => a[1].localeCompare(b[1]) || a[2] - b[2])
        .map(([id, network, number]) => entry('priority', id, texts.get(id) ?? NO_TEXTS, spec.required, locale, listDetails('priority', { number }, { networkId: network })));
    }
    case 'instruments': {
      const spec = {
        kind: 'instrument',
        required: requiredTextFields('instrument'),
        optional: optionalTextFields('instrument'),
        shown: ['shortName', 'officialTitle'],
      };
      const texts = readTexts(db, spec, locale, only);
      const rows = jsonRows<[string, string, number | null, string | null]>(db, 'id, kind, year_adopted, parent_id', 'instruments', only);
      return byId(rows).map(([id, kind, year, parent]) => {
        const own = texts.get(id) ?? NO_TEXTS;
        return entry(
          'instrument',
          id,
          own,
          spec.required,
          locale,
          listDetails('instrument', { kind, yearAdopted: year, officialTitle: shownText(own, 'officialTitle', locale) }, { parentId: parent }),
        );
      });
    }
    case 'countries': {
      const texts = readTexts(db, { kind: 'country', required: requiredTextFields('country'), optional: optionalTextFields('country'), shown: ['formalName'] }, locale, null);
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
            title: pieceTitle('country', code, own.shown.get(titleFieldOf('country')), locale).text,
            titleLocale: locale,
            status: states[locale],
            states,
            details: listDetails('country', { code }, { networks: memberships.get(code) ?? [] }),
          };
        })
        .sort((a, b) => a.title.localeCompare(b.title, locale));
    }
    case 'notes': {
      const spec = { kind: 'note', required: requiredTextFields('note'), optional: optionalTextFields('note'), shown: ['title'] };
      const texts = readTexts(db, spec, locale, only);
      const rows = jsonRows<[string, string | null, string, string[]]>(
        db,
        'n.id, n.country_code, n.date, json((SELECT json_group_array(tag) FROM note_tags WHERE note_id = n.id))',
        'notes n',
        only,
        'n.id',
      );
      return byId(rows)
        // ISO dates and ids ([a-z0-9-]) sort the same by code point as by localeCompare, at a fraction of its cost.
        .sort((a, b) => codePointOrder(b[2], a[2]) || codePointOrder(a[0], b[0]))
        .map(([id, country, date, tags]) =>
          entry('note', id, texts.get(id) ?? NO_TEXTS, spec.required, locale, listDetails('note', { date, countryCode: country, tags: tags.sort() })),
        );
    }
    case 'meetings': {
      const spec = { kind: 'meeting', required: requiredTextFields('meeting'), optional: optionalTextFields('meeting'), shown: ['title', 'place'] };
      const texts = readTexts(db, spec, locale, only);
      return byId(jsonRows<[string, string, string, string]>(db, 'id, network_id, start_date, end_date', 'meetings', only))
        .sort((a, b) => a[2].localeCompare(b[2]))
        .map(([id, network, start, end]) => {
          const own = texts.get(id) ?? NO_TEXTS;
          return entry('meeting', id, own, spec.required, locale, listDetails('meeting', { startDate: start, endDate: end, place: shownText(own, 'place', locale) }, { networkId: network }));
        });
    }
    case 'sources': {
      const spec = { kind: 'source', required: requiredTextFields('source'), optional: optionalTextFields('source'), shown: ['title'] };
      const texts = readTexts(db, spec, locale, only);
      return byId(jsonRows<[string, string, string | null, string | null, string | null]>(db, 'id, issuer, place, date, url', 'sources', only))
        .map(([id, issuer, place, date, url]) =>
          entry('source', id, texts.get(id) ?? NO_TEXTS, spec.required, locale, listDetails('source', { issuer, place, date }, { url })),
        )
        .sort((a, b) => a.title.localeCompare(b.title, locale));
    }
    // A handful of records each: read through the document.
    case 'networks':
    case 'packs':
      return listPieces(store.readDocument(LIST_NEEDS[kind]), kind, locale);
  }
}
