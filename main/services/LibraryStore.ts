import { SettingsRepository } from '../db/repositories/SettingsRepository';
import { UiStringsRepository } from '../db/repositories/UiStringsRepository';
import type { Database } from 'better-sqlite3';
import type { LocalizedDoc } from '../../shared/schemas/common';
import type { LibraryLookup } from '../../shared/schemas/checkLibraryDocument';
import type { PieceKind } from '../../shared/domain/pieceKinds';
import {
  type LibraryCollection,
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
} from '../../shared/schemas/libraryDocument';
import { legacyWatermark, normalizeLibraryDocument } from '../../shared/schemas/normalizeLibraryDocument';
import { PiecesRepository } from '../db/repositories/PiecesRepository';
import { TextsRepository } from '../db/repositories/TextsRepository';
import { PieceSourcesRepository } from '../db/repositories/PieceSourcesRepository';
import { LinksRepository } from '../db/repositories/LinksRepository';
import { SourcesRepository } from '../db/repositories/SourcesRepository';
import { CountriesRepository } from '../db/repositories/CountriesRepository';
import { NetworksRepository } from '../db/repositories/NetworksRepository';
import { MeetingsRepository } from '../db/repositories/MeetingsRepository';
import { PrioritiesRepository } from '../db/repositories/PrioritiesRepository';
import { InstrumentsRepository } from '../db/repositories/InstrumentsRepository';
import { NotesRepository } from '../db/repositories/NotesRepository';
import { PacksRepository } from '../db/repositories/PacksRepository';
import { hashSourceText } from './textHash';

const COLLECTION_KINDS: Record<LibraryCollection, PieceKind[]> = {
  sources: ['source'],
  countries: ['country'],
  networks: ['network'],
  meetings: ['meeting'],
  priorities: ['priority'],
  instruments: ['instrument'],
  notes: ['note'],
  packs: ['pack', 'section'],
};

/**
 * Reads and writes whole records of the exchange format through the per-table repositories.
 * Every caller (import, seeding, later the editor) writes through here, so a record always
 * lands with its texts, sources and links together.
 */
export class LibraryStore implements LibraryLookup {
  readonly pieces: PiecesRepository;
  readonly texts: TextsRepository;
  readonly pieceSources: PieceSourcesRepository;
  readonly links: LinksRepository;
  readonly sources: SourcesRepository;
  readonly countries: CountriesRepository;
  readonly networks: NetworksRepository;
  readonly meetings: MeetingsRepository;
  readonly priorities: PrioritiesRepository;
  readonly instruments: InstrumentsRepository;
  readonly notes: NotesRepository;
  readonly packs: PacksRepository;
  readonly settings: SettingsRepository;
  readonly uiStrings: UiStringsRepository;

  constructor(readonly db: Database) {
    this.pieces = new PiecesRepository(db);
    this.texts = new TextsRepository(db);
    this.pieceSources = new PieceSourcesRepository(db);
    this.links = new LinksRepository(db);
    this.sources = new SourcesRepository(db);
    this.countries = new CountriesRepository(db);
    this.networks = new NetworksRepository(db);
    this.meetings = new MeetingsRepository(db);
    this.priorities = new PrioritiesRepository(db);
    this.instruments = new InstrumentsRepository(db);
    this.notes = new NotesRepository(db);
    this.packs = new PacksRepository(db);
    this.settings = new SettingsRepository(db);
    this.uiStrings = new UiStringsRepository(db);
  }

  kindOf(id: string) {
    return this.pieces.kindOf(id);
  }

  priorityIdAt(networkId: string, number: number) {
    return this.priorities.idAt(networkId, number);
  }

  packIdWithSlug(slug: string) {
    return this.packs.idWithSlug(slug);
  }

  instrumentParent(id: string): string | null | undefined {
    const row = this.db.prepare('SELECT parent_id AS parentId FROM instruments WHERE id = ?').get(id) as
      | { parentId: string | null }
      | undefined;
    return row?.parentId;
  }

  isEmpty(): boolean {
    return Object.keys(this.pieces.countByKind()).length === 0;
  }

  /**
   * The library in its canonical exchange form: all of it, or only some collections (the others
   * empty), which reads only the texts of those kinds.
   */
  readDocument(only?: readonly LibraryCollection[]): LibraryDocument {
    const want = (c: LibraryCollection) => only === undefined || only.includes(c);
    const kinds = only?.flatMap((c) => COLLECTION_KINDS[c]);
    const texts = kinds ? this.texts.readForKinds(kinds) : this.texts.readAll();
    const cites = this.pieceSources.readAll(kinds);
    const links = this.links.readAll(kinds);
    const field = (id: string, name: string): LocalizedDoc | null => texts.get(id)?.get(name) ?? null;
    const req = (id: string, name: string): LocalizedDoc => field(id, name) ?? {};
    const sourcesOf = (id: string) => cites.get(id) ?? [];
    const linked = (id: string, kind: string) =>
      (links.get(id) ?? []).filter((l) => l.kind === kind).map((l) => l.id);

    const doc: LibraryDocument = {
      format: LIBRARY_FORMAT,
      formatVersion: LIBRARY_FORMAT_VERSION,
      sources: !want('sources') ? [] : this.sources.readAll().map(
        (s): SourceDoc => ({ id: s.id, title: req(s.id, 'title'), issuer: s.issuer, place: s.place, date: s.date, url: s.url }),
      ),
      countries: !want('countries') ? [] : this.countries.codes().map(
        (code): CountryDoc => ({ code, formalName: field(code, 'formalName'), sources: sourcesOf(code) }),
      ),
      networks: !want('networks') ? [] : this.networks.readAll().map(
        (n): NetworkDoc => ({
          id: n.id,
          name: req(n.id, 'name'),
          ofName: field(n.id, 'ofName'),
          acronym: field(n.id, 'acronym'),
          members: n.members,
          sources: sourcesOf(n.id),
        }),
      ),
      meetings: !want('meetings') ? [] : this.meetings.readAll().map(
        (m): MeetingDoc => ({
          id: m.id,
          networkId: m.networkId,
          title: req(m.id, 'title'),
          theme: field(m.id, 'theme'),
          place: req(m.id, 'place'),
          hostCountry: m.hostCountry,
          participants: m.participants,
          startDate: m.startDate,
          endDate: m.endDate,
          sources: sourcesOf(m.id),
        }),
      ),
      priorities: !want('priorities') ? [] : this.priorities.readAll().map(
        (p): PriorityDoc => ({
          id: p.id,
          networkId: p.networkId,
          number: p.number,
          title: req(p.id, 'title'),
          body: req(p.id, 'body'),
          sources: sourcesOf(p.id),
        }),
      ),
      instruments: !want('instruments') ? [] : this.instruments.readAll().map(
        (i): InstrumentDoc => ({
          id: i.id,
          kind: i.kind,
          shortName: req(i.id, 'shortName'),
          officialTitle: req(i.id, 'officialTitle'),
          yearAdopted: i.yearAdopted,
          adoptingBody: field(i.id, 'adoptingBody'),
          summary: req(i.id, 'summary'),
          parentId: i.parentId,
          priorities: linked(i.id, 'priority'),
          sources: sourcesOf(i.id),
        }),
      ),
      notes: !want('notes') ? [] : this.notes.readAll().map(
        (n): NoteDoc => ({
          id: n.id,
          countryCode: n.countryCode,
          date: n.date,
          tags: n.tags,
          title: req(n.id, 'title'),
          body: req(n.id, 'body'),
          instruments: linked(n.id, 'instrument'),
          priorities: linked(n.id, 'priority'),
          sources: sourcesOf(n.id),
        }),
      ),
      packs: !want('packs') ? [] : this.packs.readAll().map(
        (p): PackDoc => ({
          id: p.id,
          slug: p.slug,
          meetingId: p.meetingId,
          title: req(p.id, 'title'),
          subtitle: field(p.id, 'subtitle'),
          audience: field(p.id, 'audience'),
          classification: field(p.id, 'classification'),
          watermark: field(p.id, 'watermark'),
          reference: p.reference,
          version: p.version,
          issued: p.issued,
          logo: p.logo ? { type: p.logo.type, data: p.logo.data.toString('base64') } : null,
          paper: p.paper,
          options: p.options,
          sections: p.sections.map((s) => ({
            id: s.id,
            title: req(s.id, 'title'),
            text: field(s.id, 'text'),
            items: s.items,
          })),
        }),
      ),
    };
    return normalizeLibraryDocument(doc, hashSourceText);
  }

  private writeTexts(id: string, fields: Record<string, LocalizedDoc | null>, now: string): void {
    for (const [name, value] of Object.entries(fields)) this.texts.replaceField(id, name, value, now);
  }

  writeSource(s: SourceDoc, now: string): void {
    this.pieces.touch(s.id, 'source', now);
    this.sources.upsert({ id: s.id, issuer: s.issuer, place: s.place, date: s.date, url: s.url });
    this.writeTexts(s.id, { title: s.title }, now);
  }

  writeCountry(c: CountryDoc, now: string): void {
    this.pieces.touch(c.code, 'country', now);
    this.countries.upsert(c.code);
    this.writeTexts(c.code, { formalName: c.formalName }, now);
    this.pieceSources.replace(c.code, c.sources);
  }

  writeNetwork(n: NetworkDoc, now: string): void {
    this.pieces.touch(n.id, 'network', now);
    this.networks.upsert({ id: n.id, members: n.members });
    this.writeTexts(n.id, { name: n.name, ofName: n.ofName, acronym: n.acronym }, now);
    this.pieceSources.replace(n.id, n.sources);
  }

  writeMeeting(m: MeetingDoc, now: string): void {
    this.pieces.touch(m.id, 'meeting', now);
    this.meetings.upsert(m);
    this.writeTexts(m.id, { title: m.title, theme: m.theme, place: m.place }, now);
    this.pieceSources.replace(m.id, m.sources);
  }

  writePriority(p: PriorityDoc, now: string): void {
    this.pieces.touch(p.id, 'priority', now);
    this.priorities.upsert({ id: p.id, networkId: p.networkId, number: p.number });
    this.writeTexts(p.id, { title: p.title, body: p.body }, now);
    this.pieceSources.replace(p.id, p.sources);
  }

  writeInstrument(i: InstrumentDoc, now: string): void {
    this.pieces.touch(i.id, 'instrument', now);
    this.instruments.upsert({ id: i.id, kind: i.kind, yearAdopted: i.yearAdopted, parentId: i.parentId });
    this.writeTexts(
      i.id,
      { shortName: i.shortName, officialTitle: i.officialTitle, adoptingBody: i.adoptingBody, summary: i.summary },
      now,
    );
    this.links.replace(i.id, i.priorities);
    this.pieceSources.replace(i.id, i.sources);
  }

  writeNote(n: NoteDoc, now: string): void {
    this.pieces.touch(n.id, 'note', now);
    this.notes.upsert({ id: n.id, countryCode: n.countryCode, date: n.date, tags: n.tags });
    this.writeTexts(n.id, { title: n.title, body: n.body }, now);
    this.links.replace(n.id, [...n.instruments, ...n.priorities]);
    this.pieceSources.replace(n.id, n.sources);
  }

  writePack(p: PackDoc, now: string): void {
    this.pieces.touch(p.id, 'pack', now);
    const keep = new Set(p.sections.map((s) => s.id));
    for (const old of this.packs.sectionIds(p.id)) if (!keep.has(old)) this.pieces.delete(old);
    for (const s of p.sections) {
      this.pieces.touch(s.id, 'section', now);
    }
    this.packs.upsert({
      id: p.id,
      slug: p.slug,
      meetingId: p.meetingId,
      paper: p.paper,
      options: {
        cover: p.options.cover,
        toc: p.options.toc,
        sources: p.options.sources,
        numberedParagraphs: p.options.numberedParagraphs,
      },
      reference: p.reference,
      version: p.version,
      issued: p.issued,
      logo: p.logo ? { type: p.logo.type, data: Buffer.from(p.logo.data, 'base64') } : null,
      sections: p.sections.map((s) => ({ id: s.id, items: s.items })),
    });
    // A pack from an older file has its watermark in its options (normalizePack moves it).
    const watermark = p.watermark ?? legacyWatermark(p.options.watermark);
    this.writeTexts(
      p.id,
      { title: p.title, subtitle: p.subtitle, audience: p.audience, classification: p.classification, watermark },
      now,
    );
    for (const s of p.sections) this.writeTexts(s.id, { title: s.title, text: s.text }, now);
  }
}
