/** Namespaces and names shared by the writer and the reader, so both agree on where things are. */

export const XLIFF_NS = 'urn:oasis:names:tc:xliff:document:2.0';
export const MDA_NS = 'urn:oasis:names:tc:xliff:metadata:2.0';
export const GLS_NS = 'urn:oasis:names:tc:xliff:glossary:2.0';
export const MTC_NS = 'urn:oasis:names:tc:xliff:matches:2.0';
export const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/** The mda:metaGroup category and mda:meta type that carry the hash of the source text. */
export const META_GROUP_CATEGORY = 'briefing';
export const SOURCE_HASH_META = 'sourceHash';

/** Versions that use the 2.0 core namespace and read the same way (2.1 only adds modules). */
export const READABLE_VERSIONS: readonly string[] = ['2.0', '2.1'];
