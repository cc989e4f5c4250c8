import { useEffect, useState } from 'react';
import { getApi } from '../../api/getApi';
import { useDebouncedValue } from '../../components/useDebouncedValue';

/** Shorter queries match too much to be worth a round trip; the excerpts already answer them. */
const MIN_CHARS = 3;

/**
 * The library fields whose whole text matches the search box (`pieceId|field`), from the server's
 * full-text index: the list holds only excerpts, so a word deep in a long body is found here.
 * Null while there is nothing to ask or no answer yet; the list then filters on excerpts alone.
 */
export function useDeepMatches(search: string, enabled: boolean): Set<string> | null {
  const query = useDebouncedValue(enabled ? search.trim() : '', 250);
  const [matches, setMatches] = useState<{ query: string; keys: Set<string> } | null>(null);
  useEffect(() => {
    if (query.length < MIN_CHARS) return;
    let current = true;
    void getApi()['translation.search']({ query }).then((result) => {
      if (current && result.ok) setMatches({ query, keys: new Set(result.value.keys.map((k) => k.replace('\u0000', '|'))) });
    });
    return () => {
      current = false;
    };
  }, [query]);
  // An answer for an older query is not shown against a newer one.
  return matches && matches.query === query && enabled && search.trim() === query ? matches.keys : null;
}
