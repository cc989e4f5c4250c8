import { useMemo } from 'react';
import type { PieceName } from '../../../../shared/api/deleteTypes';
import { getApi } from '../../api/getApi';
import { useApiQuery } from '../../api/useApiQuery';
import { useUiLocale } from '../../components/useUiLocale';

/** The names of a message's pieces; `ready` is false while they are still being looked up. */
export interface PieceNames {
  get(id: string): PieceName | undefined;
  ready: boolean;
}

/** Kind and title, in the interface language, of the pieces a message names by id. */
export function usePieceNames(ids: readonly string[]): PieceNames {
  const locale = useUiLocale();
  const unique = useMemo(() => [...new Set(ids)].sort(), [ids]);
  const key = unique.length > 0 ? `names:${locale}:${unique.join(',')}` : null;
  const names = useApiQuery(key, () => getApi()['library.describePieces']({ ids: unique.slice(0, 10_000), locale }));
  return useMemo(() => {
    const byId = new Map((names.data ?? []).map((n) => [n.id, n]));
    // Until the answer comes, a piece is not yet named, not gone from the library.
    return { get: (id: string) => byId.get(id), ready: key === null || names.data !== undefined || names.error !== null };
  }, [names.data, names.error, key]);
}
