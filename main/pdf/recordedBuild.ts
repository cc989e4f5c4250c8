import { randomUUID } from 'node:crypto';
import { LOCALES } from '../../shared/domain/locales';
import { isAppError } from '../../shared/errors/AppError';
import type { LibraryCollection } from '../../shared/schemas/libraryDocument';
import type { ValidationProblem } from '../../shared/schemas/validationProblems';
import type { BuildRecord, BuildStatus } from '../../shared/api/buildRecordTypes';
import type { Edition } from '../../shared/api/buildTypes';
import type { LibraryStore } from '../services/LibraryStore';
import { pieceContentHash } from '../services/pieceContentHash';
import { userName } from '../services/userName';
import { saveBuildRecord } from '../services/buildRecords';
import packageJson from '../../package.json';
import { editionModels } from './editionModels';
import { fontsHash } from './fontsHash';
import { resolvePack } from './resolvePack';
import type { BuildHooks, BuildReport, BuildRequest, PackBuildService } from './PackBuildService';
import { changesSince } from './changesSince';
import { narrowDocument } from './narrowDocument';
import type { BuildManifest } from '../../shared/schemas/buildManifest';

/** Errors that stop a build before it starts because of what was asked, not because it broke. */
const REFUSALS = new Set([
  'build.incomplete',
  'build.notApproved',
  'build.outputExists',
  'build.outNeedsFolder',
  'build.emptyPack',
  'build.missingPiece',
  'build.textTooLong',
  'build.unknownLanguage',
  'changes.unknownBuild',
  'changes.otherPack',
  'changes.notBuilt',
  'changes.versionsMissing',
]);

const KIND_OF: Record<LibraryCollection, string> = {
  sources: 'source',
  countries: 'country',
  networks: 'network',
  meetings: 'meeting',
  priorities: 'priority',
  instruments: 'instrument',
  notes: 'note',
  packs: 'pack',
};

/**
 * A build that leaves a record in the library, success or not, and whose PDFs carry a manifest
 * naming the exact version (content hash) of every piece they use. An unknown pack is not
 * recorded: there is no pack to list it under.
 */
export async function recordedBuild(service: PackBuildService, store: LibraryStore, request: BuildRequest, hooks: BuildHooks = {}): Promise<BuildReport> {
  const doc = store.readDocument();
  const found = doc.packs.find((p) => p.id === request.pack || p.slug === request.pack);
  if (!found) return service.build(doc, request, hooks);
  const builtAt = (request.builtAt ?? new Date()).toISOString();
  const id = randomUUID();
  const editions: Edition[] = request.mode === 'all' ? [...LOCALES] : [request.mode as Edition];
  const record: BuildRecord = {
    id,
    packId: found.id,
    packSlug: found.slug,
    builtAt,
    builtBy: userName(store),
    mode: request.mode,
    editions,
    options: { paper: request.paper ?? found.paper, watermark: request.watermark ?? null, strict: request.strict ?? false, requireApproved: request.requireApproved ?? false },
    appVersion: packageJson.version,
    fontsHash: fontsHash(),
    status: 'ok',
    error: null,
    outputs: [],
    pieces: [],
  };
  try {
    record.pieces = piecesUsed(store, found.id, doc);
    // Default: the changes since the pack's last build marked as distributed (none if none was).
    const changes = changesSince(store, doc, found.id, request.changesSince ?? 'distributed');
    record.options.changesSince = changes?.buildId ?? null;
    const manifests: BuildManifest[] = [];
    const report = await service.build(
      // Only what the build reads goes to the workers, not the whole library (narrowDocument).
      narrowDocument(doc, record.pieces),
      { ...request, terms: request.terms ?? store.terms.readAll(), changes, builtAt: new Date(builtAt), manifest: { id, builtAt, appVersion: record.appVersion, fontsHash: record.fontsHash, pieces: record.pieces, strings: request.strings } },
      { ...hooks, onManifest: (m) => manifests.push(m) },
    );
    record.outputs = report.files.map((f) => ({ edition: f.edition, path: f.file, sha256: f.sha256, pages: f.pages, bytes: f.bytes }));
    try {
      saveBuildRecord(store, record, manifests);
    } catch (error) {
      // The files are written and whole: a library busy or read-only at this moment costs the
      // record, not the build. Said as a warning, like the layout's.
      const busy = (error as { code?: string })?.code === 'SQLITE_BUSY' || (isAppError(error) && error.code === 'db.busy');
      const detail = isAppError(error) ? error.code : String((error as Error)?.message ?? error).slice(0, 200);
      const warning: ValidationProblem = busy ? { path: [], key: 'build.notRecordedBusy', values: {} } : { path: [], key: 'build.notRecorded', values: { detail } };
      return { ...report, buildId: null, warnings: [...report.warnings, warning] };
    }
    return report;
  } catch (error) {
    saveBuildRecord(store, { ...record, ...failureOf(error) });
    throw error;
  }
}

/** How a build that threw is recorded: refused (what was asked) or failed (what broke), and why. */
export function failureOf(error: unknown): Pick<BuildRecord, 'status' | 'error'> {
  const code = isAppError(error) ? error.code : 'build.failed';
  const status: BuildStatus = REFUSALS.has(code) ? 'refused' : 'failed';
  const params = isAppError(error) ? error.params : { detail: String((error as Error)?.message ?? error).slice(0, 200) };
  return { status, error: { code, params } };
}

/** Every piece the editions use (as the engine resolves them), each with its content hash. */
export function piecesUsed(store: LibraryStore, packId: string, doc: ReturnType<LibraryStore['readDocument']>): BuildRecord['pieces'] {
  const pack = resolvePack(doc, packId);
  const { usedBy } = editionModels(doc, packId, LOCALES);
  const ids = new Set<string>([packId]);
  for (const keys of Object.values(usedBy)) for (const key of keys ?? []) ids.add(key.split('\0')[0]!);
  // What the pack lists is read by the build even when none of its texts are (a country's table
  // row): the manifest names it too, so a rebuild finds everything the build read.
  for (const section of pack.sections) for (const item of section.items) ids.add(item.ref);
  const records = store.readRecords(ids);
  const pieces: BuildRecord['pieces'] = [];
  for (const [collection, kind] of Object.entries(KIND_OF) as [LibraryCollection, string][]) {
    for (const r of records[collection] as { id?: string; code?: string }[]) {
      const pieceId = r.id ?? r.code;
      if (pieceId && ids.has(pieceId)) pieces.push({ id: pieceId, kind, hash: pieceContentHash(r) });
    }
  }
  return pieces.sort((a, b) => (a.id < b.id ? -1 : 1));
}
