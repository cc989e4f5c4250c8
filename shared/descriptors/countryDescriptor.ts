import { LIMITS, countryCodeSchema, idList, shortLocalized } from '../schemas/common';
import { countryName } from '../domain/countryName';
import { defineKind } from './KindDescriptor';

export const countryDescriptor = defineKind({
  kind: 'country',
  collection: 'countries',
  idField: 'code',
  titleField: 'formalName',
  // A formal name where a country has one in the locale, else Intl's name in it (never another language's).
  title: (code, formalName, locale) => countryName(code, locale, formalName),
  label: 'ui:pieceKind.country',
  listColumns: ['code'],
  fields: {
    code: { type: 'code', schema: countryCodeSchema, label: 'ui:fields.country', required: true },
    formalName: { type: 'localized', length: 'short', schema: shortLocalized.nullable(), label: 'ui:fields.formalName', required: false, max: LIMITS.shortText },
    sources: { type: 'refs', refKind: 'source', schema: idList, label: 'ui:fields.sources', required: false },
  },
});
