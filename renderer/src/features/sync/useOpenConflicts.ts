import { useEffect } from 'react';
import { getApi } from '../../api/getApi';
import { useApiQuery } from '../../api/useApiQuery';
import { useUiLocale } from '../../components/useUiLocale';
import { onSyncChanged } from './syncEvents';

/** The library's open sync conflicts (titles in the interface language), read again after every sync or resolution. */
export function useOpenConflicts() {
  const locale = useUiLocale();
  const query = useApiQuery(`sync.conflicts:${locale}`, () => getApi()['sync.conflicts']({ locale }));
  const { reload } = query;
  useEffect(() => onSyncChanged(reload), [reload]);
  return query;
}
