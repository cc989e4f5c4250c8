import { LIMITS, partialDateSchema, pieceIdSchema, shortLocalized } from '../schemas/common';
import { defineKind } from './KindDescriptor';
import { plainTextSchema, urlSchema } from './fieldSchemas';

export const sourceDescriptor = defineKind({
  kind: 'source',
  collection: 'sources',
  idField: 'id',
  titleField: 'title',
  label: 'ui:pieceKind.source',
  listColumns: ['issuer', 'place', 'date'],
  fields: {
    id: { type: 'id', schema: pieceIdSchema, label: 'ui:fields.id', required: true, hidden: true },
    title: { type: 'localized', length: 'short', schema: shortLocalized, label: 'ui:fields.title', required: true, max: LIMITS.shortText },
    issuer: { type: 'text', schema: plainTextSchema, label: 'ui:fields.issuer', required: true, max: LIMITS.shortText },
    place: { type: 'text', schema: plainTextSchema.nullable(), label: 'ui:fields.place', required: false, max: LIMITS.shortText },
    date: { type: 'partialDate', schema: partialDateSchema.nullable(), label: 'ui:fields.date', required: false },
    url: { type: 'url', schema: urlSchema.nullable(), label: 'ui:fields.url', required: false, max: LIMITS.shortText },
  },
});
