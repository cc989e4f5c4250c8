import { LOCALES } from '../domain/locales';
import type { LocalizedDoc, LocalizedTextDoc } from './common';
import {
  LIBRARY_FORMAT,
  LIBRARY_FORMAT_VERSION,
  type CountryDoc,
  type InstrumentDoc,
  type LibraryDocument,
  type MeetingDoc,
  type NetworkDoc,
  type NoteDoc,
  type PackDoc,
  type PriorityDoc,
  type SourceDoc,
} from './libraryDocument';

/** Hash of a source text, injected so this file stays free of node:crypto. */
export type HashText = (text: string) => string;

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
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

export function normalizeSource(s: SourceDoc, hash: HashText): SourceDoc {
  return { id: s.id, title: normalizeLocalized(s.title, hash), issuer: s.issuer, place: s.place, date: s.date, url: s.url };
}

export function normalizeCountry(c: CountryDoc, hash: HashText): CountryDoc {
  return { code: c.code, formalName: optLocalized(c.formalName, hash), sources: sorted(c.sources) };
}

export function normalizeNetwork(n: NetworkDoc, hash: HashText): NetworkDoc {
  return {
    id: n.id,
    name: normalizeLocalized(n.name, hash),
    ofName: optLocalized(n.ofName, hash),
    acronym: optLocalized(n.acronym, hash),
    members: sorted(n.members),
    sources: sorted(n.sources),
  };
}

export function normalizeMeeting(m: MeetingDoc, hash: HashText): MeetingDoc {
  return {
    id: m.id,
    networkId: m.networkId,
    title: normalizeLocalized(m.title, hash),
    theme: optLocalized(m.theme, hash),
    place: normalizeLocalized(m.place, hash),
    hostCountry: m.hostCountry,
    participants: sorted(m.participants),
    startDate: m.startDate,
    endDate: m.endDate,
    sources: sorted(m.sources),
  };
}

export function normalizePriority(p: PriorityDoc, hash: HashText): PriorityDoc {
  return {
    id: p.id,
    networkId: p.networkId,
    number: p.number,
    title: normalizeLocalized(p.title, hash),
    body: normalizeLocalized(p.body, hash),
    sources: sorted(p.sources),
  };
}

export function normalizeInstrument(i: InstrumentDoc, hash: HashText): InstrumentDoc {
  return {
    id: i.id,
    kind: i.kind,
    shortName: normalizeLocalized(i.shortName, hash),
    officialTitle: normalizeLocalized(i.officialTitle, hash),
    yearAdopted: i.yearAdopted,
    adoptingBody: optLocalized(i.adoptingBody, hash),
    summary: normalizeLocalized(i.summary, hash),
    parentId: i.parentId,
    priorities: sorted(i.priorities),
    sources: sorted(i.sources),
  };
}

export function normalizeNote(n: NoteDoc, hash: HashText): NoteDoc {
  return {
    id: n.id,
    countryCode: n.countryCode,
    date: n.date,
    tags: sorted(n.tags),
    title: normalizeLocalized(n.title, hash),
    body: normalizeLocalized(n.body, hash),
    instruments: sorted(n.instruments),
    priorities: sorted(n.priorities),
    sources: sorted(n.sources),
  };
}

/**
 * A watermark from a file written before it became a text in each language: the same words in
 * every edition, as that file printed them, approved as they were.
 */
export function legacyWatermark(text: string | null | undefined): LocalizedDoc | null {
  if (!text) return null;
  const out: LocalizedDoc = {};
  for (const locale of LOCALES) out[locale] = { text, status: 'approved' };
  return out;
}

export function normalizePack(p: PackDoc, hash: HashText): PackDoc {
  return {
    id: p.id,
    slug: p.slug,
    meetingId: p.meetingId,
    title: normalizeLocalized(p.title, hash),
    subtitle: optLocalized(p.subtitle, hash),
    audience: optLocalized(p.audience, hash),
    classification: optLocalized(p.classification, hash),
    watermark: optLocalized(p.watermark ?? legacyWatermark(p.options.watermark), hash),
    reference: p.reference ?? null,
    version: p.version ?? null,
    issued: p.issued ?? null,
    logo: p.logo ? { type: p.logo.type, data: p.logo.data } : null,
    paper: p.paper,
    options: {
      cover: p.options.cover,
      toc: p.options.toc,
      sources: p.options.sources,
      numberedParagraphs: p.options.numberedParagraphs ?? false,
    },
    sections: p.sections.map((s) => ({
      id: s.id,
      title: normalizeLocalized(s.title, hash),
      text: optLocalized(s.text, hash),
      items: s.items.map((item) => ({ kind: item.kind, ref: item.ref })),
    })),
  };
}

export function normalizeLibraryDocument(doc: LibraryDocument, hash: HashText): LibraryDocument {
  return {
    format: LIBRARY_FORMAT,
    formatVersion: LIBRARY_FORMAT_VERSION,
    sources: doc.sources.map((x) => normalizeSource(x, hash)).sort(byId),
    countries: doc.countries
      .map((x) => normalizeCountry(x, hash))
      .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)),
    networks: doc.networks.map((x) => normalizeNetwork(x, hash)).sort(byId),
    meetings: doc.meetings.map((x) => normalizeMeeting(x, hash)).sort(byId),
    priorities: doc.priorities.map((x) => normalizePriority(x, hash)).sort(byId),
    instruments: doc.instruments.map((x) => normalizeInstrument(x, hash)).sort(byId),
    notes: doc.notes.map((x) => normalizeNote(x, hash)).sort(byId),
    packs: doc.packs.map((x) => normalizePack(x, hash)).sort(byId),
  };
}
