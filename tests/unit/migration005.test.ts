import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../main/db/migrations';
import { migration005 } from '../../main/db/migrations/005_pack_paper';
import { LibraryStore } from '../../main/services/LibraryStore';
import { parseLibraryShape } from '../../main/services/parseLibraryDocument';
import { normalizeLibraryDocument } from '../../shared/schemas/normalizeLibraryDocument';
import { hashSourceText } from '../../main/db/textHash';
import { smallDocument } from '../helpers/documents';

/** A database at exactly `version`, built with the real migrations, as an older app left it. */
function dbAtVersion(version: number): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  for (const m of MIGRATIONS.filter((x) => x.version <= version)) {
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return db;
}

function addPack(db: Database.Database, id: string, options: object): void {
  db.prepare("INSERT INTO pieces (id, kind, created_at, updated_at) VALUES (?, 'pack', 't', 't')").run(id);
  db.prepare("INSERT INTO texts (piece_id, field, locale, body, status, updated_at) VALUES (?, 'title', 'fr', 'Dossier', 'approved', 't')").run(id);
  db.prepare("INSERT INTO packs (id, slug, meeting_id, paper, options) VALUES (?, ?, NULL, 'a4', ?)").run(id, id, JSON.stringify(options));
}

describe('migration 005 (pack paper)', () => {
  it('moves a pack’s one watermark into approved watermark texts in en, fr and es, and drops it from the options', () => {
    const db = dbAtVersion(4);
    addPack(db, 'pack-with', { cover: true, toc: false, sources: true, watermark: 'PROJET' });
    addPack(db, 'pack-without', { cover: false, toc: true, sources: false, watermark: null });
    migration005.up(db);
    const texts = db
      .prepare("SELECT piece_id AS id, locale, body, status, source_locale AS source FROM texts WHERE field = 'watermark' ORDER BY 1, 2")
      .all();
    expect(texts).toEqual(
      ['en', 'es', 'fr'].map((locale) => ({ id: 'pack-with', locale, body: 'PROJET', status: 'approved', source: null })),
    );
    const options = db.prepare('SELECT id, options FROM packs ORDER BY id').all() as { id: string; options: string }[];
    expect(options.map((o) => [o.id, JSON.parse(o.options)])).toEqual([
      ['pack-with', { cover: true, toc: false, sources: true, numberedParagraphs: false }],
      ['pack-without', { cover: false, toc: true, sources: false, numberedParagraphs: false }],
    ]);
    // The store (of today: the later steps first) reads the migrated pack as the new format describes it.
    for (const m of MIGRATIONS.filter((x) => x.version > migration005.version)) m.up(db);
    const pack = new LibraryStore(db).readDocument().packs.find((p) => p.id === 'pack-with')!;
    expect(pack.watermark?.es).toEqual({ text: 'PROJET', status: 'approved' });
    expect(pack).toMatchObject({ reference: null, version: null, issued: null, logo: null });
    expect(pack.options).toEqual({ cover: true, toc: false, sources: true, numberedParagraphs: false });
    db.close();
  });

  it('adds the document line and logo columns with their constraints', () => {
    const db = dbAtVersion(5);
    addPack(db, 'pack-a', { cover: true, toc: true, sources: true, numberedParagraphs: false });
    const set = (sql: string, ...values: unknown[]) => db.prepare(`UPDATE packs SET ${sql} WHERE id = 'pack-a'`).run(...values);
    expect(() => set("reference = 'PA/RPS/2025/1', version = 'Rév. 2', issued = '2025-11-27'")).not.toThrow();
    expect(() => set("issued = '27/11/2025'")).toThrow(/CHECK/);
    expect(() => set("reference = ''")).toThrow(/CHECK/);
    expect(() => set("logo_type = 'image/gif', logo = x'00'")).toThrow(/CHECK/);
    expect(() => set("logo_type = 'image/png', logo = NULL")).toThrow(/CHECK/);
    expect(() => set("logo_type = 'image/png', logo = x'89504e47'")).not.toThrow();
    db.close();
  });

  it('runs on a library with no pack', () => {
    const db = dbAtVersion(4);
    expect(() => migration005.up(db)).not.toThrow();
    db.close();
  });
});

describe('exchange format: packs written before the pack paper fields', () => {
  it('imports a file with options.watermark and no new fields, as the same watermark in every language', () => {
    const doc = JSON.parse(JSON.stringify(smallDocument())) as { packs: Record<string, unknown>[]; networks: Record<string, unknown>[] };
    for (const pack of doc.packs) {
      for (const key of ['watermark', 'reference', 'version', 'issued', 'logo']) delete pack[key];
      pack.options = { cover: true, toc: true, sources: true, watermark: 'DRAFT' };
    }
    for (const network of doc.networks) delete network.ofName;
    const parsed = normalizeLibraryDocument(parseLibraryShape(doc, 'old.json'), hashSourceText);
    const pack = parsed.packs[0]!;
    expect(pack.watermark).toEqual({ en: { text: 'DRAFT', status: 'approved' }, fr: { text: 'DRAFT', status: 'approved' }, es: { text: 'DRAFT', status: 'approved' } });
    expect(pack.options).toEqual({ cover: true, toc: true, sources: true, numberedParagraphs: false });
    expect(pack).toMatchObject({ reference: null, version: null, issued: null, logo: null });
    expect(parsed.networks[0]!.ofName).toBeNull();
    // An export of it never writes the old place again.
    expect(JSON.stringify(parsed)).not.toContain('"options":{"cover":true,"toc":true,"sources":true,"watermark"');
  });
});
