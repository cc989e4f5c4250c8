import { LOCALES } from '../domain/locales';
import type { PieceKind } from '../domain/pieceKinds';
import { DESCRIPTORS } from '../descriptors/descriptors';
export { legacyWatermark } from '../descriptors/packDescriptor';
import type { LocalizedDoc, LocalizedTextDoc } from './common';
import { LIBRARY_FORMAT, LIBRARY_FORMAT_VERSION, type LibraryCollection, type LibraryDocument } from './libraryDocument';

/** Hash of a source text, injected so this file stays free of node:crypto. */
export type HashText = (text: string) => string;

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byId = (a: object, b: object) => compare((a as { id: string }).id, (b as { id: string }).id);
const byCode = (a: object, b: object) => compare((a as { code: string }).code, (b as { code: string }).code);
const sorted = (list: readonly string[]) => [...new Set(list)].sort();

/**
 * The one canonical form of every record: keys in documented order, lists sorted, source hashes
 * filled in. Export writes it and import compares against it, so "unchanged" means byte-equal.
 */
export function normalizeLocalized(value: LocalizedDoc, hash: HashText): LocalizedDoc {
  const out: LocalizedDoc = {};
  for (const locale of LOCALES) {
    const entry = value[locale];
    if (!entry) continue;
    const text: LocalizedTextDoc = { text: entry.text, status: entry.status };
    if (entry.from !== undefined) {
      text.from = entry.from;
      text.sourceHash = entry.sourceHash ?? hash(value[entry.from]?.text ?? '');
    }
    // An approval belongs to an approved text only; a draft carries none.
    if (entry.status === 'approved') {
      if (entry.approvedBy !== undefined) text.approvedBy = entry.approvedBy;
      if (entry.approvedAt !== undefined) text.approvedAt = entry.approvedAt;
    }
    out[locale] = text;
  }
  return out;
}

function optLocalized(value: LocalizedDoc | null, hash: HashText): LocalizedDoc | null {
  return value === null ? null : normalizeLocalized(value, hash);
}

type AnyRecord = Record<string, unknown>;

/**
 * One record in canonical form, read from its kind's descriptor: fields in descriptor order,
 * texts normalized, lists of references and tags sorted and deduplicated, sections in place.
 */
export function normalizeRecord<T>(kind: PieceKind, record: T, hash: HashText): T {
  const input = record as AnyRecord;
  const out: AnyRecord = {};
  for (const [name, spec] of Object.entries(DESCRIPTORS[kind].fields)) {
    const value = input[name];
    if (spec.normalize) {
      out[name] = spec.normalize(value, input);
      if (spec.type === 'localized') out[name] = optLocalized((out[name] as LocalizedDoc | null | undefined) ?? null, hash);
      continue;
    }
    switch (spec.type) {
      case 'localized':
        out[name] = optLocalized((value as LocalizedDoc | null | undefined) ?? null, hash);
        break;
      case 'refs':
        // Pack items keep the order the author gave them; every other list is a set.
        out[name] = spec.refKind
          ? sorted((value as string[] | undefined) ?? [])
          : ((value as { kind: string; ref: string }[] | undefined) ?? []).map((i) => ({ kind: i.kind, ref: i.ref }));
        break;
      case 'tags':
        out[name] = sorted((value as string[] | undefined) ?? []);
        break;
      case 'sections':
        out[name] = (value as AnyRecord[]).map((section) => normalizeRecord('section', section, hash));
        break;
      default:
        // A field added later is absent from older records: not known, null.
        out[name] = value === undefined ? null : value;
    }
  }
  return out as T;
}

export function normalizeLibraryDocument(doc: LibraryDocument, hash: HashText): LibraryDocument {
  const all = <K extends LibraryCollection>(collection: K, kind: PieceKind): LibraryDocument[K] =>
    (doc[collection] as object[]).map((x) => normalizeRecord(kind, x, hash)).sort(collection === 'countries' ? byCode : byId) as LibraryDocument[K];
  return {
    format: LIBRARY_FORMAT,
    formatVersion: LIBRARY_FORMAT_VERSION,
    sources: all('sources', 'source'),
    countries: all('countries', 'country'),
    networks: all('networks', 'network'),
    meetings: all('meetings', 'meeting'),
    priorities: all('priorities', 'priority'),
    instruments: all('instruments', 'instrument'),
    notes: all('notes', 'note'),
    packs: all('packs', 'pack'),
  };
}
