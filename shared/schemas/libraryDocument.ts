import { z } from 'zod';
import { shapeOf } from '../descriptors/FieldSpec';
import { countryDescriptor } from '../descriptors/countryDescriptor';
import { instrumentDescriptor } from '../descriptors/instrumentDescriptor';
import { meetingDescriptor } from '../descriptors/meetingDescriptor';
import { networkDescriptor } from '../descriptors/networkDescriptor';
import { noteDescriptor } from '../descriptors/noteDescriptor';
import {
  packDescriptor,
  packItemDocSchema,
  packOptionsSchema,
  packReferenceSchema,
  packVersionSchema,
  sectionDocSchema,
} from '../descriptors/packDescriptor';
import { priorityDescriptor } from '../descriptors/priorityDescriptor';
import { sourceDescriptor } from '../descriptors/sourceDescriptor';

/** The library exchange format; LIBRARY-FORMAT.md beside this file documents it. */
export const LIBRARY_FORMAT = 'briefing-library';
export const LIBRARY_FORMAT_VERSION = 1;

/*
 * Each kind's check is made of its descriptor's field schemas (shared/descriptors), in the
 * descriptor's field order: adding a field there adds it here, to the exchange format.
 */
export const sourceDocSchema = z.strictObject(shapeOf(sourceDescriptor.fields));
export const countryDocSchema = z.strictObject(shapeOf(countryDescriptor.fields));
export const networkDocSchema = z.strictObject(shapeOf(networkDescriptor.fields));
export const meetingDocSchema = z
  .strictObject(shapeOf(meetingDescriptor.fields))
  .refine((m) => m.endDate >= m.startDate, { path: ['endDate'], error: 'endBeforeStart' });
export const priorityDocSchema = z.strictObject(shapeOf(priorityDescriptor.fields));
export const instrumentDocSchema = z.strictObject(shapeOf(instrumentDescriptor.fields));
export const noteDocSchema = z.strictObject(shapeOf(noteDescriptor.fields));
export { packItemDocSchema, packOptionsSchema, packReferenceSchema, packVersionSchema, sectionDocSchema };
export const packDocSchema = z.strictObject(shapeOf(packDescriptor.fields));

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

// In a file of its own (no zod), so the interface can name collections without loading zod.
export { LIBRARY_COLLECTIONS, type LibraryCollection } from './libraryCollections';
