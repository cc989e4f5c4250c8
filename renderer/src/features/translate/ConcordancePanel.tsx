import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../../shared/domain/locales';
import { getApi } from '../../api/getApi';
import { useApiQuery } from '../../api/useApiQuery';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useDebouncedValue } from '../../components/useDebouncedValue';
import { matchOrigin } from './matchOrigin';

/** Concordance: how a word or phrase was translated before, across all approved paragraph pairs. */
export function ConcordancePanel({ source, target }: { source: Locale; target: Locale }) {
  const { t } = useTranslation();
  const id = useId();
  const [phrase, setPhrase] = useState('');
  const wanted = useDebouncedValue(phrase.trim(), 250);
  const result = useApiQuery(wanted === '' ? null : `concordance|${source}|${target}|${wanted}`, () =>
    getApi()['memory.concordance']({ phrase: wanted, source, target }),
  );
  const pairs = wanted === '' ? [] : (result.data?.pairs ?? []);
  return (
    <section className="card tr-concordance" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('ui:translate.concordance.title')}</h3>
      <label htmlFor={`${id}-phrase`}>{t('ui:translate.concordance.label')}</label>
      <input id={`${id}-phrase`} type="search" data-testid="tr-concordance" value={phrase} onChange={(e) => setPhrase(e.target.value)} />
      <ErrorAlert error={result.error} testId="tr-concordance-error" />
      {wanted !== '' && result.data ? (
        <p className="hint" role="status" data-testid="tr-concordance-count">
          {result.data.truncated ? t('ui:translate.concordance.truncated', { count: pairs.length }) : t('ui:translate.concordance.count', { count: pairs.length })}
        </p>
      ) : null}
      {pairs.length > 0 ? (
        <ul className="tr-concordance-list">
          {pairs.map((p, i) => (
            <li key={i} data-testid="tr-concordance-pair">
              <p lang={source}>{p.source}</p>
              <p lang={target} className="tr-memory-target">
                {p.target}
              </p>
              <p className="hint">{matchOrigin(t, p)}</p>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
