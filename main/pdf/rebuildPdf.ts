import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../shared/errors/AppError';
import type { Locale } from '../../shared/domain/locales';
import type { PieceKind } from '../../shared/domain/pieceKinds';
import { collectionOfKind } from '../../shared/domain/pieceReferences';
import { emptyLibraryDocument, type LibraryCollection, type LibraryDocument } from '../../shared/schemas/libraryDocument';
import type { ValidationProblem } from '../../shared/schemas/validationProblems';
import type { BuildManifest } from '../../shared/schemas/buildManifest';
import type { Edition } from '../../shared/api/buildTypes';
import type { LibraryStore } from '../services/LibraryStore';
import { readVersionRecord } from '../services/history/HistoryRecorder';
import { findVersionByHash } from '../services/history/pieceHistory';
import { pieceContentHash } from '../services/pieceContentHash';
import { titlesOf } from '../services/pieceTitles';
import { readManifest } from './readManifest';
import { changesSince } from './changesSince';
import type { PackBuildService } from './PackBuildService';
import { storedManifests } from '../services/buildRecords';

export interface RebuildResult {
  file: string;
  edition: Edition;
  sha256: string;
  /** The SHA-256 of the PDF rebuilt from. */
  originalSha256: string;
  same: boolean;
}

type Rec = { id?: string; code?: string };
const idOf = (r: Rec) => (r.id ?? r.code)!;

/** One file a rebuild made, beside the one the build first made. */
export interface RebuiltFile {
  file: string;
  edition: Edition;
  sha256: string;
  /** What the build first made: the PDF rebuilt from, or the build's record of its file. */
  originalSha256: string;
  same: boolean;
}

/**
 * `briefing rebuild`: the PDF's manifest, checked against this library's record of that build,
 * the library as of then (each piece at the version the manifest names by hash, and only the
 * pack's pieces), built again with the recorded options and date. Nothing is written to the
 * library; the output is written only when every version was found.
 */
export async function rebuildPdf(service: PackBuildService, store: LibraryStore, file: string, out: string, force: boolean, locale: Locale): Promise<RebuildResult> {
  const manifest = await readManifest(file);
  const originalSha256 = createHash('sha256').update(fs.readFileSync(file)).digest('hex');
  checkRecord(store, manifest, file);
  const target = outputFile(out, manifest);
  const [made] = await rebuildEditions(service, store, [manifest], new Map([[manifest.edition, target]]), force, file, locale);
  return { file: target, edition: manifest.edition, sha256: made!.sha256, originalSha256, same: made!.sha256 === originalSha256 };
}

/**
 * `briefing rebuild --build ID`, the Rebuild action of Past builds: a build the library recorded,
 * from the manifests it kept (migration 013), whether or not its files are still anywhere. `out`
 * is a folder (every edition, named as the build named them) or a .pdf for one edition (the
 * build's only one, or the one asked for). All files or none: each is written under a temporary
 * name first, then renamed.
 */
export async function rebuildBuild(
  service: PackBuildService,
  store: LibraryStore,
  buildId: string,
  out: string,
  options: { force?: boolean; edition?: Edition; locale: Locale },
): Promise<RebuiltFile[]> {
  const build = store.db.prepare('SELECT status FROM builds WHERE id = ?').get(buildId) as { status: string } | undefined;
  if (!build) throw new AppError('rebuild.unknownBuild', { build: buildId });
  if (build.status !== 'ok') throw new AppError('changes.notBuilt', { build: buildId, status: build.status });
  let manifests = storedManifests(store, buildId);
  if (manifests.length === 0) throw new AppError('rebuild.noStoredManifest', { build: buildId });
  if (options.edition) {
    manifests = manifests.filter((m) => m.edition === options.edition);
    if (manifests.length === 0) throw new AppError('rebuild.noSuchEdition', { build: buildId, edition: options.edition });
  }
  const label = `${manifests[0]!.pack.slug} (${buildId})`;
  for (const m of manifests) checkRecord(store, m, label);
  const resolved = path.resolve(out);
  const toFile = resolved.toLowerCase().endsWith('.pdf');
  if (toFile && manifests.length > 1) throw new AppError('build.outNeedsFolder', { out: resolved });
  const targets = new Map(manifests.map((m) => [m.edition, toFile ? resolved : outputFile(resolved, m)] as const));
  const recorded = new Map(
    (store.db.prepare('SELECT edition, sha256 FROM build_outputs WHERE build_id = ?').all(buildId) as { edition: Edition; sha256: string }[]).map((r) => [r.edition, r.sha256]),
  );
  const made = await rebuildEditions(service, store, manifests, targets, options.force ?? false, label, options.locale);
  return made.map((m) => {
    const originalSha256 = recorded.get(m.edition) ?? '';
    return { ...m, originalSha256, same: m.sha256 === originalSha256 };
  });
}

/**
 * The build again, as of then, into a temporary folder; then the editions asked for are put in
 * place (temporary names beside their targets, then renamed, so a failure leaves none of them).
 */
async function rebuildEditions(
  service: PackBuildService,
  store: LibraryStore,
  manifests: readonly BuildManifest[],
  targets: ReadonlyMap<Edition, string>,
  force: boolean,
  source: string,
  locale: Locale,
): Promise<{ file: string; edition: Edition; sha256: string }[]> {
  const manifest = manifests[0]!;
  const doc = libraryAsOf(store, manifest, source, locale);
  // A changes page compares with the build the original named, against the pieces as of then.
  const options = JSON.parse(store.db.prepare('SELECT options FROM builds WHERE id = ?').pluck().get(manifest.build.id) as string) as { changesSince?: string | null };
  const changes = changesSince(store, doc, manifest.pack.id, options.changesSince ?? 'none');
  if (!force) for (const target of targets.values()) if (fs.existsSync(target)) throw new AppError('build.outputExists', { file: target });
  // A build of every edition the original build made: each file's manifest lists them all.
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'briefing-rebuild-'));
  const placed: string[] = [];
  try {
    const report = await service.build(doc, {
      pack: manifest.pack.id,
      mode: manifest.options.mode,
      out: folder,
      paper: manifest.options.paper,
      watermark: manifest.options.watermark,
      strict: manifest.options.strict,
      requireApproved: manifest.options.requireApproved,
      recipient: manifest.options.recipient ?? null,
      builtAt: new Date(manifest.build.builtAt),
      changes,
      // The interface strings as the build had them, not as the library has them now.
      strings: manifest.strings ?? {},
      manifest: { ...manifest.build, pieces: manifest.pieces, strings: manifest.strings },
    });
    const out: { file: string; edition: Edition; sha256: string; temp: string }[] = [];
    for (const [edition, target] of targets) {
      const made = report.files.find((f) => f.edition === edition)!;
      fs.mkdirSync(path.dirname(target), { recursive: true });
      const temp = `${target}.${process.pid}.rebuild-tmp`;
      fs.copyFileSync(made.file, temp);
      placed.push(temp);
      out.push({ file: target, edition, sha256: made.sha256, temp });
    }
    for (const o of out) fs.renameSync(o.temp, o.file);
    placed.length = 0;
    return out.map(({ temp: _temp, ...rest }) => rest);
  } finally {
    for (const temp of placed) fs.rmSync(temp, { force: true });
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

/** The build must be one this library made, with the pieces it recorded. */
function checkRecord(store: LibraryStore, manifest: BuildManifest, file: string): void {
  const known = store.db.prepare('SELECT 1 FROM builds WHERE id = ?').get(manifest.build.id) !== undefined;
  if (!known) throw new AppError('rebuild.otherLibrary', { file, build: manifest.build.id, pack: manifest.pack.slug });
  const rows = store.db.prepare('SELECT piece_id AS id, content_hash AS hash FROM build_pieces WHERE build_id = ?').all(manifest.build.id) as { id: string; hash: string }[];
  const recorded = new Map(rows.map((p) => [p.id, p.hash]));
  const problems: ValidationProblem[] = [];
  for (const p of manifest.pieces) {
    const hash = recorded.get(p.id);
    if (hash === undefined) problems.push({ path: [], key: 'rebuild.pieceNotRecorded', values: { piece: p.id } });
    else if (hash !== p.hash) problems.push({ path: [], key: 'rebuild.pieceHashChanged', values: { piece: p.id, manifest: p.hash.slice(0, 12), recorded: hash.slice(0, 12) } });
    recorded.delete(p.id);
  }
  for (const id of recorded.keys()) problems.push({ path: [], key: 'rebuild.pieceDropped', values: { piece: id } });
  if (problems.length > 0) throw new AppError('rebuild.tampered', { file, build: manifest.build.id, count: problems.length }, problems);
}

/** Only the pack's pieces, each at the version the manifest names; every one missing is named. */
function libraryAsOf(store: LibraryStore, manifest: BuildManifest, file: string, locale: Locale): LibraryDocument {
  const doc = emptyLibraryDocument();
  const current = store.readRecords(manifest.pieces.map((p) => p.id));
  const now = new Map<string, Rec>();
  for (const list of Object.values(current)) if (Array.isArray(list)) for (const r of list as Rec[]) now.set(idOf(r), r);
  const missing: { id: string; kind: PieceKind; hash: string }[] = [];
  for (const p of manifest.pieces) {
    const collection = collectionOfKind(p.kind as PieceKind);
    if (!collection) throw new AppError('rebuild.tampered', { file, build: manifest.build.id, count: 1 }, [{ path: [], key: 'rebuild.pieceNotRecorded', values: { piece: p.id } }]);
    const live = now.get(p.id);
    let record: Rec | null = live && pieceContentHash(live) === p.hash ? live : null;
    if (!record) {
      const number = findVersionByHash(store, p.id, p.hash);
      record = number === null ? null : (readVersionRecord(store.db, p.id, number) as Rec | null);
    }
    if (!record) missing.push({ id: p.id, kind: p.kind as PieceKind, hash: p.hash });
    else (doc[collection] as Rec[]).push(record);
  }
  if (missing.length > 0) {
    const titles = titlesOf(store.db, missing, locale);
    const problems: ValidationProblem[] = missing.map((m) => {
      const versions = store.db.prepare('SELECT count(*) FROM piece_versions WHERE piece_id = ?').pluck().get(m.id) as number;
      return { path: [], key: versions > 0 ? 'rebuild.versionMissing' : 'rebuild.pieceMissing', values: { title: titles.get(m.id)?.title ?? m.id, id: m.id, hash: m.hash.slice(0, 12), versions } };
    });
    throw new AppError('rebuild.missing', { pack: manifest.pack.slug, count: missing.length }, problems);
  }
  // The order the library reads them in, as the original build had them.
  for (const collection of Object.keys(doc) as LibraryCollection[]) {
    const list = doc[collection] as Rec[];
    if (Array.isArray(list)) list.sort((a, b) => (idOf(a) < idOf(b) ? -1 : idOf(a) > idOf(b) ? 1 : 0));
  }
  return doc;
}

function outputFile(out: string, manifest: BuildManifest): string {
  const resolved = path.resolve(out);
  return resolved.toLowerCase().endsWith('.pdf') ? resolved : path.join(resolved, `${manifest.pack.slug}-${manifest.edition}.pdf`);
}
