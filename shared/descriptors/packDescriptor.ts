import { z } from 'zod';
import { PACK_ITEM_KINDS, PAPER_SIZES } from '../domain/pieceKinds';
import { LIMITS, longLocalized, pieceIdSchema, shortLocalized } from '../schemas/common';
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
  watermark: z.string().min(1).max(80).nullable(),
});

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
  listColumns: ['slug', 'meetingId', 'paper'],
  fields: {
    id: { type: 'id', schema: pieceIdSchema, label: 'ui:fields.id', required: true, hidden: true },
    slug: { type: 'slug', schema: z.string().regex(/^[a-z0-9][a-z0-9-]{1,63}$/, { error: 'badSlug' }), label: 'ui:packs.slug', required: true },
    meetingId: { type: 'ref', refKind: 'meeting', schema: pieceIdSchema.nullable(), label: 'ui:fields.meeting', required: false },
    title: { type: 'localized', length: 'short', schema: shortLocalized, label: 'ui:fields.title', required: true, max: LIMITS.shortText },
    subtitle: { type: 'localized', length: 'short', schema: shortLocalized.nullable(), label: 'ui:fields.subtitle', required: false, max: LIMITS.shortText },
    audience: { type: 'localized', length: 'short', schema: shortLocalized.nullable(), label: 'ui:fields.audience', required: false, max: LIMITS.shortText },
    classification: { type: 'localized', length: 'short', schema: shortLocalized.nullable(), label: 'ui:fields.classification', required: false, max: LIMITS.shortText },
    paper: { type: 'enum', options: PAPER_SIZES, schema: z.enum(PAPER_SIZES), label: 'ui:fields.paper', required: true },
    options: { type: 'options', schema: packOptionsSchema, label: 'ui:fields.options', required: true, hidden: true },
    sections: { type: 'sections', schema: z.array(sectionDocSchema), label: 'ui:fields.sections', required: false, hidden: true },
  },
});
