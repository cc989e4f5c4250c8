import { z } from 'zod';
import { LIMITS, countryCodeSchema, idList, pieceIdSchema, shortLocalized } from '../schemas/common';
import { defineKind } from './KindDescriptor';

export const networkDescriptor = defineKind({
  kind: 'network',
  collection: 'networks',
  idField: 'id',
  titleField: 'name',
  label: 'ui:pieceKind.network',
  listColumns: ['acronym', 'members'],
  fields: {
    id: { type: 'id', schema: pieceIdSchema, label: 'ui:fields.id', required: true, hidden: true },
    name: { type: 'localized', length: 'short', schema: shortLocalized, label: 'ui:fields.name', required: true, max: LIMITS.shortText },
    /** The name as it follows "of": "of the … Network", "du Réseau …", "de la Red …"; added later, so optional. */
    ofName: { type: 'localized', length: 'short', schema: shortLocalized.nullable().default(null), label: 'ui:fields.ofName', required: false, max: LIMITS.shortText },
    acronym: { type: 'localized', length: 'short', schema: shortLocalized.nullable(), label: 'ui:fields.acronym', required: false, max: LIMITS.shortText },
    members: { type: 'refs', refKind: 'country', schema: z.array(countryCodeSchema), label: 'ui:fields.members', required: false },
    sources: { type: 'refs', refKind: 'source', schema: idList, label: 'ui:fields.sources', required: false },
  },
});
