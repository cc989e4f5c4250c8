import { describe, expect, it } from 'vitest';
import { buildManifest, manifestContentHash } from '../../main/pdf/buildManifest';
import { buildManifestSchema, translationState } from '../../shared/schemas/buildManifest';
import type { PackDoc } from '../../shared/schemas/libraryDocument';

const pack = {
  id: 'pack-a',
  slug: 'a',
  reference: 'PA/1',
  version: null,
  issued: '2025-11-27',
  title: { en: { text: 'Pack A', status: 'approved' }, fr: { text: 'Dossier A', status: 'draft' } },
} as unknown as PackDoc;
const seed = { id: '8f0e6a52-3b1c-4d1e-9a57-0c6a7d0e1f23', builtAt: '2026-01-02T03:04:05.000Z', appVersion: '0.1.0', fontsHash: 'a'.repeat(64), pieces: [{ id: 'z', kind: 'note', hash: 'b'.repeat(64) }, { id: 'pack-a', kind: 'pack', hash: 'c'.repeat(64) }] };
const options = { mode: 'all' as const, paper: 'a4' as const, watermark: null, strict: false, requireApproved: false };
const report = (locale: 'en' | 'fr', draft: number) => ({ locale, missing: [], draft: Array.from({ length: draft }, () => ({ pieceId: 'x', field: 'body' })), stale: [] });

describe('build manifest', () => {
  const { manifest, titles } = buildManifest(seed, pack, 'fr', options, [
    { edition: 'en', pages: 3, reports: [report('en', 0)] },
    { edition: 'fr', pages: 4, reports: [report('fr', 2)] },
  ]);

  it('passes its schema, with pieces sorted, each edition’s state, and its own hash', () => {
    expect(buildManifestSchema.parse(manifest)).toEqual(manifest);
    expect(manifest.pieces.map((p) => p.id)).toEqual(['pack-a', 'z']);
    expect(manifest.editions[1]!.languages[0]).toEqual({ locale: 'fr', status: 'draft', missing: 0, draft: 2, stale: 0 });
    expect(manifest.contentHash).toBe(manifestContentHash(manifest));
    expect(titles).toEqual([{ locale: 'fr', title: 'Dossier A' }]);
  });

  it('gives the same manifest for the same record, and another hash for any change', () => {
    const again = buildManifest(seed, pack, 'fr', options, [
      { edition: 'en', pages: 3, reports: [report('en', 0)] },
      { edition: 'fr', pages: 4, reports: [report('fr', 2)] },
    ]).manifest;
    expect(again).toEqual(manifest);
    expect(manifestContentHash({ ...manifest, edition: 'en' })).not.toBe(manifest.contentHash);
  });

  it('refuses unknown members, a bad hash, a bad edition', () => {
    expect(buildManifestSchema.safeParse({ ...manifest, extra: 1 }).success).toBe(false);
    expect(buildManifestSchema.safeParse({ ...manifest, contentHash: 'xyz' }).success).toBe(false);
    expect(buildManifestSchema.safeParse({ ...manifest, edition: 'de' }).success).toBe(false);
    expect(buildManifestSchema.safeParse({ ...manifest, version: 2 }).success).toBe(false);
  });

  it('names the worst state of an edition language', () => {
    expect(translationState({ missing: 0, draft: 0, stale: 0 })).toBe('approved');
    expect(translationState({ missing: 0, draft: 1, stale: 0 })).toBe('draft');
    expect(translationState({ missing: 0, draft: 1, stale: 1 })).toBe('outdated');
    expect(translationState({ missing: 1, draft: 1, stale: 1 })).toBe('incomplete');
  });
});
