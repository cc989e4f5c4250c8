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
  const doc = libraryAsOf(store, manifest, file, locale);
  // A changes page compares with the build the original named, against the pieces as of then.
  const options = JSON.parse(store.db.prepare('SELECT options FROM builds WHERE id = ?').pluck().get(manifest.build.id) as string) as { changesSince?: string | null };
  const changes = changesSince(store, doc, manifest.pack.id, options.changesSince ?? 'none');
  const target = outputFile(out, manifest);
  if (!force && fs.existsSync(target)) throw new AppError('build.outputExists', { file: target });
  // A build of every edition the original build made: each file's manifest lists them all.
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'briefing-rebuild-'));
  try {
    const report = await service.build(doc, {
      pack: manifest.pack.id,
      mode: manifest.options.mode,
      out: folder,
      paper: manifest.options.paper,
      watermark: manifest.options.watermark,
      strict: manifest.options.strict,
      requireApproved: manifest.options.requireApproved,
      builtAt: new Date(manifest.build.builtAt),
      changes,
      // The interface strings as the build had them, not as the library has them now.
      strings: manifest.strings ?? {},
      manifest: { ...manifest.build, pieces: manifest.pieces, strings: manifest.strings },
    });
    const made = report.files.find((f) => f.edition === manifest.edition)!;
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(made.file, target);
    return { file: target, edition: manifest.edition, sha256: made.sha256, originalSha256, same: made.sha256 === originalSha256 };
  } finally {
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
