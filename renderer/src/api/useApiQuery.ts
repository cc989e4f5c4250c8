import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError, ApiResult } from '../../../shared/api/apiContract';
import { toApiError } from './ApiFailure';

export interface Query<T> {
  data: T | undefined;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
}

const remembered = new Map<string, unknown>();
const MAX_REMEMBERED = 24;

/** After the whole library changed under the screens (a restore): no remembered answer is shown again. */
export function forgetRememberedAnswers(): void {
  remembered.clear();
}

/**
 * Calls the API when `key` changes and keeps the latest answer; answers to superseded calls
 * are dropped, so a slow reply never overwrites a newer one. With `remember`, the last answer
 * for a key is shown at once when the key comes back (a list tab reopened) while it reloads.
 */
export function useApiQuery<T>(
  key: string | null,
  call: () => Promise<ApiResult<T>>,
  options: { remember?: boolean } = {},
): Query<T> {
  const remember = options.remember ?? false;
  const [data, setData] = useState<T | undefined>(() => (remember && key !== null ? (remembered.get(key) as T | undefined) : undefined));
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(key !== null);
  const [generation, setGeneration] = useState(0);
  const latest = useRef(0);
  const callRef = useRef(call);
  callRef.current = call;

  useEffect(() => {
    if (key === null) return;
    const ticket = ++latest.current;
    if (remember && remembered.has(key)) setData(remembered.get(key) as T);
    setLoading(true);
    callRef
      .current()
      .then(
        (result) => {
          if (ticket !== latest.current) return;
          if (result.ok) {
            setData(result.value);
            setError(null);
            if (remember) {
              remembered.delete(key);
              remembered.set(key, result.value);
              if (remembered.size > MAX_REMEMBERED) remembered.delete(remembered.keys().next().value!);
            }
          } else setError(result.error);
        },
        (caught: unknown) => {
          if (ticket === latest.current) setError(toApiError(caught));
        },
      )
      .finally(() => {
        if (ticket === latest.current) setLoading(false);
      });
    // The key stands for every input: rerunning on each new object identity would refetch on every render.
  }, [key, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { data, error, loading, reload };
}
