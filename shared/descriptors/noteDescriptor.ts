import { LIMITS, countryCodeSchema, idList, isoDateSchema, longLocalized, pieceIdSchema, shortLocalized } from '../schemas/common';
import { defineKind } from './KindDescriptor';
import { tagsSchema } from './fieldSchemas';

export const noteDescriptor = defineKind({
  kind: 'note',
  collection: 'notes',
  idField: 'id',
  titleField: 'title',
  label: 'ui:pieceKind.note',
  listColumns: ['date', 'countryCode', 'tags'],
  fields: {
    id: { type: 'id', schema: pieceIdSchema, label: 'ui:fields.id', required: true, hidden: true },
    countryCode: { type: 'ref', refKind: 'country', schema: countryCodeSchema.nullable(), label: 'ui:fields.country', required: false, listEmpty: 'ui:library.developmentNote' },
    date: { type: 'date', schema: isoDateSchema, label: 'ui:fields.date', required: true },
    tags: { type: 'tags', schema: tagsSchema, label: 'ui:fields.tags', required: false, max: LIMITS.tag },
    title: { type: 'localized', length: 'short', schema: shortLocalized, label: 'ui:fields.title', required: true, max: LIMITS.shortText },
    body: { type: 'localized', length: 'long', schema: longLocalized, label: 'ui:fields.body', required: true, max: LIMITS.longText },
    instruments: { type: 'refs', refKind: 'instrument', schema: idList, label: 'ui:fields.instruments', required: false },
    priorities: { type: 'refs', refKind: 'priority', schema: idList, label: 'ui:fields.priorities', required: false },
    sources: { type: 'refs', refKind: 'source', schema: idList, label: 'ui:fields.sources', required: false },
  },
});
