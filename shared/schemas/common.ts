import { z } from 'zod';
import { LOCALES } from '../domain/locales';
import { TEXT_STATUSES } from '../domain/pieceKinds';
import { isCountryCode } from '../domain/countryCodes';

/** Limits named in error messages; chosen so a 30-page note fits and a runaway paste does not. */
export const LIMITS = {
  shortText: 1_000,
  longText: 200_000,
  importFileBytes: 32 * 1024 * 1024,
  tag: 64,
} as const;

export const localeSchema = z.enum(LOCALES);
export const pieceIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]{2,63}$/, { error: 'badId' });
export const countryCodeSchema = z
  .string()
  .refine(isCountryCode, { error: 'badCountryCode' });
export const isoDateSchema = z
  .string()
  .refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && isRealDate(s), { error: 'badDate' });
/** A citation may only know the year or the month. */
export const partialDateSchema = z
  .string()
  .refine(
    (s) =>
      /^\d{4}(-\d{2}(-\d{2})?)?$/.test(s) && isRealDate(s.length === 4 ? `${s}-01-01` : s.length === 7 ? `${s}-01` : s),
    { error: 'badPartialDate' },
  );
export const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, { error: 'badHash' });

function isRealDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function localizedTextSchema(max: number) {
  return z.strictObject({
    text: z.string().min(1).max(max),
    status: z.enum(TEXT_STATUSES),
    from: localeSchema.optional(),
    sourceHash: sha256Schema.optional(),
    /** Who approved this text and when; only on approved texts, kept as long as the text is. */
    approvedBy: z.string().trim().min(1).max(200).optional(),
    approvedAt: z.iso.datetime({ offset: true }).optional(),
  });
}

/** One text in up to three locales; a missing key is a missing translation. */
function localizedSchema(max: number) {
  return z
    .strictObject({
      en: localizedTextSchema(max).optional(),
      fr: localizedTextSchema(max).optional(),
      es: localizedTextSchema(max).optional(),
    })
    .superRefine((value, ctx) => {
      const present = LOCALES.filter((l) => value[l] !== undefined);
      if (present.length === 0) {
        ctx.addIssue({ code: 'custom', params: { key: 'noLocale' } });
      }
      for (const locale of present) {
        const entry = value[locale]!;
        if (entry.from === undefined) {
          if (entry.sourceHash !== undefined) {
            ctx.addIssue({ code: 'custom', path: [locale, 'sourceHash'], params: { key: 'hashWithoutFrom' } });
          }
          continue;
        }
        if (entry.from === locale) {
          ctx.addIssue({ code: 'custom', path: [locale, 'from'], params: { key: 'fromItself' } });
        } else if (value[entry.from] === undefined) {
          ctx.addIssue({
            code: 'custom',
            path: [locale, 'from'],
            params: { key: 'fromMissing', values: { locale: entry.from } },
          });
        }
      }
    });
}

export const shortLocalized = localizedSchema(LIMITS.shortText);
/** A watermark is drawn across the page: a few words. */
export const WATERMARK_MAX = 80;
export const watermarkLocalized = localizedSchema(WATERMARK_MAX);
export const longLocalized = localizedSchema(LIMITS.longText);
export type LocalizedDoc = z.infer<typeof shortLocalized>;
export type LocalizedTextDoc = NonNullable<LocalizedDoc['en']>;

export const idList = z.array(pieceIdSchema);
