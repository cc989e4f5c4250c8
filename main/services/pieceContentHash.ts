import { createHash } from 'node:crypto';
import { canonicalJson } from '../../shared/domain/canonicalJson';

/**
 * A piece's version identity: SHA-256 (hex) of its record in canonical JSON. The history stores it
 * with each version and a build manifest names the pieces it used by it, so a PDF can say which
 * version of each text it holds even when version numbers differ between two copies of a library.
 */
export function pieceContentHash(record: unknown): string {
  return createHash('sha256').update(canonicalJson(record)).digest('hex');
}
