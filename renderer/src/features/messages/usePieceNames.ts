import { useMemo } from 'react';
import type { PieceName } from '../../../../shared/api/deleteTypes';
import { getApi } from '../../api/getApi';
import { useApiQuery } from '../../api/useApiQuery';
import { useUiLocale } from '../../components/useUiLocale';

/** Kind and title, in the interface language, of the pieces a message names by id. */
export function usePieceNames(ids: readonly string[]): Map<string, PieceName> {
  const locale = useUiLocale();
  const unique = useMemo(() => [...new Set(ids)].sort(), [ids]);
  const key = unique.length > 0 ? `names:${locale}:${unique.join(',')}` : null;
  const names = useApiQuery(key, () => getApi()['library.describePieces']({ ids: unique.slice(0, 10_000), locale }));
  return useMemo(() => new Map((names.data ?? []).map((n) => [n.id, n])), [names.data]);
}
