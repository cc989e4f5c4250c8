import path from 'node:path';
import v8 from 'node:v8';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PackBuildService } from '../../main/pdf/PackBuildService';
import type { ManifestSeed } from '../../main/pdf/buildManifest';
import { narrowDocument } from '../../main/pdf/narrowDocument';
import { piecesUsed } from '../../main/pdf/recordedBuild';
import { applyLibraryDocument } from '../../main/services/importLibrary';
import type { LibraryStore } from '../../main/services/LibraryStore';
import type { LanguageMode } from '../../shared/api/buildTypes';
import type { LibraryDocument } from '../../shared/schemas/libraryDocument';
import { scaleLibrary } from '../bench/scaleLibrary';
import { tempDir } from '../helpers/cli';
import { useStarterStores } from '../helpers/starterStores';

/**
 * A build's narrow input: the library cut down to the pieces the build reads gives the same
 * bytes as the whole library, edition by edition, for a fraction of what each worker is sent.
 */
const openStarter = useStarterStores('narrow-');
const BUILT_AT = '2025-11-20T12:00:00.000Z';
const service = new PackBuildService(2);
let store: LibraryStore;
let doc: LibraryDocument;

beforeAll(async () => {
  store = await openStarter('lib');
  // A library with more than the pack uses: the starter and a large pack made from it.
  applyLibraryDocument(store, scaleLibrary(store.readDocument(), 3));
  doc = store.readDocument();
}, 120_000);
afterAll(() => service.close());

async function hashes(input: LibraryDocument, mode: LanguageMode, seed: ManifestSeed): Promise<Record<string, string>> {
  const report = await service.build(input, { pack: 'panama-2025', mode, out: path.join(tempDir(), 'out'), builtAt: new Date(BUILT_AT), manifest: seed });
  return Object.fromEntries(report.files.map((f) => [f.edition, f.sha256]));
}

describe('the narrow input of a build', () => {
  it('keeps only the pieces the build reads, in the library’s order', () => {
    const pieces = piecesUsed(store, 'panama-2025', doc);
    const narrow = narrowDocument(doc, pieces);
    const ids = (d: LibraryDocument) => Object.values(d).flatMap((v) => (Array.isArray(v) ? (v as { id?: string; code?: string }[]).map((r) => r.id ?? r.code) : []));
    expect(new Set(ids(narrow))).toEqual(new Set(pieces.map((p) => p.id)));
    expect(narrow.packs.map((p) => p.slug)).toEqual(['panama-2025']);
    expect(narrow.priorities.map((p) => p.id)).toEqual(doc.priorities.map((p) => p.id).filter((id) => narrow.priorities.some((p) => p.id === id)));
    // What a worker is sent: less than the whole library (here the other pack's priorities and
    // instruments stay behind; the country notes the pack's country table shows go).
    expect(narrow.priorities.length).toBeLessThan(doc.priorities.length);
    expect(narrow.instruments.length).toBeLessThan(doc.instruments.length);
    expect(v8.serialize(narrow).length).toBeLessThan(v8.serialize(doc).length);
  });

  it('gives the same bytes as the whole library, one edition and side by side', async () => {
    const pieces = piecesUsed(store, 'panama-2025', doc);
    const seed: ManifestSeed = { id: '6f1d2c3b-4a59-4e68-9b7a-0c1d2e3f4a5b', builtAt: BUILT_AT, appVersion: '0.1.0', fontsHash: 'f'.repeat(64), pieces };
    for (const mode of ['fr', 'parallel'] as const) {
      const whole = await hashes(doc, mode, seed);
      const narrow = await hashes(narrowDocument(doc, pieces), mode, seed);
      expect(Object.keys(whole).length).toBeGreaterThan(0);
      expect(narrow, mode).toEqual(whole);
    }
  }, 240_000);

  it('leaves the library whole when a piece is of a kind it cannot place', () => {
    expect(narrowDocument(doc, [{ id: 'x', kind: 'thing' }])).toBe(doc);
  });
});
