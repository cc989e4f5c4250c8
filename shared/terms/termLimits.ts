/** Lengths a termbase's fields may have (the terms table checks the same). */
export const TERM_LIMITS = { id: 64, term: 300, note: 2000, subject: 200, source: 500 } as const;
export const CONCEPT_ID = /^[A-Za-z0-9._-]{1,64}$/;
