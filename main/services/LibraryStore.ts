import { SettingsRepository } from '../db/repositories/SettingsRepository';
import { UiStringsRepository } from '../db/repositories/UiStringsRepository';
import { TermsRepository } from '../db/repositories/TermsRepository';
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
import { hashSourceText } from '../db/textHash';
import { LibraryIdentity } from '../db/libraryIdentity';
import { translatableFields } from '../../shared/descriptors/descriptors';
import { textsOf } from '../../shared/schemas/localizedFields';
import { HistoryRecorder } from './history/HistoryRecorder';

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

/** See LibraryStore.watchWrites. */
export interface WriteWatcher {
  before(): string;
  after(before: string, touched: ReadonlySet<string> | null): void;
}

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
  readonly terms: TermsRepository;
  /** The file this connection opened, to notice it deleted or replaced before a write. */
  readonly identity: LibraryIdentity | null;
  readonly history: HistoryRecorder;

  constructor(readonly db: Database) {
    this.identity = LibraryIdentity.of(db);
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
    this.history = new HistoryRecorder(this);
    this.terms = new TermsRepository(db);
  }

  /**
   * The write gate: every change to the library passes through here. It first checks that the
   * open library is still the file at its path (a deleted or replaced file would take the write
   * and lose it), then runs `change` in one transaction that takes the write lock at once
   * (BEGIN IMMEDIATE), so another program writing shows as "busy" before anything is done.
   */
  write<T>(change: () => T): T {
    this.identity?.check();
    if (this.db.inTransaction) return change();
    // Each piece the change touches gets a version in the same transaction: all or nothing.
    const recorded = this.history.install();
    this.history.lastTouched = null;
    const tokens = this.watchers.map((w) => w.before());
    try {
      const result = this.db
        .transaction(() => {
          this.history.baseline();
          const out = change();
          this.history.record();
          return out;
        })
        .immediate();
      this.history.committed();
      const touched = recorded ? this.history.lastTouched : null;
      this.watchers.forEach((w, i) => w.after(tokens[i]!, touched));
      return result;
    } catch (error) {
      this.history.rolledBack();
      throw error;
    }
  }

  private readonly watchers: WriteWatcher[] = [];

  /**
   * Told of every write through the gate: `before` as it starts, `after` once it is committed
   * with what `before` gave and the ids it touched (null when they are not known: no history).
   */
  watchWrites(watcher: WriteWatcher): void {
    this.watchers.push(watcher);
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
  readDocument(only?: readonly LibraryCollection[], ids?: ReadonlySet<string>): LibraryDocument {
    const want = (c: LibraryCollection) => only === undefined || only.includes(c);
    const keep = (id: string) => ids === undefined || ids.has(id);
    const kinds = only?.flatMap((c) => COLLECTION_KINDS[c]);
    const packRows = want('packs') ? this.packs.readAll().filter((p) => keep(p.id)) : [];
    const texts = ids
      ? new Map([...ids, ...packRows.flatMap((p) => p.sections.map((s) => s.id))].map((id) => [id, this.texts.readPiece(id)]))
      : kinds
        ? this.texts.readForKinds(kinds)
        : this.texts.readAll();
    const cites = ids ? this.pieceSources.readFor([...ids]) : this.pieceSources.readAll(kinds);
    const links = ids ? this.links.readFor([...ids]) : this.links.readAll(kinds);
    const field = (id: string, name: string): LocalizedDoc | null => texts.get(id)?.get(name) ?? null;
    const req = (id: string, name: string): LocalizedDoc => field(id, name) ?? {};
    // A kind's texts, as its descriptor lists them: a required text with none stored reads as {}.
    const textsFor = (kind: PieceKind, id: string) =>
      Object.fromEntries(translatableFields(kind).map((f) => [f.name, f.required ? req(id, f.name) : field(id, f.name)]));
    const sourcesOf = (id: string) => cites.get(id) ?? [];
    const linked = (id: string, kind: string) =>
      (links.get(id) ?? []).filter((l) => l.kind === kind).map((l) => l.id);

    const doc: LibraryDocument = {
      format: LIBRARY_FORMAT,
      formatVersion: LIBRARY_FORMAT_VERSION,
      sources: !want('sources') ? [] : this.sources.readAll().filter((r) => keep(r.id)).map(
        (s) => ({ id: s.id, issuer: s.issuer, place: s.place, date: s.date, url: s.url, ...textsFor('source', s.id) }) as SourceDoc,
      ),
      countries: !want('countries') ? [] : this.countries.codes().filter(keep).map(
        (code) => ({ code, sources: sourcesOf(code), ...textsFor('country', code) }) as CountryDoc,
      ),
      networks: !want('networks') ? [] : this.networks.readAll().filter((r) => keep(r.id)).map(
        (n) => ({
          id: n.id,
          ...textsFor('network', n.id),
          members: n.members,
          sources: sourcesOf(n.id),
        }) as NetworkDoc,
      ),
      meetings: !want('meetings') ? [] : this.meetings.readAll().filter((r) => keep(r.id)).map(
        (m) => ({
          id: m.id,
          ...textsFor('meeting', m.id),
          networkId: m.networkId,
          hostCountry: m.hostCountry,
          participants: m.participants,
          startDate: m.startDate,
          endDate: m.endDate,
          sources: sourcesOf(m.id),
        }) as MeetingDoc,
      ),
      priorities: !want('priorities') ? [] : this.priorities.readAll().filter((r) => keep(r.id)).map(
        (p) => ({
          id: p.id,
          ...textsFor('priority', p.id),
          networkId: p.networkId,
          number: p.number,
          sources: sourcesOf(p.id),
        }) as PriorityDoc,
      ),
      instruments: !want('instruments') ? [] : this.instruments.readAll().filter((r) => keep(r.id)).map(
        (i) => ({
          id: i.id,
          ...textsFor('instrument', i.id),
          kind: i.kind,
          yearAdopted: i.yearAdopted,
          parentId: i.parentId,
          priorities: linked(i.id, 'priority'),
          sources: sourcesOf(i.id),
        }) as InstrumentDoc,
      ),
      notes: !want('notes') ? [] : this.notes.readAll().filter((r) => keep(r.id)).map(
        (n) => ({
          id: n.id,
          ...textsFor('note', n.id),
          countryCode: n.countryCode,
          date: n.date,
          tags: n.tags,
          instruments: linked(n.id, 'instrument'),
          priorities: linked(n.id, 'priority'),
          sources: sourcesOf(n.id),
        }) as NoteDoc,
      ),
      packs: packRows.map(
        (p) => ({
          id: p.id,
          ...textsFor('pack', p.id),
          slug: p.slug,
          meetingId: p.meetingId,
          reference: p.reference,
          version: p.version,
          issued: p.issued,
          logo: p.logo ? { type: p.logo.type, data: p.logo.data.toString('base64') } : null,
          paper: p.paper,
          options: p.options,
          sections: p.sections.map((s) => ({ id: s.id, items: s.items, ...textsFor('section', s.id) }) as PackDoc['sections'][number]),
        }) as PackDoc,
      ),
    };
    return normalizeLibraryDocument(doc, hashSourceText);
  }

  /**
   * Only the records with these ids (a country's code), in the same canonical form: their texts
   * are read piece by piece, so a delete or a message about a few pieces does not read every
   * text of the library.
   */
  readRecords(ids: Iterable<string>): LibraryDocument {
    return this.readDocument(undefined, new Set(ids));
  }

  private writeTexts(id: string, fields: Record<string, LocalizedDoc | null>, now: string): void {
    for (const [name, value] of Object.entries(fields)) this.texts.replaceField(id, name, value, now);
  }

  writeSource(s: SourceDoc, now: string): void {
    this.pieces.touch(s.id, 'source', now);
    this.sources.upsert({ id: s.id, issuer: s.issuer, place: s.place, date: s.date, url: s.url });
    this.writeTexts(s.id, textsOf('source', s), now);
  }

  writeCountry(c: CountryDoc, now: string): void {
    this.pieces.touch(c.code, 'country', now);
    this.countries.upsert(c.code);
    this.writeTexts(c.code, textsOf('country', c), now);
    this.pieceSources.replace(c.code, c.sources);
  }

  writeNetwork(n: NetworkDoc, now: string): void {
    this.pieces.touch(n.id, 'network', now);
    this.networks.upsert({ id: n.id, members: n.members });
    this.writeTexts(n.id, textsOf('network', n), now);
    this.pieceSources.replace(n.id, n.sources);
  }

  writeMeeting(m: MeetingDoc, now: string): void {
    this.pieces.touch(m.id, 'meeting', now);
    this.meetings.upsert(m);
    this.writeTexts(m.id, textsOf('meeting', m), now);
    this.pieceSources.replace(m.id, m.sources);
  }

  writePriority(p: PriorityDoc, now: string): void {
    this.pieces.touch(p.id, 'priority', now);
    this.priorities.upsert({ id: p.id, networkId: p.networkId, number: p.number });
    this.writeTexts(p.id, textsOf('priority', p), now);
    this.pieceSources.replace(p.id, p.sources);
  }

  writeInstrument(i: InstrumentDoc, now: string): void {
    this.pieces.touch(i.id, 'instrument', now);
    this.instruments.upsert({ id: i.id, kind: i.kind, yearAdopted: i.yearAdopted, parentId: i.parentId });
    this.writeTexts(i.id, textsOf('instrument', i), now);
    this.links.replace(i.id, i.priorities);
    this.pieceSources.replace(i.id, i.sources);
  }

  writeNote(n: NoteDoc, now: string): void {
    this.pieces.touch(n.id, 'note', now);
    this.notes.upsert({ id: n.id, countryCode: n.countryCode, date: n.date, tags: n.tags });
    this.writeTexts(n.id, textsOf('note', n), now);
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
    this.writeTexts(p.id, { ...textsOf('pack', p), watermark: p.watermark ?? legacyWatermark(p.options.watermark) }, now);
    for (const s of p.sections) this.writeTexts(s.id, textsOf('section', s), now);
  }
}
