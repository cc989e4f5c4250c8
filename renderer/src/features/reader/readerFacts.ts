import type { Locale } from '../../../../shared/domain/locales';
import type { PieceKind } from '../../../../shared/domain/pieceKinds';
import type { FieldType } from '../../../../shared/descriptors/FieldSpec';
import { fieldsOf, type NamedField } from '../../../../shared/descriptors/descriptors';
import { formatDate, formatDateRange } from '../../../../shared/domain/formatDates';
import type { ReadPiece } from '../../../../shared/api/readTypes';

type Translate = (key: string, values?: Record<string, unknown>) => string;

/** Untranslated facts the reading view lists; references are its links, a web address its own row. */
const FACT_TYPES: ReadonlySet<FieldType> = new Set(['code', 'text', 'number', 'date', 'partialDate', 'enum', 'tags']);

const isIsoDate = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v);

function shown(field: NamedField, value: string | number | string[], lang: Locale, t: Translate): string {
  if (Array.isArray(value)) return value.join(', ');
  const text = String(value);
  switch (field.type) {
    case 'enum':
      return field.optionLabels ? t(`${field.optionLabels}.${text}`) : text;
    case 'date':
      return formatDate(text, lang);
    case 'partialDate':
      // A citation may only know the year or the month: those are shown as written.
      return isIsoDate(text) ? formatDate(text, lang) : text;
    default:
      return text;
  }
}

/**
 * A piece's facts as the reading view lists them, [label, value], in its descriptor's field
 * order: a field the reader shows is one its kind declares (readPiece names facts after the
 * fields). A start and an end date are one range; a country's code is its identity, labelled so.
 */
export function readerFacts(kind: PieceKind, facts: ReadPiece['facts'], lang: Locale, t: Translate): [string, string][] {
  const fields = fieldsOf(kind).filter((f) => !f.hidden && FACT_TYPES.has(f.type));
  const names = new Set(fields.map((f) => f.name));
  const rows: [string, string][] = [];
  for (const field of fields) {
    const value = facts[field.name];
    if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    if (field.name === 'endDate' && names.has('startDate')) continue;
    if (field.name === 'startDate' && names.has('endDate')) {
      const end = facts.endDate;
      if (typeof value === 'string' && typeof end === 'string' && end !== '') rows.push([t('ui:reader.dates'), formatDateRange(value, end, lang)]);
      continue;
    }
    rows.push([t(field.type === 'code' ? 'ui:reader.code' : field.label), shown(field, value, lang, t)]);
  }
  return rows;
}
