import { z } from 'zod';
import { INSTRUMENT_KINDS } from '../domain/pieceKinds';
import { LIMITS, idList, longLocalized, pieceIdSchema, shortLocalized } from '../schemas/common';
import { defineKind } from './KindDescriptor';

export const instrumentDescriptor = defineKind({
  kind: 'instrument',
  collection: 'instruments',
  idField: 'id',
  titleField: 'shortName',
  label: 'ui:pieceKind.instrument',
  listColumns: ['kind', 'yearAdopted', 'officialTitle'],
  fields: {
    id: { type: 'id', schema: pieceIdSchema, label: 'ui:fields.id', required: true, hidden: true },
    kind: { type: 'enum', options: INSTRUMENT_KINDS, optionLabels: 'pdf:instrumentKind', schema: z.enum(INSTRUMENT_KINDS), label: 'ui:fields.instrumentKind', required: true },
    shortName: { type: 'localized', length: 'short', schema: shortLocalized, label: 'ui:fields.shortName', required: true, max: LIMITS.shortText },
    officialTitle: { type: 'localized', length: 'short', schema: shortLocalized, label: 'ui:fields.officialTitle', required: true, max: LIMITS.shortText },
    yearAdopted: { type: 'number', range: [1800, 2200], schema: z.number().int().min(1800).max(2200).nullable(), label: 'ui:fields.yearAdopted', required: false },
    adoptingBody: { type: 'localized', length: 'short', schema: shortLocalized.nullable(), label: 'ui:fields.adoptingBody', required: false, max: LIMITS.shortText },
    summary: { type: 'localized', length: 'long', schema: longLocalized, label: 'ui:fields.summary', required: true, max: LIMITS.longText },
    parentId: { type: 'ref', refKind: 'instrument', schema: pieceIdSchema.nullable(), label: 'ui:fields.parent', required: false },
    priorities: { type: 'refs', refKind: 'priority', schema: idList, label: 'ui:fields.priorities', required: false },
    sources: { type: 'refs', refKind: 'source', schema: idList, label: 'ui:fields.sources', required: false },
  },
});
