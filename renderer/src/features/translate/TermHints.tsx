import { useTranslation } from 'react-i18next';
import type { TermContext } from '../../../../shared/translation/checkTerms';

/**
 * The termbase's concepts the source names, each with the terms the translation should use:
 * what a translator looks up before typing, shown beside the text rather than after a refusal.
 */
export function TermHints({ source, target, terms }: { source: string; target: string; terms: TermContext }) {
  const { t } = useTranslation();
  const seen = new Set<string>();
  const hits = terms.index.find(source, terms.source).filter((h) => !seen.has(h.term.conceptId) && seen.add(h.term.conceptId));
  if (hits.length === 0) return null;
  const used = new Set(terms.index.find(target, terms.target).filter((h) => h.term.status !== 'forbidden').map((h) => h.term.conceptId));
  return (
    <div className="tr-terms" data-testid="tr-terms">
      <p className="tr-checks-title">{t('ui:translate.terms.title')}</p>
      <ul>
        {hits.map(({ term }) => {
          const expected = terms.index.expected(term.conceptId, terms.target);
          const ok = used.has(term.conceptId);
          return (
            <li key={term.conceptId} data-concept={term.conceptId} data-used={ok}>
              <span lang={terms.source}>{term.text}</span>
              {' → '}
              {expected.length > 0 ? (
                expected.map((e, i) => (
                  <span key={e}>
                    {i > 0 ? ' / ' : ''}
                    <span className="tr-term-expected" lang={terms.target}>
                      {e}
                    </span>
                  </span>
                ))
              ) : (
                <span className="hint">{t('ui:translate.terms.noTerm')}</span>
              )}
              {ok ? <span className="tr-term-ok">{` ✓ ${t('ui:translate.terms.used')}`}</span> : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
