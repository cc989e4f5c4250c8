import type { TermStatus } from '../../shared/terms/termTypes';

/** TBX v3 (ISO 30042:2019) core namespace. */
export const TBX_NS = 'urn:iso:std:iso:30042:ed-2';

/** administrativeStatus values (TBX-Basic), and the older normativeAuthorization ones. */
export const STATUS_OF_VALUE: Record<string, TermStatus> = {
  'preferredTerm-admn-sts': 'preferred',
  'admittedTerm-admn-sts': 'admitted',
  'deprecatedTerm-admn-sts': 'forbidden',
  'supersededTerm-admn-sts': 'forbidden',
  preferredTerm: 'preferred',
  admittedTerm: 'admitted',
  deprecatedTerm: 'forbidden',
  supersededTerm: 'forbidden',
  // normativeAuthorization (ISO 12620) also marks terms a standard, a law or a regulation sets.
  standardizedTerm: 'preferred',
  legalTerm: 'preferred',
  regulatedTerm: 'preferred',
};

export const VALUE_OF_STATUS: Record<TermStatus, string> = {
  preferred: 'preferredTerm-admn-sts',
  admitted: 'admittedTerm-admn-sts',
  forbidden: 'deprecatedTerm-admn-sts',
};

/**
 * The names of TBX v3 and of the TBX v2 (`martif`) files older tools still write, by role:
 * the reader takes either, the writer writes v3.
 */
export const TBX_V3 = { root: 'tbx', concept: 'conceptEntry', language: 'langSec', term: ['termSec'] } as const;
export const TBX_V2 = { root: 'martif', concept: 'termEntry', language: 'langSet', term: ['tig', 'ntig'] } as const;
