import { z } from 'zod';
import { localeSchema, sha256Schema } from './common';

/**
 * What a PDF says about the build that made it (briefing-manifest.json, embedded in the PDF and
 * summarized in its XMP). Documented in BUILD-MANIFEST.md. `contentHash` is the SHA-256 of the
 * manifest's canonical JSON without that member: an edited manifest no longer matches it.
 */
export const MANIFEST_FORMAT = 'briefing-manifest';
export const MANIFEST_VERSION = 1;
export const MANIFEST_FILE_NAME = 'briefing-manifest.json';
export const EDITIONS = ['en', 'fr', 'es', 'parallel'] as const;
export const TRANSLATION_STATES = ['approved', 'draft', 'outdated', 'incomplete'] as const;

const languageStatus = z.strictObject({
  locale: localeSchema,
  status: z.enum(TRANSLATION_STATES),
  missing: z.number().int().min(0),
  draft: z.number().int().min(0),
  stale: z.number().int().min(0),
});

export const buildManifestSchema = z.strictObject({
  format: z.literal(MANIFEST_FORMAT),
  version: z.literal(MANIFEST_VERSION),
  build: z.strictObject({
    id: z.string().uuid(),
    builtAt: z.iso.datetime(),
    appVersion: z.string().min(1).max(40),
    fontsHash: sha256Schema,
  }),
  pack: z.strictObject({
    id: z.string().min(1).max(200),
    slug: z.string().min(1).max(64),
    reference: z.string().max(80).nullable(),
    version: z.string().max(40).nullable(),
    issued: z.string().nullable(),
  }),
  /** The edition this file holds. */
  edition: z.enum(EDITIONS),
  options: z.strictObject({
    mode: z.enum(['en', 'fr', 'es', 'all', 'parallel']),
    paper: z.enum(['a4', 'letter']),
    watermark: z.string().max(80).nullable(),
    strict: z.boolean(),
    requireApproved: z.boolean(),
    /** A personalized copy: who it was made for (named in its footers); absent in other builds. */
    recipient: z.string().min(1).max(200).optional(),
  }),
  /** Every edition made by the same build, this one included. */
  editions: z.array(z.strictObject({ edition: z.enum(EDITIONS), pages: z.number().int().min(1), languages: z.array(languageStatus).min(1) })).min(1),
  /** The pieces the build used, by content hash (the key of the piece's version in the history). */
  pieces: z.array(z.strictObject({ id: z.string().min(1).max(200), kind: z.string().min(1).max(40), hash: sha256Schema })),
  /**
   * The translators' edits to the PDF's own strings the build used (by locale, namespace, key),
   * when there were any: a rebuild uses them, whatever the library holds now.
   */
  strings: z.partialRecord(localeSchema, z.record(z.string().max(40), z.record(z.string().max(200), z.string().max(2000)))).optional(),
  contentHash: sha256Schema,
});

export type BuildManifest = z.infer<typeof buildManifestSchema>;
export type TranslationState = (typeof TRANSLATION_STATES)[number];

/** An edition language's state, from its counts: the worst one wins. */
export function translationState(counts: { missing: number; draft: number; stale: number }): TranslationState {
  if (counts.missing > 0) return 'incomplete';
  if (counts.stale > 0) return 'outdated';
  if (counts.draft > 0) return 'draft';
  return 'approved';
}
