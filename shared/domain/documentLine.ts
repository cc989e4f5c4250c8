import type { TFunction } from 'i18next';
import { formatDate } from './formatDates';
import type { Locale } from './locales';

/** A pack's document line, in one language: its reference, its version, its date of issue. */
export interface DocumentLine {
  reference: string | null;
  /** "Version 2", "Versión Rev. 1". */
  version: string | null;
  /** The pack's date, never the build's: "27 novembre 2025". */
  date: string | null;
}

/** The line as a secretariat numbers its papers, or null when the pack sets none of it. */
export function documentLine(
  t: TFunction,
  // Absent (a record from before these fields) is the same as null.
  pack: { reference?: string | null; version?: string | null; issued?: string | null },
  locale: Locale,
): DocumentLine | null {
  const { reference = null, version = null, issued = null } = pack;
  if (reference === null && version === null && issued === null) return null;
  return {
    reference,
    version: version === null ? null : t('pdf:version', { version }),
    date: issued === null ? null : formatDate(issued, locale),
  };
}

/** "PA/RPS/2025/1 · Version 2 · 27 November 2025". */
export function documentLineText(line: DocumentLine | null): string | null {
  if (!line) return null;
  return [line.reference, line.version, line.date].filter((part): part is string => part !== null).join(' · ');
}
