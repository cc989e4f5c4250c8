import { z } from 'zod';
import type { PieceVersion, PieceVersionInfo } from './historyTypes';
import type { SyncConflictView, SyncRunResult, SyncStatus } from './syncTypes';
import { LIMITS, localeSchema, pieceIdSchema, sha256Schema } from '../schemas/common';
import {
  instrumentDocSchema,
  meetingDocSchema,
  noteDocSchema,
  packDocSchema,
  priorityDocSchema,
  type InstrumentDoc,
  type MeetingDoc,
  type NoteDoc,
  type PackDoc,
  type PriorityDoc,
  type CountryDoc,
  type SourceDoc,
  type NetworkDoc,
  networkDocSchema,
  countryDocSchema,
  sourceDocSchema,
} from '../schemas/libraryDocument';
import { PAPER_SIZES, PIECE_KINDS, TEXT_STATUSES } from '../domain/pieceKinds';
import { LIST_KINDS, type LibrarySearchResult, type ListEntry, type SearchHit } from './listTypes';
import type { ReadPiece } from './readTypes';
import { LANGUAGE_MODES, type BuildReport } from './buildTypes';
import type { BuildChangesResult, Distribution, PastBuild } from './buildRecordTypes';
import {
  EDITABLE_NAMESPACES,
  TRANSLATABLE_KINDS,
  TRANSLATION_STATES,
  type TranslationUnit,
  type TranslationUnitsResult,
  type UiStringOverride,
  type UiStringUnit,
  type XliffImportReport,
} from './translationTypes';
import type { ErrorParams } from '../errors/AppError';
import type { ValidationProblem } from '../schemas/validationProblems';
import { CHANNELS, type Channel } from './channels';
import type { LibraryImportReport } from './libraryFileTypes';
import type { BackupInfo, BackupRestored, BackupsList } from './backupTypes';
import type { PieceName, DeleteResult, ReferencesResult, RestoreResult, TrashEntry } from './deleteTypes';
import { conceptInputSchema } from '../terms/conceptSchema';
import { CONCEPT_ID } from '../terms/termLimits';
import type { Concept } from '../terms/termTypes';
import type { TermbaseImportReport } from '../terms/termbaseImportReport';
import type { ExternalMemorySummary, MemoryMatch, MemorySegment, TmxImportReport } from '../memory/memoryTypes';

// The channel list lives in channels.ts (no zod), so the preload and renderer stay small.
export { CHANNELS, type Channel };
export { createApiClient } from './createApiClient';

/**
 * A piece's id, or a pack's id or slug. Looked up only, never written: longer than an id may be, so that a pack
 * made before ids were cut to 64 characters can still be opened and deleted.
 */
const PIECE_REF = z.string().min(1).max(200);
const JOB_ID = z.string().regex(/^[A-Za-z0-9-]{8,64}$/);
/** `<folder uuid>/<file>.pdf`, as packs.build returns it; never a path the caller makes up. */
export const DOWNLOAD_ID = z.string().regex(/^[0-9a-f-]{36}\/[a-z0-9-]+\.pdf$/);

/**
 * Every call the renderer can make, with the zod schema main validates its input against.
 * The desktop app carries these over IPC, browser mode over HTTP; the handlers are the same.
 */
export const API_INPUTS = {
  'app.info': z.strictObject({}),
  'app.backup': z.strictObject({}),
  /** The library as it is open now, copied elsewhere: offered when its file was deleted or replaced. */
  'app.saveCopy': z.strictObject({}),
  /** Recorded with every approval made in this library from now on. */
  'app.setUserName': z.strictObject({ name: z.string().trim().min(1).max(200) }),
  'backups.list': z.strictObject({}),
  'backups.create': z.strictObject({}),
  /** A backup by its name in the backups folder (as backups.list gives it); `undo` when undoing the last restore. */
  'backups.restore': z.strictObject({
    name: z.string().min(1).max(255).regex(/^[^/\\]+\.sqlite$/),
    undo: z.boolean().optional(),
  }),
  'library.list': z.strictObject({ kind: z.enum(LIST_KINDS), locale: localeSchema }),
  'library.search': z.strictObject({
    query: z.string().max(500),
    locale: localeSchema,
    /** Only pieces of these kinds (a library tab's own search): others never crowd them out. */
    kinds: z.array(z.enum(PIECE_KINDS)).min(1).max(PIECE_KINDS.length).optional(),
  }),
  /** The header's search: every kind, a few best pieces of each. */
  'library.searchAll': z.strictObject({ query: z.string().max(500), locale: localeSchema }),
  'library.get': z.strictObject({ id: z.string().min(2).max(64) }),
  /** One piece for the reading view, with its links titled in `locale`. */
  'library.read': z.strictObject({ id: z.string().min(2).max(64), locale: localeSchema }),
  'library.savePriority': z.strictObject({ record: priorityDocSchema }),
  'library.saveInstrument': z.strictObject({ record: instrumentDocSchema }),
  'library.saveNote': z.strictObject({ record: noteDocSchema }),
  'library.saveMeeting': z.strictObject({ record: meetingDocSchema }),
  'library.saveCountry': z.strictObject({ record: countryDocSchema }),
  'library.saveSource': z.strictObject({ record: sourceDocSchema }),
  'library.choices': z.strictObject({ locale: localeSchema }),
  /** Who refers to a piece (any kind, packs and countries included), named in `locale`. */
  'library.references': z.strictObject({ id: PIECE_REF, locale: localeSchema }),
  /** Refused while referred to, unless the references are to be removed with it (same transaction). */
  'library.delete': z.strictObject({ id: PIECE_REF, locale: localeSchema, removeReferences: z.boolean().optional() }),
  'library.restore': z.strictObject({ trashId: z.uuid(), locale: localeSchema }),
  /** Recently deleted pieces, newest first, restorable until the app closes. */
  'library.trash': z.strictObject({ locale: localeSchema }),
  /** A piece's versions, oldest first: when, who, what changed. */
  'history.list': z.strictObject({ id: PIECE_REF }),
  /** One version's record as it was. */
  'history.version': z.strictObject({ id: PIECE_REF, version: z.number().int().positive().max(1_000_000_000) }),
  /** Writes a version back as a new version (undone by restoring the one before). */
  'history.restore': z.strictObject({ id: PIECE_REF, version: z.number().int().positive().max(1_000_000_000) }),
  /** Kind and title of the pieces a message names by id (a build report), for links to them. */
  'library.describePieces': z.strictObject({ ids: z.array(PIECE_REF).max(10_000), locale: localeSchema }),
  /** The whole library as `briefing export` writes it; the desktop app offers to save it. */
  'library.exportFile': z.strictObject({}),
  /** A library file's text: checked and counted (dryRun), or imported all or nothing. */
  'library.importFile': z.strictObject({
    text: z.string().max(LIMITS.importFileBytes),
    fileName: z.string().min(1).max(255),
    dryRun: z.boolean(),
  }),
  /** Any library piece, created or edited, checked by its kind's descriptor schema. */
  'library.save': z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('source'), record: sourceDocSchema }),
    z.strictObject({ kind: z.literal('country'), record: countryDocSchema }),
    z.strictObject({ kind: z.literal('network'), record: networkDocSchema }),
    z.strictObject({ kind: z.literal('meeting'), record: meetingDocSchema }),
    z.strictObject({ kind: z.literal('priority'), record: priorityDocSchema }),
    z.strictObject({ kind: z.literal('instrument'), record: instrumentDocSchema }),
    z.strictObject({ kind: z.literal('note'), record: noteDocSchema }),
  ]),
  'packs.get': z.strictObject({ id: PIECE_REF }),
  'packs.save': z.strictObject({ record: packDocSchema }),
  'packs.create': z.strictObject({
    slug: z.string().max(64),
    title: z.string().max(1000),
    lang: localeSchema,
    meetingId: pieceIdSchema.nullable(),
    paper: z.enum(PAPER_SIZES),
    /** The slug was proposed from the title, not typed: the next free one is taken if it is in use. */
    uniqueSlug: z.boolean().optional(),
  }),
  'packs.duplicate': z.strictObject({ id: PIECE_REF, slug: z.string().max(64) }),
  'packs.delete': z.strictObject({ id: PIECE_REF }),
  'packs.build': z.strictObject({
    id: PIECE_REF,
    mode: z.enum(LANGUAGE_MODES),
    paper: z.enum(PAPER_SIZES).optional(),
    watermark: z.string().max(80).nullable().optional(),
    strict: z.boolean().optional(),
    requireApproved: z.boolean().optional(),
    /** The earlier build the "Changes since" page compares with: its id, `distributed` (the default) or `none`. */
    changesSince: z.union([z.string().uuid(), z.literal('distributed'), z.literal('none')]).optional(),
    /** Chosen by the caller, so it can ask for progress or cancel while the build runs. */
    jobId: JOB_ID.optional(),
  }),
  'packs.buildProgress': z.strictObject({ jobId: JOB_ID }),
  'packs.cancelBuild': z.strictObject({ jobId: JOB_ID }),
  'packs.readPdf': z.strictObject({ downloadId: DOWNLOAD_ID }),
  'packs.builds': z.strictObject({ packId: PIECE_REF }),
  'packs.openBuild': z.strictObject({ buildId: z.string().uuid() }),
  'packs.changes': z.strictObject({ packId: PIECE_REF, since: z.union([z.string().uuid(), z.literal('distributed')]) }),
  'packs.distribute': z.strictObject({ buildId: z.string().uuid(), recipients: z.array(z.string().max(1000)).min(1).max(500) }),
  /** `locale`: the language the titles in a message naming missing versions are given in. */
  'packs.rebuild': z.strictObject({ buildId: z.string().uuid(), locale: localeSchema }),
  'translation.units': z.strictObject({
    source: localeSchema,
    target: localeSchema,
    states: z.array(z.enum(TRANSLATION_STATES)).max(TRANSLATION_STATES.length).optional(),
    kind: z.enum(TRANSLATABLE_KINDS).nullable().optional(),
    packId: z.string().max(64).nullable().optional(),
    /** Only the units with an open sync conflict, whatever their state (`states` is then ignored). */
    conflicts: z.boolean().optional(),
  }),
  /** One unit whole (texts, hashes, the previous source), when the translator opens it. */
  'translation.unit': z.strictObject({
    pieceId: z.string().min(2).max(64),
    field: z.string().min(1).max(64),
    source: localeSchema,
    target: localeSchema,
  }),
  'translation.save': z.strictObject({
    pieceId: z.string().min(2).max(64),
    field: z.string().min(1).max(64),
    source: localeSchema,
    target: localeSchema,
    text: z.string().max(LIMITS.longText),
    status: z.enum(TEXT_STATUSES),
    /** The source text's hash as the translator saw it. */
    sourceHash: sha256Schema,
    /** Approve although a translator's check failed (the empty-text check cannot be overridden). */
    force: z.boolean().optional(),
  }),
  /** Words anywhere in a text, in any language: the list's own search sees only excerpts. */
  'translation.search': z.strictObject({ query: z.string().max(500) }),
  'translation.exportXliff': z.strictObject({
    source: localeSchema,
    target: localeSchema,
    packId: z.string().max(64).nullable().optional(),
    /** Interface strings instead of library texts. */
    ui: z.boolean().optional(),
  }),
  'translation.importXliff': z.strictObject({
    xml: z.string().max(LIMITS.importFileBytes),
    dryRun: z.boolean(),
  }),
  'terms.list': z.strictObject({}),
  'terms.save': z.strictObject({ concept: conceptInputSchema }),
  'terms.delete': z.strictObject({ id: z.string().regex(CONCEPT_ID) }),
  'terms.undoDelete': z.strictObject({ undoToken: z.string().uuid() }),
  'terms.exportTbx': z.strictObject({}),
  'terms.importTbx': z.strictObject({ xml: z.string().max(LIMITS.importFileBytes) }),
  'memory.concordance': z.strictObject({ phrase: z.string().max(200), source: localeSchema, target: localeSchema }),
  /** A TMX file's text and its name (the memory's units are kept under it; a file of that name is replaced). */
  'memory.importTmx': z.strictObject({ fileName: z.string().min(1).max(255), xml: z.string().max(LIMITS.importFileBytes), dryRun: z.boolean() }),
  'memory.imports': z.strictObject({}),
  'memory.removeImport': z.strictObject({ origin: z.string().min(1).max(200) }),
  'memory.matches': z.strictObject({ pieceId: z.string().min(1).max(64), field: z.string().min(1).max(64), source: localeSchema, target: localeSchema }),
  'uiStrings.units': z.strictObject({
    source: localeSchema,
    target: localeSchema,
    states: z.array(z.enum(TRANSLATION_STATES)).max(TRANSLATION_STATES.length).optional(),
    namespace: z.enum(EDITABLE_NAMESPACES).nullable().optional(),
  }),
  'uiStrings.overrides': z.strictObject({}),
  'uiStrings.save': z.strictObject({
    namespace: z.enum(EDITABLE_NAMESPACES),
    key: z.string().min(1).max(200),
    source: localeSchema,
    target: localeSchema,
    /** null removes the override: the bundled string shows again. */
    value: z.string().max(LIMITS.shortText * 4).nullable(),
    status: z.enum(TEXT_STATUSES),
    sourceHash: sha256Schema,
    force: z.boolean().optional(),
  }),
  'uiStrings.exportJson': z.strictObject({ locale: localeSchema }),
  /** Where the library syncs, its open conflicts, its last sync. */
  'sync.status': z.strictObject({}),
  /** Commit, fetch, merge, push; `remote` (https://…) is remembered once given. */
  'sync.run': z.strictObject({ remote: z.string().trim().min(1).max(2_000).optional() }),
  /** Open conflicts (all with `all`), each with its piece's title in `locale`. */
  'sync.conflicts': z.strictObject({ locale: localeSchema, all: z.boolean().optional() }),
  /** Keep one side, or write a merged text (a text cell only) and keep it. */
  'sync.resolve': z.union([
    z.strictObject({ id: z.number().int().positive().max(1_000_000_000), keep: z.enum(['ours', 'theirs']) }),
    z.strictObject({ id: z.number().int().positive().max(1_000_000_000), text: z.string().trim().min(1).max(LIMITS.longText) }),
  ]),
  /** Desktop only: kept encrypted by the OS (browser mode and the CLI read the environment). */
  'sync.saveCredentials': z.strictObject({ username: z.string().trim().min(1).max(200), password: z.string().min(1).max(4_000) }),
  'desktop.savePdf': z.strictObject({ downloadId: DOWNLOAD_ID }),
  'desktop.openPdf': z.strictObject({ downloadId: DOWNLOAD_ID }),
} as const satisfies Record<Channel, z.ZodType>;

export type ApiInput<C extends Channel> = z.input<(typeof API_INPUTS)[C]>;

/** A piece with its kind, as the editor loads it. */
export type PieceRecord =
  | { kind: 'priority'; record: PriorityDoc }
  | { kind: 'instrument'; record: InstrumentDoc }
  | { kind: 'note'; record: NoteDoc }
  | { kind: 'meeting'; record: MeetingDoc }
  | { kind: 'country'; record: CountryDoc }
  | { kind: 'source'; record: SourceDoc }
  | { kind: 'network'; record: NetworkDoc };

/** The kinds the library editor creates and edits (packs have their own builder). */
export const EDITABLE_KINDS = ['source', 'country', 'network', 'meeting', 'priority', 'instrument', 'note'] as const;
export type EditableKind = (typeof EDITABLE_KINDS)[number];

/** Labels for pickers: every piece a pack or a note may refer to, in one locale. */
export interface Choices {
  priorities: { id: string; label: string }[];
  instruments: { id: string; label: string }[];
  notes: { id: string; label: string }[];
  countries: { id: string; label: string }[];
  meetings: { id: string; label: string }[];
  sources: { id: string; label: string }[];
  networks: { id: string; label: string }[];
}

/** A built PDF, fetched by the renderer with `downloadUrl` (browser mode) or saved by main. */
export interface BuiltPdf {
  edition: string;
  pages: number;
  bytes: number;
  fileName: string;
  downloadId: string;
}

export interface ApiOutputs {
  'app.info': { version: string; libraryPath: string; mode: 'desktop' | 'browser'; userName: string };
  'app.setUserName': { userName: string };
  'backups.list': BackupsList;
  'backups.create': BackupInfo;
  'backups.restore': BackupRestored;
  /** A copy of the library made now, in backups/ beside it. */
  'app.backup': { path: string; bytes: number };
  /** null when the user cancelled the save dialog (desktop). */
  'app.saveCopy': { path: string; bytes: number } | null;
  'library.list': ListEntry[];
  'library.search': SearchHit[];
  'library.searchAll': LibrarySearchResult;
  'library.get': PieceRecord;
  'library.read': ReadPiece;
  'library.savePriority': PriorityDoc;
  'library.saveInstrument': InstrumentDoc;
  'library.saveNote': NoteDoc;
  'library.saveMeeting': MeetingDoc;
  'library.saveCountry': CountryDoc;
  'library.saveSource': SourceDoc;
  'library.choices': Choices;
  'library.references': ReferencesResult;
  'library.delete': DeleteResult;
  'library.restore': RestoreResult;
  'library.trash': TrashEntry[];
  'history.list': PieceVersionInfo[];
  'history.version': PieceVersion;
  /** `changed` false: the piece already read as that version, and no version was added. */
  'history.restore': { version: number; changed: boolean };
  'library.describePieces': PieceName[];
  /** The file's text and a suggested name; `savedTo` where the desktop app saved it (null: not saved). */
  'library.exportFile': { fileName: string; json: string; savedTo: string | null };
  'library.importFile': LibraryImportReport;
  'library.save': PieceRecord;
  'packs.get': PackDoc;
  'packs.save': PackDoc;
  'packs.create': PackDoc;
  'packs.duplicate': PackDoc;
  'packs.delete': { id: string };
  'packs.build': { report: BuildReport; pdfs: BuiltPdf[] };
  /** The whole job's fraction done, and each edition's (in the order they are built). */
  'packs.buildProgress': { running: boolean; fraction: number; editions: { edition: string; fraction: number }[] };
  'packs.cancelBuild': { cancelled: boolean };
  /** The PDF's bytes, base64: for the preview where there is no HTTP download (desktop). */
  'packs.readPdf': { base64: string };
  /** The pack's past builds, newest first; each output says whether its file is still as built. */
  'packs.builds': PastBuild[];
  /** A past build's files still as built, copied for the viewer. */
  'packs.openBuild': BuiltPdf[];
  /** What changed in the pack since a build (null: `distributed` and no build was sent). */
  'packs.changes': BuildChangesResult | null;
  /** The build's recipients after marking it distributed to these. */
  'packs.distribute': Distribution[];
  /** A recorded build made again from the manifests the library kept; `same`: byte for byte as first built. */
  'packs.rebuild': (BuiltPdf & { same: boolean })[];
  /** The list: each unit summarized (excerpts of its texts), with the counts. */
  'translation.units': TranslationUnitsResult;
  'translation.unit': TranslationUnit;
  'translation.save': TranslationUnit;
  /** The file's text and a suggested name; the desktop app has already offered to save it (`savedTo`). */
  'translation.exportXliff': { fileName: string; xml: string; units: number; savedTo: string | null };
  'translation.importXliff': XliffImportReport;
  /** The fields whose text in some language has every word of the query (as `pieceId NUL field`). */
  'translation.search': { keys: string[]; truncated: boolean };
  /** The whole termbase, concepts by id with their terms. */
  'terms.list': Concept[];
  'terms.save': Concept;
  /** `undoToken` brings the concept back as it was (terms.undoDelete), until the app closes. */
  'terms.delete': { id: string; undoToken: string };
  'terms.undoDelete': Concept;
  /** The file's text and a suggested name; the desktop app has already offered to save it (`savedTo`). */
  'terms.exportTbx': { fileName: string; xml: string; concepts: number; savedTo: string | null };
  'terms.importTbx': TermbaseImportReport;
  /** Per paragraph of the unit's source, the closest approved segments of the library. */
  'memory.matches': MemorySegment[];
  /** Approved paragraph pairs holding a phrase, at most 50 (`truncated` when there were more). */
  'memory.concordance': { pairs: MemoryMatch[]; truncated: boolean };
  'memory.importTmx': TmxImportReport;
  /** The TMX files in the external memory, by name. */
  'memory.imports': ExternalMemorySummary[];
  'memory.removeImport': { origin: string; removed: number };
  'uiStrings.units': UiStringUnit[];
  /** Every override in the library, to layer over the bundled resources at start. */
  'uiStrings.overrides': UiStringOverride[];
  /** The override now in force, or null when the bundled string is back. */
  'uiStrings.save': UiStringOverride | null;
  /** All namespaces of one language as i18next JSON (`{ ui: {...}, common: {...} }`), overrides applied. */
  'uiStrings.exportJson': { fileName: string; json: string; savedTo: string | null };
  'sync.status': SyncStatus;
  'sync.run': SyncRunResult;
  'sync.conflicts': SyncConflictView[];
  'sync.resolve': SyncConflictView;
  'sync.saveCredentials': { saved: true };
  /** Desktop only: a save dialog; `path` is where it was saved, null if the user cancelled. */
  'desktop.savePdf': { path: string | null };
  'desktop.openPdf': { opened: boolean };
}

export interface ApiError {
  code: string;
  params: ErrorParams;
  problems: ValidationProblem[];
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** The one object the renderer talks to main through (preload in Electron, HTTP in a browser). */
export type Api = { [C in Channel]: (input: ApiInput<C>) => Promise<ApiResult<ApiOutputs[C]>> };
