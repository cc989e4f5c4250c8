import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEdition } from '../../main/pdf/buildEdition';
import { PackBuildService } from '../../main/pdf/PackBuildService';
import type { ManifestSeed } from '../../main/pdf/buildManifest';
import type { LanguageMode } from '../../shared/api/buildTypes';
import type { LibraryDocument } from '../../shared/schemas/libraryDocument';
import { tempDir } from '../helpers/cli';
import { useStarterStores } from '../helpers/starterStores';

/**
 * The same input (pieces, options, the record's date, fonts) gives the same bytes, whichever
 * way the edition is laid out: in one pass, in parts, or side by side.
 */
const openStarter = useStarterStores('deterministic-');
const BUILT_AT = '2025-11-20T12:00:00.000Z';
const SEED: ManifestSeed = { id: '6f1d2c3b-4a59-4e68-9b7a-0c1d2e3f4a5b', builtAt: BUILT_AT, appVersion: '0.1.0', fontsHash: 'f'.repeat(64), pieces: [] };
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

let doc: LibraryDocument;
const service = new PackBuildService(2);

beforeAll(async () => {
  doc = (await openStarter('lib')).readDocument();
});
afterAll(() => service.close());

async function twice(mode: LanguageMode): Promise<Record<string, [string, string]>> {
  const hashes: Record<string, [string, string]> = {};
  for (const round of [0, 1]) {
    const report = await service.build(doc, { pack: 'panama-2025', mode, out: path.join(tempDir(), 'out'), builtAt: new Date(BUILT_AT), manifest: SEED });
    for (const f of report.files) {
      (hashes[f.edition] ??= ['', ''])[round] = sha(fs.readFileSync(f.file));
      expect(f.sha256).toBe(sha(fs.readFileSync(f.file)));
    }
  }
  return hashes;
}

async function dates(bytes: Uint8Array): Promise<string[]> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  return [pdf.getCreationDate()?.toISOString() ?? '', pdf.getModificationDate()?.toISOString() ?? ''];
}

describe('deterministic builds (Panama starter pack)', () => {
  it('one-pass editions: two builds of the same record have the same SHA-256, dated by the record', async () => {
    const hashes = await twice('all');
    expect(Object.keys(hashes)).toEqual(['en', 'fr', 'es']);
    for (const [edition, [a, b]] of Object.entries(hashes)) expect(a, edition).toBe(b);
    const file = path.join(tempDir(), 'x.pdf');
    const report = await service.build(doc, { pack: 'panama-2025', mode: 'fr', out: file, builtAt: new Date(BUILT_AT), manifest: SEED });
    const bytes = fs.readFileSync(report.files[0]!.file);
    // Every date in the file is the build's: Info, XMP, and no other date object left behind.
    expect(await dates(bytes)).toEqual(['2025-11-20T12:00:00.000Z', '2025-11-20T12:00:00.000Z']);
    const text = bytes.toString('latin1');
    expect([...new Set(text.match(/D:\d{14}/g))]).toEqual(['D:20251120120000']);
    expect(text).toContain(`<xmp:CreateDate>${BUILT_AT}</xmp:CreateDate>`);
  }, 180_000);

  it('side by side: the same bytes twice', async () => {
    const { parallel } = await twice('parallel');
    expect(parallel![0]).toBe(parallel![1]);
  }, 180_000);

  it('an edition built in parts and merged: the same bytes twice, with the record’s date', async () => {
    const options = { paper: 'a4' as const, builtAt: new Date(BUILT_AT) };
    const limits = { singlePassMax: 0, partMax: 20_000 };
    const a = await buildEdition(doc, 'panama-2025', 'es', options, limits);
    const b = await buildEdition(doc, 'panama-2025', 'es', options, limits);
    expect(a.pages).toBeGreaterThan(5);
    expect(sha(a.bytes)).toBe(sha(b.bytes));
    expect(await dates(a.bytes)).toEqual(['2025-11-20T12:00:00.000Z', '2025-11-20T12:00:00.000Z']);
  }, 180_000);

  it('a different date gives different bytes (the date is really in the file)', async () => {
    const options = { paper: 'a4' as const, builtAt: new Date('2025-11-21T12:00:00.000Z') };
    const a = await buildEdition(doc, 'panama-2025', 'en', { paper: 'a4', builtAt: new Date(BUILT_AT) });
    const b = await buildEdition(doc, 'panama-2025', 'en', options);
    expect(sha(a.bytes)).not.toBe(sha(b.bytes));
  }, 180_000);
});
