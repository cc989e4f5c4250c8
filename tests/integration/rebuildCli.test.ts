import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AFRelationship, PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { openLibrary } from '../../main/db/openLibrary';
import { hashSourceText } from '../../main/db/textHash';
import { manifestContentHash } from '../../main/pdf/buildManifest';
import { findVersionByHash } from '../../main/services/history/pieceHistory';
import { writeRecords } from '../../main/services/importLibrary';
import { LibraryStore } from '../../main/services/LibraryStore';
import { pieceContentHash } from '../../main/services/pieceContentHash';
import { createTranslator } from '../../shared/locales/createTranslator';
import { MANIFEST_FILE_NAME, type BuildManifest } from '../../shared/schemas/buildManifest';
import { emptyLibraryDocument, type LibraryDocument } from '../../shared/schemas/libraryDocument';
import { normalizeLibraryDocument } from '../../shared/schemas/normalizeLibraryDocument';
import { cli, tempDir } from '../helpers/cli';
import { sha256File, StarterTemplate } from '../helpers/library';
import { loadPdf } from '../helpers/pdf';

/** `briefing rebuild FILE.pdf --out X`: the same bytes from the library's history, and every refusal named. */

const starter = new StarterTemplate();
const PRIORITY = 'prio-rps-1';
let db: string;
let dir: string;
let original: string;
let originalAll: string;
let manifest: BuildManifest;

/** An edit through the write gate (a new version in the history), as the editor makes it. */
async function editTitle(file: string, text: string): Promise<void> {
  const library = await openLibrary(file, { create: false });
  try {
    const store = new LibraryStore(library.db);
    const record = structuredClone(store.readRecords([PRIORITY]).priorities[0]!) as { title: Record<string, { text: string; status: string }> };
    record.title.en = { ...record.title.en!, text };
    const doc = { ...emptyLibraryDocument(), priorities: [record] } as unknown as LibraryDocument;
    writeRecords(store, normalizeLibraryDocument(doc, hashSourceText));
  } finally {
    library.close();
  }
}

/** A translator's edit of a string the PDF shows (the French contents heading). */
async function setContentsHeading(file: string, value: string): Promise<void> {
  const library = await openLibrary(file, { create: false });
  try {
    const store = new LibraryStore(library.db);
    store.write(() =>
      store.uiStrings.upsert({ locale: 'fr', namespace: 'pdf', key: 'contents', value, status: 'approved', sourceLocale: 'en', sourceHash: hashSourceText('Contents'), updatedBy: 'Test', updatedAt: '2025-11-01T00:00:00.000Z' }),
    );
  } finally {
    library.close();
  }
}

async function manifestPdf(m: BuildManifest): Promise<string> {
  const pdf = await PDFDocument.create();
  pdf.addPage();
  await pdf.attach(new TextEncoder().encode(JSON.stringify(m)), MANIFEST_FILE_NAME, { mimeType: 'application/json', afRelationship: AFRelationship.Data });
  const file = path.join(tempDir(), 'made.pdf');
  fs.writeFileSync(file, await pdf.save());
  return file;
}

beforeAll(async () => {
  dir = tempDir();
  db = await starter.copy(dir);
  await setContentsHeading(db, 'Sommaire du dossier');
  original = path.join(dir, 'panama-fr.pdf');
  const built = await cli(['build', '--db', db, '--pack', 'panama-2025', '--lang', 'fr', '--out', original]);
  expect(built.stderr).toBe('');
  const all = await cli(['build', '--db', db, '--pack', 'panama-2025', '--lang', 'all', '--out', path.join(dir, 'all')]);
  expect(all.code).toBe(0);
  originalAll = path.join(dir, 'all', 'panama-2025-es.pdf');
  manifest = JSON.parse((await cli(['inspect', original, '--json'])).stdout) as BuildManifest;
  // The library moves on: the priority the pack uses is edited after the builds.
  await editTitle(db, 'Human security, as edited after the pack went out');
  await setContentsHeading(db, 'Table des matières revue');
}, 240_000);

describe('briefing rebuild', () => {
  it('rebuilds a one-edition PDF from the history after a piece changed: the same SHA-256', async () => {
    const out = path.join(tempDir(), 'again.pdf');
    const result = await cli(['rebuild', original, '--out', out, '--db', db]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(sha256File(out)).toBe(sha256File(original));
    expect(result.stdout).toContain(`the same bytes as the original (SHA-256 ${sha256File(original)})`);
    // The interface string as the build had it, recorded in the manifest, not as it reads now.
    expect(manifest.strings?.fr?.pdf?.contents).toBe('Sommaire du dossier');
    const text = (await loadPdf(out)).text;
    expect(text).toContain('Sommaire du dossier');
    expect(text).not.toContain('Table des matières revue');
  }, 120_000);

  it('rebuilds one edition of a --lang all build into a folder: the same SHA-256', async () => {
    const out = tempDir();
    const result = await cli(['rebuild', originalAll, '--out', out, '--db', db, '--json']);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as { file: string; same: boolean };
    expect(json.file).toBe(path.join(out, 'panama-2025-es.pdf'));
    expect(json.same).toBe(true);
    expect(sha256File(json.file)).toBe(sha256File(originalAll));
  }, 120_000);

  it('finds a piece’s version by its content hash in the history', async () => {
    const library = await openLibrary(db, { create: false, readOnly: true });
    try {
      const store = new LibraryStore(library.db);
      const hash = manifest.pieces.find((p) => p.id === PRIORITY)!.hash;
      expect(findVersionByHash(store, PRIORITY, hash)).toBe(1);
      expect(pieceContentHash(store.readRecords([PRIORITY]).priorities[0])).not.toBe(hash);
      expect(findVersionByHash(store, PRIORITY, '0'.repeat(64))).toBeNull();
    } finally {
      library.close();
    }
  });

  it('says which piece and version the library no longer holds (en), writing nothing', async () => {
    const copy = path.join(tempDir(), 'lost.sqlite');
    fs.copyFileSync(db, copy);
    const raw = new Database(copy);
    raw.prepare('DELETE FROM piece_versions WHERE piece_id = ? AND number = 1').run(PRIORITY);
    raw.close();
    const out = path.join(tempDir(), 'x.pdf');
    const result = await cli(['rebuild', original, '--out', out, '--db', copy]);
    expect(result.code).toBe(1);
    const hash = manifest.pieces.find((p) => p.id === PRIORITY)!.hash.slice(0, 12);
    expect(result.stderr).toContain('Pack panama-2025 cannot be rebuilt: the library no longer holds 1 of the versions it used.');
    expect(result.stderr).toContain(`“Human security, as edited after the pack went out” (${PRIORITY}): the version with hash ${hash} is not among its 1 versions`);
    expect(fs.existsSync(out)).toBe(false);
  }, 120_000);

  it('refuses a PDF from another library (fr)', async () => {
    const other = await starter.copy(tempDir());
    const result = await cli(['rebuild', original, '--out', path.join(tempDir(), 'x.pdf'), '--db', other], { BRIEFING_LOCALE: 'fr' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(createTranslator('fr')('errors:rebuild.otherLibrary', { file: original, build: manifest.build.id, pack: 'panama-2025' }));
  });

  it('refuses a manifest edited without its hash (es), and one whose hash was recomputed, naming the piece (en)', async () => {
    const edited = structuredClone(manifest);
    edited.pieces.find((p) => p.id === PRIORITY)!.hash = 'a'.repeat(64);
    const stale = await manifestPdf(edited);
    const es = await cli(['rebuild', stale, '--out', path.join(tempDir(), 'x.pdf'), '--db', db], { BRIEFING_LOCALE: 'es' });
    expect(es.code).toBe(1);
    expect(es.stderr).toContain(createTranslator('es')('errors:inspect.tampered', { file: stale, expected: manifest.contentHash, actual: manifestContentHash(edited) }));
    edited.contentHash = manifestContentHash(edited);
    const resealed = await manifestPdf(edited);
    const en = await cli(['rebuild', resealed, '--out', path.join(tempDir(), 'x.pdf'), '--db', db]);
    expect(en.code).toBe(1);
    expect(en.stderr).toContain(`does not match this library's record of build ${manifest.build.id} (1 difference): piece ${PRIORITY}: the manifest names version aaaaaaaaaaaa, the record`);
  });

  it('refuses a PDF with no manifest, in each language', async () => {
    const pdf = await PDFDocument.create();
    pdf.addPage();
    const file = path.join(tempDir(), 'plain.pdf');
    fs.writeFileSync(file, await pdf.save());
    for (const locale of ['en', 'fr', 'es'] as const) {
      const result = await cli(['rebuild', file, '--out', path.join(tempDir(), 'x.pdf'), '--db', db], { BRIEFING_LOCALE: locale });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(createTranslator(locale)('errors:inspect.noManifest', { file, name: MANIFEST_FILE_NAME }));
    }
  });
});
