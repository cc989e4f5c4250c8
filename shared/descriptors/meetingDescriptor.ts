import { z } from 'zod';
import { LIMITS, countryCodeSchema, idList, isoDateSchema, pieceIdSchema, shortLocalized } from '../schemas/common';
import { defineKind } from './KindDescriptor';

export const meetingDescriptor = defineKind({
  kind: 'meeting',
  collection: 'meetings',
  idField: 'id',
  titleField: 'title',
  label: 'ui:pieceKind.meeting',
  listColumns: ['startDate', 'endDate', 'place'],
  fields: {
    id: { type: 'id', schema: pieceIdSchema, label: 'ui:fields.id', required: true, hidden: true },
    networkId: { type: 'ref', refKind: 'network', schema: pieceIdSchema, label: 'ui:fields.network', required: true },
    title: { type: 'localized', length: 'short', schema: shortLocalized, label: 'ui:fields.title', required: true, max: LIMITS.shortText },
    theme: { type: 'localized', length: 'short', schema: shortLocalized.nullable(), label: 'ui:fields.theme', required: false, max: LIMITS.shortText },
    place: { type: 'localized', length: 'short', schema: shortLocalized, label: 'ui:fields.place', required: true, max: LIMITS.shortText },
    hostCountry: { type: 'ref', refKind: 'country', schema: countryCodeSchema, label: 'ui:fields.hostCountry', required: true },
    /** The countries that took part (added in schema 4); older files have none: an empty list. */
    participants: { type: 'refs', refKind: 'country', schema: z.array(countryCodeSchema).default([]), label: 'ui:fields.participants', required: false },
    startDate: { type: 'date', schema: isoDateSchema, label: 'ui:fields.startDate', required: true },
    endDate: { type: 'date', schema: isoDateSchema, label: 'ui:fields.endDate', required: true },
    sources: { type: 'refs', refKind: 'source', schema: idList, label: 'ui:fields.sources', required: false },
  },
});
