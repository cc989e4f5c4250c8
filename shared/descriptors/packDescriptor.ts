import { z } from 'zod';
import { PACK_ITEM_KINDS, PAPER_SIZES } from '../domain/pieceKinds';
import { LOCALES } from '../domain/locales';
import { LIMITS, WATERMARK_MAX, isoDateSchema, longLocalized, pieceIdSchema, shortLocalized, watermarkLocalized, type LocalizedDoc } from '../schemas/common';
import { logoSchema } from '../schemas/logoSchema';
import { defineKind } from './KindDescriptor';

export const packItemDocSchema = z.strictObject({
  kind: z.enum(PACK_ITEM_KINDS),
  ref: z.string().min(2).max(64),
});

/** A pack's section: a piece of its own (its texts are translated), listed inside its pack. */
export const sectionDescriptor = defineKind({
  kind: 'section',
  collection: null,
  idField: 'id',
  titleField: 'title',
  label: 'ui:pieceKind.section',
  listColumns: [],
  fields: {
    id: { type: 'id', schema: pieceIdSchema, label: 'ui:fields.id', required: true, hidden: true },
    title: { type: 'localized', length: 'short', schema: shortLocalized, label: 'ui:fields.title', required: true, max: LIMITS.shortText },
    text: { type: 'localized', length: 'long', schema: longLocalized.nullable(), label: 'ui:fields.text', required: false, max: LIMITS.longText },
    // Each item refers to a piece of the kind it names (see referencesIn).
    items: { type: 'refs', schema: z.array(packItemDocSchema), label: 'ui:fields.items', required: false, hidden: true },
  },
});

export const packOptionsSchema = z.strictObject({
  cover: z.boolean(),
  toc: z.boolean(),
  sources: z.boolean(),
  /** Paragraphs numbered 1, 2, … the same in every edition; added later, so optional. */
  numberedParagraphs: z.boolean().default(false),
  /**
   * Files written before the watermark became a text of the pack in each language carry it here:
   * still read (the same text in every edition, see the watermark field), never written.
   */
  watermark: z.string().min(1).max(WATERMARK_MAX).nullable().optional(),
});

/** A pack's reference or symbol, as a secretariat numbers its papers: `PA/RPS/2025/1`. */
export const packReferenceSchema = z.string().trim().min(1).max(80);
/** Its version: `2`, `Rev. 1`. */
export const packVersionSchema = z.string().trim().min(1).max(40);

/**
 * A watermark from a file written before it became a text in each language: the same words in
 * every edition, as that file printed them, approved as they were.
 */
export function legacyWatermark(text: string | null | undefined): LocalizedDoc | null {
  if (!text) return null;
  const out: LocalizedDoc = {};
  for (const locale of LOCALES) out[locale] = { text, status: 'approved' };
  return out;
}

export const sectionDocSchema = z.strictObject({
  id: sectionDescriptor.fields.id.schema,
  title: sectionDescriptor.fields.title.schema,
  text: sectionDescriptor.fields.text.schema,
  items: sectionDescriptor.fields.items.schema,
});

export const packDescriptor = defineKind({
  kind: 'pack',
  collection: 'packs',
  idField: 'id',
  titleField: 'title',
  label: 'ui:pieceKind.pack',
  listColumns: ['slug', 'paper'],
  fields: {
    id: { type: 'id', schema: pieceIdSchema, label: 'ui:fields.id', required: true, hidden: true },
    slug: { type: 'slug', schema: z.string().regex(/^[a-z0-9][a-z0-9-]{1,63}$/, { error: 'badSlug' }), label: 'ui:packs.slug', required: true },
    meetingId: { type: 'ref', refKind: 'meeting', schema: pieceIdSchema.nullable(), label: 'ui:fields.meeting', required: false },
    title: { type: 'localized', length: 'short', schema: shortLocalized, label: 'ui:fields.title', required: true, max: LIMITS.shortText },
    subtitle: { type: 'localized', length: 'short', schema: shortLocalized.nullable(), label: 'ui:fields.subtitle', required: false, max: LIMITS.shortText },
    audience: { type: 'localized', length: 'short', schema: shortLocalized.nullable(), label: 'ui:fields.audience', required: false, max: LIMITS.shortText },
    classification: { type: 'localized', length: 'short', schema: shortLocalized.nullable(), label: 'ui:fields.classification', required: false, max: LIMITS.shortText },
    /** Drawn across every page of an edition, in its language (`DRAFT`, `PROJET`, `BORRADOR`). */
    watermark: {
      type: 'localized',
      length: 'short',
      schema: watermarkLocalized.nullable().default(null),
      label: 'ui:fields.watermark',
      hint: 'ui:builder.watermarkHint',
      required: false,
      max: WATERMARK_MAX,
      // An older file's watermark sits in the options: it becomes this text.
      normalize: (value, record) => (value as LocalizedDoc | null | undefined) ?? legacyWatermark((record.options as { watermark?: string | null } | undefined)?.watermark),
    },
    /** The document line of the cover and running header: reference, version, date of issue. */
    reference: { type: 'text', schema: packReferenceSchema.nullable().default(null), label: 'ui:fields.reference', hint: 'ui:builder.documentLineHint', required: false, max: 80 },
    version: { type: 'text', schema: packVersionSchema.nullable().default(null), label: 'ui:fields.version', required: false, max: 40 },
    issued: { type: 'date', schema: isoDateSchema.nullable().default(null), label: 'ui:fields.issued', required: false },
    /** A logo the user chose, stored in the library; never a path or an address to fetch. */
    logo: {
      type: 'logo',
      schema: logoSchema.nullable().default(null),
      label: 'ui:fields.logo',
      required: false,
      hidden: true,
      normalize: (value) => {
        const logo = value as { type: string; data: string } | null | undefined;
        return logo ? { type: logo.type, data: logo.data } : null;
      },
    },
    paper: { type: 'enum', options: PAPER_SIZES, optionLabels: 'ui:paper', schema: z.enum(PAPER_SIZES), label: 'ui:fields.paper', required: true },
    options: {
      type: 'options',
      schema: packOptionsSchema,
      label: 'ui:fields.options',
      required: true,
      hidden: true,
      // The legacy watermark is never written back (it moved to the watermark text).
      normalize: (value) => {
        const o = value as { cover: boolean; toc: boolean; sources: boolean; numberedParagraphs?: boolean };
        return { cover: o.cover, toc: o.toc, sources: o.sources, numberedParagraphs: o.numberedParagraphs ?? false };
      },
    },
    sections: { type: 'sections', schema: z.array(sectionDocSchema), label: 'ui:fields.sections', required: false, hidden: true },
  },
});
