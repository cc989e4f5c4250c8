import { useMemo } from 'react';
import type { Locale } from '../../../../shared/domain/locales';
import { TermIndex } from '../../../../shared/terms/TermIndex';
import type { TermContext } from '../../../../shared/translation/checkTerms';
import { getApi } from '../../api/getApi';
import { useApiQuery } from '../../api/useApiQuery';

/**
 * The termbase, indexed once, for the term checks of library texts (the app's own strings have
 * no terms). Until it has come, texts are checked without it; main checks again on approval.
 */
export function useTermContext(enabled: boolean, source: Locale, target: Locale): TermContext | undefined {
  const concepts = useApiQuery(enabled ? 'terms' : null, () => getApi()['terms.list']({}));
  const index = useMemo(() => (concepts.data ? new TermIndex(concepts.data) : null), [concepts.data]);
  return useMemo(() => (index && enabled ? { index, source, target } : undefined), [index, enabled, source, target]);
}
