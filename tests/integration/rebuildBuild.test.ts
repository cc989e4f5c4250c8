import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { openLibrary } from '../../main/db/openLibrary';
import { hashSourceText } from '../../main/db/textHash';
import { writeRecords } from '../../main/services/importLibrary';
import { LibraryStore } from '../../main/services/LibraryStore';
import { createTranslator } from '../../shared/locales/createTranslator';
import type { BuildManifest } from '../../shared/schemas/buildManifest';
import { emptyLibraryDocument, type LibraryDocument } from '../../shared/schemas/libraryDocument';
import { normalizeLibraryDocument } from '../../shared/schemas/normalizeLibraryDocument';
import { cli, tempDir } from '../helpers/cli';
import { sha256File, StarterTemplate } from '../helpers/library';

/**
 * `briefing rebuild --build ID --out X`: a recorded build made again from the manifests the
 * library kept (migration 013), after its files are gone and the library has moved on.
 */

const starter = new StarterTemplate();
const PRIORITY = 'prio-rps-1';
let db: string;
let buildId: string;
let recorded: Map<string, string>;
let embedded: Map<string, BuildManifest>;

async function editTitle(file: string, text: string): Promise<void> {
  const library = await openLibrary(file, { create: false });
  try {
    const store = new LibraryStore(library.db);
    const record = structuredClone(store.readRecords([PRIORITY]).priorities[0]!) as { title: Record<string, { text: string; status: string }> };
    record.title.en = { ...record.title.en!, text };
    writeRecords(store, normalizeLibraryDocument({ ...emptyLibraryDocument(), priorities: [record] } as unknown as LibraryDocument, hashSourceText));
  } finally {
    library.close();
  }
}

const query = <T>(file: string, sql: string, ...params: unknown[]): T[] => {
  const raw = new Database(file, { readonly: true });
  try {
    return raw.prepare(sql).all(...params) as T[];
  } finally {
    raw.close();
  }
};

beforeAll(async () => {
  const dir = tempDir();
  db = await starter.copy(dir);
  const out = path.join(dir, 'first');
  const built = await cli(['build', '--db', db, '--pack', 'panama-2025', '--lang', 'all', '--out', out]);
  expect(built.stderr).toBe('');
  buildId = query<{ id: string }>(db, "SELECT id FROM builds WHERE status = 'ok'")[0]!.id;
  recorded = new Map(query<{ edition: string; sha256: string }>(db, 'SELECT edition, sha256 FROM build_outputs WHERE build_id = ?', buildId).map((r) => [r.edition, r.sha256]));
  embedded = new Map();
  for (const edition of ['en', 'fr', 'es']) {
    const file = path.join(out, `panama-2025-${edition}.pdf`);
    embedded.set(edition, JSON.parse((await cli(['inspect', file, '--json'])).stdout) as BuildManifest);
  }
  // The files go, and the library moves on: the priority the pack uses is edited since.
  fs.rmSync(out, { recursive: true });
  await editTitle(db, 'Human security, edited after the build');
}, 240_000);

describe('briefing rebuild --build', () => {
  it('keeps each file’s manifest in the library, exactly as the PDF carries it', () => {
    const rows = query<{ edition: string; manifest: string }>(db, 'SELECT edition, manifest FROM build_manifests WHERE build_id = ? ORDER BY rowid', buildId);
    expect(rows.map((r) => r.edition)).toEqual(['en', 'fr', 'es']);
    for (const row of rows) expect(JSON.parse(row.manifest)).toEqual(embedded.get(row.edition));
  });

  it('rebuilds every edition of a build whose files are gone: the bytes first built', async () => {
    const out = tempDir();
    const result = await cli(['rebuild', '--build', buildId, '--out', out, '--db', db]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    for (const edition of ['en', 'fr', 'es']) {
      const file = path.join(out, `panama-2025-${edition}.pdf`);
      expect(sha256File(file), edition).toBe(recorded.get(edition));
      expect(result.stdout).toContain(`Rebuilt ${file} (edition ${edition}): the same bytes as the original (SHA-256 ${recorded.get(edition)})`);
    }
    expect(fs.readdirSync(out).sort()).toEqual(['panama-2025-en.pdf', 'panama-2025-es.pdf', 'panama-2025-fr.pdf']);
  }, 180_000);

  it('rebuilds one edition into a .pdf with --edition; refuses a .pdf for three, and an edition the build did not make', async () => {
    const file = path.join(tempDir(), 'fr.pdf');
    const one = await cli(['rebuild', '--build', buildId, '--edition', 'fr', '--out', file, '--db', db, '--json']);
    expect(one.code).toBe(0);
    const json = JSON.parse(one.stdout) as { file: string; edition: string; same: boolean }[];
    expect(json).toMatchObject([{ file, edition: 'fr', same: true }]);
    expect(sha256File(file)).toBe(recorded.get('fr'));

    const many = path.join(tempDir(), 'all.pdf');
    const refused = await cli(['rebuild', '--build', buildId, '--out', many, '--db', db]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(createTranslator('en')('errors:build.outNeedsFolder', { out: many }));
    const parallel = await cli(['rebuild', '--build', buildId, '--edition', 'parallel', '--out', tempDir(), '--db', db], { BRIEFING_LOCALE: 'es' });
    expect(parallel.code).toBe(1);
    expect(parallel.stderr).toContain(createTranslator('es')('errors:rebuild.noSuchEdition', { build: buildId, edition: 'parallel' }));
  }, 180_000);

  it('names the version the library no longer holds, in each language, writing no file', async () => {
    const copy = path.join(tempDir(), 'lost.sqlite');
    fs.copyFileSync(db, copy);
    const raw = new Database(copy);
    raw.prepare('DELETE FROM piece_versions WHERE piece_id = ? AND number = 1').run(PRIORITY);
    raw.close();
    const hash = embedded.get('en')!.pieces.find((p) => p.id === PRIORITY)!.hash.slice(0, 12);
    const titles = JSON.parse(query<{ t: string }>(copy, "SELECT json_group_object(locale, body) AS t FROM texts WHERE piece_id = ? AND field = 'title'", PRIORITY)[0]!.t) as Record<string, string>;
    expect(titles.en).toBe('Human security, edited after the build');
    const out = tempDir();
    for (const locale of ['en', 'fr', 'es'] as const) {
      const result = await cli(['rebuild', '--build', buildId, '--out', out, '--db', copy], { BRIEFING_LOCALE: locale });
      const t = createTranslator(locale);
      expect(result.code, locale).toBe(1);
      expect(result.stderr).toContain(t('errors:rebuild.missing', { pack: 'panama-2025', count: 1, first: '' }).trim());
      expect(result.stderr).toContain(
        t('errors:rebuild.versionMissing', { title: titles[locale], id: PRIORITY, hash, versions: 1 }),
      );
    }
    expect(fs.readdirSync(out)).toEqual([]);
  }, 60_000);

  it('names an unknown build, a build made before manifests were kept, and a call naming both or neither source', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    const none = await cli(['rebuild', '--build', unknown, '--out', tempDir(), '--db', db], { BRIEFING_LOCALE: 'fr' });
    expect(none.code).toBe(1);
    expect(none.stderr).toContain(createTranslator('fr')('errors:rebuild.unknownBuild', { build: unknown }));

    const old = path.join(tempDir(), 'old.sqlite');
    fs.copyFileSync(db, old);
    const raw = new Database(old);
    raw.prepare('DELETE FROM build_manifests').run();
    raw.close();
    const before = await cli(['rebuild', '--build', buildId, '--out', tempDir(), '--db', old]);
    expect(before.code).toBe(1);
    expect(before.stderr).toContain(createTranslator('en')('errors:rebuild.noStoredManifest', { build: buildId }));

    const neither = await cli(['rebuild', '--out', tempDir(), '--db', db], { BRIEFING_LOCALE: 'es' });
    expect(neither.code).toBe(1);
    expect(neither.stderr).toContain(createTranslator('es')('errors:rebuild.fileOrBuild'));
    const both = await cli(['rebuild', 'x.pdf', '--build', buildId, '--out', tempDir(), '--db', db]);
    expect(both.stderr).toContain(createTranslator('en')('errors:rebuild.fileOrBuild'));
  });

  it('keeps no manifest for a build that made nothing', async () => {
    const copy = path.join(tempDir(), 'refused.sqlite');
    fs.copyFileSync(db, copy);
    const result = await cli(['build', '--db', copy, '--pack', 'panama-2025', '--lang', 'en', '--strict', '--require-approved', '--out', tempDir()]);
    expect(result.code).toBe(1);
    const refused = query<{ id: string }>(copy, "SELECT id FROM builds WHERE status <> 'ok'");
    expect(refused.length).toBe(1);
    expect(query(copy, 'SELECT * FROM build_manifests WHERE build_id = ?', refused[0]!.id)).toEqual([]);
  });
});
