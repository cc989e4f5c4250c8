import type { z } from 'zod';
import type { PieceKind } from '../domain/pieceKinds';

/** How a form edits a field, and what the generic readers (labels, references, units) do with it. */
export type FieldType =
  | 'id'
  | 'code'
  | 'localized'
  | 'text'
  | 'number'
  | 'date'
  | 'partialDate'
  | 'url'
  | 'enum'
  | 'ref'
  | 'refs'
  | 'tags'
  | 'slug'
  | 'options'
  | 'sections'
  | 'logo';

export interface FieldSpec<S extends z.ZodType = z.ZodType> {
  type: FieldType;
  /** The exchange format's check for this field; the kind's schema is made of these. */
  schema: S;
  /** Locale key of the label forms and messages show (`ui:fields.…`). */
  label: string;
  /** A form refuses to save without it (a nullable or list field is never required). */
  required: boolean;
  /** Localized fields: a one-line text or a Markdown body. */
  length?: 'short' | 'long';
  /** The longest text a form accepts, in characters. */
  max?: number;
  /** ref / refs: the kind referred to. */
  refKind?: PieceKind;
  /** enum: the values allowed, and the locale key prefix of their labels (`pdf:instrumentKind`). */
  options?: readonly string[];
  optionLabels?: string;
  /** number: the smallest and largest value allowed. */
  range?: readonly [number, number];
  /** In a list row: the locale key that shows the value (`pdf:priority`: "Priority 3"), given `{ number }`. */
  listLabel?: string;
  /** In a list row: the locale key shown when the field is empty (a note about no country). */
  listEmpty?: string;
  /** Locale key of a line the form shows under the field (what it is for, how it prints). */
  hint?: string;
  /** Not shown in the generic form (set by the app or edited elsewhere). */
  hidden?: boolean;
  /**
   * The field's canonical form when it is not the generic one of its type (a value moved from
   * where older files kept it, a nested object in key order). Gets the whole record.
   */
  normalize?: (value: unknown, record: Record<string, unknown>) => unknown;
}

export type FieldSpecs = Record<string, FieldSpec>;

/** The zod shape of a kind, typed field by field, from its specs. */
export type ShapeOf<F extends FieldSpecs> = { [K in keyof F]: F[K]['schema'] };

export function shapeOf<F extends FieldSpecs>(fields: F): ShapeOf<F> {
  return Object.fromEntries(Object.entries(fields).map(([name, spec]) => [name, spec.schema])) as ShapeOf<F>;
}
