import type { LibraryStore } from './LibraryStore';
import type { BuildRecord } from '../../shared/api/buildRecordTypes';
import { buildManifestSchema, type BuildManifest } from '../../shared/schemas/buildManifest';

/**
 * Build records in the library (migration 009), written through the write gate; with the
 * manifest of each file a successful build made (migration 013), so it can be rebuilt later.
 */
export function saveBuildRecord(store: LibraryStore, r: BuildRecord, manifests: readonly BuildManifest[] = []): void {
  const db = store.db;
  store.write(() => {
    db.prepare(
      `INSERT INTO builds (id, pack_id, pack_slug, built_at, built_by, mode, editions, options, app_version, fonts_hash, status, error)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(r.id, r.packId, r.packSlug, r.builtAt, r.builtBy, r.mode, JSON.stringify(r.editions), JSON.stringify(r.options), r.appVersion, r.fontsHash, r.status, r.error ? JSON.stringify(r.error) : null);
    const output = db.prepare('INSERT INTO build_outputs (build_id, edition, path, sha256, pages, bytes) VALUES (?, ?, ?, ?, ?, ?)');
    for (const o of r.outputs) output.run(r.id, o.edition, o.path, o.sha256, o.pages, o.bytes);
    const piece = db.prepare('INSERT INTO build_pieces (build_id, piece_id, kind, content_hash) VALUES (?, ?, ?, ?)');
    for (const p of r.pieces) piece.run(r.id, p.id, p.kind, p.hash);
    const manifest = db.prepare('INSERT INTO build_manifests (build_id, edition, manifest) VALUES (?, ?, ?)');
    for (const m of manifests) manifest.run(r.id, m.edition, JSON.stringify(m));
  });
}

/**
 * The manifests a build's files carry, as the library keeps them (by edition, in the order the
 * build made them). Empty for a build that made nothing, or one made before they were kept.
 * Each is checked against the schema: a row that no longer parses is not a manifest.
 */
export function storedManifests(store: LibraryStore, buildId: string): BuildManifest[] {
  const rows = store.db.prepare('SELECT manifest FROM build_manifests WHERE build_id = ? ORDER BY rowid').pluck().all(buildId) as string[];
  return rows.map((text) => buildManifestSchema.parse(JSON.parse(text)));
}

interface BuildRow {
  id: string;
  pack_id: string;
  pack_slug: string;
  built_at: string;
  built_by: string;
  mode: BuildRecord['mode'];
  editions: string;
  options: string;
  app_version: string;
  fonts_hash: string;
  status: BuildRecord['status'];
  error: string | null;
}

/** A pack's builds, newest first (by id or slug: a slug may have been given to the build). */
export function listBuildRecords(store: LibraryStore, packId: string, limit = 50): BuildRecord[] {
  const rows = store.db
    .prepare('SELECT * FROM builds WHERE pack_id = ? OR pack_slug = ? ORDER BY built_at DESC, rowid DESC LIMIT ?')
    .all(packId, packId, limit) as BuildRow[];
  const outputs = store.db.prepare('SELECT edition, path, sha256, pages, bytes FROM build_outputs WHERE build_id = ? ORDER BY rowid');
  const pieces = store.db.prepare('SELECT piece_id AS id, kind, content_hash AS hash FROM build_pieces WHERE build_id = ? ORDER BY piece_id');
  return rows.map((row) => ({
    id: row.id,
    packId: row.pack_id,
    packSlug: row.pack_slug,
    builtAt: row.built_at,
    builtBy: row.built_by,
    mode: row.mode,
    editions: JSON.parse(row.editions) as BuildRecord['editions'],
    options: JSON.parse(row.options) as BuildRecord['options'],
    appVersion: row.app_version,
    fontsHash: row.fonts_hash,
    status: row.status,
    error: row.error ? (JSON.parse(row.error) as BuildRecord['error']) : null,
    outputs: outputs.all(row.id) as BuildRecord['outputs'],
    pieces: pieces.all(row.id) as BuildRecord['pieces'],
  }));
}

/** Whether the library kept a build's manifests (builds before migration 013 have none). */
export function hasStoredManifests(store: LibraryStore, buildId: string): boolean {
  return store.db.prepare('SELECT 1 FROM build_manifests WHERE build_id = ? LIMIT 1').get(buildId) !== undefined;
}
