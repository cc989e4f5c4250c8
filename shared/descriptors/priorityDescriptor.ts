import { z } from 'zod';
import { LIMITS, idList, longLocalized, pieceIdSchema, shortLocalized } from '../schemas/common';
import { defineKind } from './KindDescriptor';

export const priorityDescriptor = defineKind({
  kind: 'priority',
  collection: 'priorities',
  idField: 'id',
  titleField: 'title',
  label: 'ui:pieceKind.priority',
  listColumns: ['number'],
  fields: {
    id: { type: 'id', schema: pieceIdSchema, label: 'ui:fields.id', required: true, hidden: true },
    networkId: { type: 'ref', refKind: 'network', schema: pieceIdSchema, label: 'ui:fields.network', required: true },
    number: { type: 'number', range: [1, 999], schema: z.number().int().min(1).max(999), label: 'ui:fields.number', required: true, listLabel: 'pdf:priority' },
    title: { type: 'localized', length: 'short', schema: shortLocalized, label: 'ui:fields.title', required: true, max: LIMITS.shortText },
    body: { type: 'localized', length: 'long', schema: longLocalized, label: 'ui:fields.body', required: true, max: LIMITS.longText },
    sources: { type: 'refs', refKind: 'source', schema: idList, label: 'ui:fields.sources', required: false },
  },
});
