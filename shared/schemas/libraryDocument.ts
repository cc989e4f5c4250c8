import { z } from 'zod';
import { INSTRUMENT_KINDS, PACK_ITEM_KINDS, PAPER_SIZES } from '../domain/pieceKinds';
import {
  LIMITS,
  countryCodeSchema,
  idList,
  isoDateSchema,
  longLocalized,
  partialDateSchema,
  pieceIdSchema,
  shortLocalized,
  watermarkLocalized,
  WATERMARK_MAX,
} from './common';
import { logoSchema } from './logoSchema';

/** The library exchange format; LIBRARY-FORMAT.md beside this file documents it. */
export const LIBRARY_FORMAT = 'briefing-library';
export const LIBRARY_FORMAT_VERSION = 1;

/** A web address to cite, never fetched: http or https with a host, so no script, file or mail link. */
const urlSchema = z
  .string()
  .max(LIMITS.shortText)
  .refine((s) => /^https?:\/\/[^\s/?#]+([/?#]\S*)?$/i.test(s), { error: 'badUrl' });

export const sourceDocSchema = z.strictObject({
  id: pieceIdSchema,
  title: shortLocalized,
  issuer: z.string().min(1).max(LIMITS.shortText),
  place: z.string().min(1).max(LIMITS.shortText).nullable(),
  date: partialDateSchema.nullable(),
  url: urlSchema.nullable(),
});

export const countryDocSchema = z.strictObject({
  code: countryCodeSchema,
  formalName: shortLocalized.nullable(),
  sources: idList,
});

export const networkDocSchema = z.strictObject({
  id: pieceIdSchema,
  name: shortLocalized,
  /** The name as it follows "of": "of the … Network", "du Réseau …", "de la Red …"; added later, so optional. */
  ofName: shortLocalized.nullable().default(null),
  acronym: shortLocalized.nullable(),
  members: z.array(countryCodeSchema),
  sources: idList,
});

export const meetingDocSchema = z
  .strictObject({
    id: pieceIdSchema,
    networkId: pieceIdSchema,
    title: shortLocalized,
    theme: shortLocalized.nullable(),
    place: shortLocalized,
    hostCountry: countryCodeSchema,
    /** The countries that took part (added in schema 4); older files have none: an empty list. */
    participants: z.array(countryCodeSchema).default([]),
    startDate: isoDateSchema,
    endDate: isoDateSchema,
    sources: idList,
  })
  .refine((m) => m.endDate >= m.startDate, { path: ['endDate'], error: 'endBeforeStart' });

export const priorityDocSchema = z.strictObject({
  id: pieceIdSchema,
  networkId: pieceIdSchema,
  number: z.number().int().min(1).max(999),
  title: shortLocalized,
  body: longLocalized,
  sources: idList,
});

export const instrumentDocSchema = z.strictObject({
  id: pieceIdSchema,
  kind: z.enum(INSTRUMENT_KINDS),
  shortName: shortLocalized,
  officialTitle: shortLocalized,
  yearAdopted: z.number().int().min(1800).max(2200).nullable(),
  adoptingBody: shortLocalized.nullable(),
  summary: longLocalized,
  parentId: pieceIdSchema.nullable(),
  priorities: idList,
  sources: idList,
});

export const noteDocSchema = z.strictObject({
  id: pieceIdSchema,
  countryCode: countryCodeSchema.nullable(),
  date: isoDateSchema,
  tags: z.array(z.string().regex(/^[\p{Ll}\p{N}][\p{Ll}\p{N}-]*$/u, { error: 'badTag' }).max(LIMITS.tag)),
  title: shortLocalized,
  body: longLocalized,
  instruments: idList,
  priorities: idList,
  sources: idList,
});

export const packItemDocSchema = z.strictObject({
  kind: z.enum(PACK_ITEM_KINDS),
  ref: z.string().min(2).max(64),
});

export const sectionDocSchema = z.strictObject({
  id: pieceIdSchema,
  title: shortLocalized,
  text: longLocalized.nullable(),
  items: z.array(packItemDocSchema),
});

export const packOptionsSchema = z.strictObject({
  cover: z.boolean(),
  toc: z.boolean(),
  sources: z.boolean(),
  /** Paragraphs numbered 1, 2, … the same in every edition; added later, so optional. */
  numberedParagraphs: z.boolean().default(false),
  /**
   * Files written before the watermark became a text of the pack in each language carry it here:
   * still read (the same text in every edition, see normalizePack), never written.
   */
  watermark: z.string().min(1).max(WATERMARK_MAX).nullable().optional(),
});

/** A pack's reference or symbol, as a secretariat numbers its papers: `PA/RPS/2025/1`. */
export const packReferenceSchema = z.string().trim().min(1).max(80);
/** Its version: `2`, `Rev. 1`. */
export const packVersionSchema = z.string().trim().min(1).max(40);

export const packDocSchema = z.strictObject({
  id: pieceIdSchema,
  slug: z.string().regex(/^[a-z0-9][a-z0-9-]{1,63}$/, { error: 'badSlug' }),
  meetingId: pieceIdSchema.nullable(),
  title: shortLocalized,
  subtitle: shortLocalized.nullable(),
  audience: shortLocalized.nullable(),
  classification: shortLocalized.nullable(),
  /** Drawn across every page of an edition, in its language (`DRAFT`, `PROJET`, `BORRADOR`). */
  watermark: watermarkLocalized.nullable().default(null),
  /** The document line of the cover and running header: reference, version, date of issue. */
  reference: packReferenceSchema.nullable().default(null),
  version: packVersionSchema.nullable().default(null),
  issued: isoDateSchema.nullable().default(null),
  /** A logo the user chose, stored in the library; never a path or an address to fetch. */
  logo: logoSchema.nullable().default(null),
  paper: z.enum(PAPER_SIZES),
  options: packOptionsSchema,
  sections: z.array(sectionDocSchema),
});

export const libraryDocumentSchema = z.strictObject({
  format: z.literal(LIBRARY_FORMAT),
  formatVersion: z.literal(LIBRARY_FORMAT_VERSION, { error: 'badFormatVersion' }),
  sources: z.array(sourceDocSchema),
  countries: z.array(countryDocSchema),
  networks: z.array(networkDocSchema),
  meetings: z.array(meetingDocSchema),
  priorities: z.array(priorityDocSchema),
  instruments: z.array(instrumentDocSchema),
  notes: z.array(noteDocSchema),
  packs: z.array(packDocSchema),
});

export type SourceDoc = z.infer<typeof sourceDocSchema>;
export type CountryDoc = z.infer<typeof countryDocSchema>;
export type NetworkDoc = z.infer<typeof networkDocSchema>;
export type MeetingDoc = z.infer<typeof meetingDocSchema>;
export type PriorityDoc = z.infer<typeof priorityDocSchema>;
export type InstrumentDoc = z.infer<typeof instrumentDocSchema>;
export type NoteDoc = z.infer<typeof noteDocSchema>;
export type PackItemDoc = z.infer<typeof packItemDocSchema>;
export type SectionDoc = z.infer<typeof sectionDocSchema>;
export type PackDoc = z.infer<typeof packDocSchema>;
export type LibraryDocument = z.infer<typeof libraryDocumentSchema>;

/** A valid document with no record: the base for a file of a few records. */
export function emptyLibraryDocument(): LibraryDocument {
  return {
    format: LIBRARY_FORMAT,
    formatVersion: LIBRARY_FORMAT_VERSION,
    sources: [],
    countries: [],
    networks: [],
    meetings: [],
    priorities: [],
    instruments: [],
    notes: [],
    packs: [],
  };
}

/** The arrays of a document, in the order they are written and applied. */
export const LIBRARY_COLLECTIONS = [
  'sources',
  'countries',
  'networks',
  'meetings',
  'priorities',
  'instruments',
  'notes',
  'packs',
] as const;
export type LibraryCollection = (typeof LIBRARY_COLLECTIONS)[number];
