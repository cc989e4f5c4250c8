import { z } from 'zod';
import { localeSchema } from '../schemas/common';
import { TEXT_STATUSES } from '../domain/pieceKinds';
import { TERM_STATUSES } from './termTypes';
import { CONCEPT_ID, TERM_LIMITS } from './termLimits';

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .transform((v) => (v === '' ? null : v));

/** A concept as the Terminology screen sends it: approval stamps are main's to set. */
export const conceptInputSchema = z.strictObject({
  id: z.string().regex(CONCEPT_ID, { error: 'badValue' }),
  subject: optionalText(TERM_LIMITS.subject),
  note: optionalText(TERM_LIMITS.note),
  source: optionalText(TERM_LIMITS.source),
  terms: z
    .array(
      z.strictObject({
        locale: localeSchema,
        text: z.string().transform((v) => v.replace(/\s+/g, ' ').trim()).pipe(z.string().min(1).max(TERM_LIMITS.term)),
        status: z.enum(TERM_STATUSES),
        note: optionalText(TERM_LIMITS.note),
        approval: z.enum(TEXT_STATUSES),
      }),
    )
    .min(1)
    .max(200),
});
export type ConceptInput = z.output<typeof conceptInputSchema>;
