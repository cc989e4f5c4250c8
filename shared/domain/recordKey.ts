/** A record's key in the library: a country's is its code, every other piece's its id. */
export const recordKey = (record: object): string =>
  'code' in record ? String((record as { code: string }).code) : String((record as { id: string }).id);
