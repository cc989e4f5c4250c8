import { useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../../../shared/api/apiContract';
import type { LibrarySearchResult } from '../../../../shared/api/listTypes';
import type { Locale } from '../../../../shared/domain/locales';
import { getApi } from '../../api/getApi';
import { toApiError } from '../../api/ApiFailure';

/**
 * The header's search as the user types: no debounce (an answer takes a few milliseconds), but one
 * request at a time; keystrokes that come while one is out are folded into the next request, so
 * only the latest query is asked for and an older answer never replaces a newer one.
 */
export function useLibrarySearch(query: string, locale: Locale): { result: LibrarySearchResult | null; error: ApiError | null; busy: boolean } {
  const [result, setResult] = useState<LibrarySearchResult | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const inFlight = useRef(false);
  const wanted = useRef<{ query: string; locale: Locale }>({ query, locale });
  const alive = useRef(true);

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  useEffect(() => {
    wanted.current = { query: query.trim().slice(0, 500), locale };
    if (wanted.current.query === '') {
      setResult(null);
      setError(null);
      return;
    }
    if (inFlight.current) return;
    const ask = (asked: { query: string; locale: Locale }) => {
      inFlight.current = true;
      setBusy(true);
      getApi()
        ['library.searchAll'](asked)
        .then(
          (answer) => {
            if (!alive.current) return;
            const current = wanted.current;
            if (current.query === asked.query && current.locale === asked.locale) {
              if (answer.ok) {
                setResult(answer.value);
                setError(null);
              } else setError(answer.error);
            }
          },
          (caught: unknown) => {
            if (alive.current) setError(toApiError(caught));
          },
        )
        .finally(() => {
          inFlight.current = false;
          if (!alive.current) return;
          const next = wanted.current;
          if (next.query !== '' && (next.query !== asked.query || next.locale !== asked.locale)) ask(next);
          else setBusy(false);
        });
    };
    ask(wanted.current);
  }, [query, locale]);

  return { result, error, busy };
}
