import { useTranslation } from 'react-i18next';
import type { TranslationCheck } from '../../../../shared/translation/checkTranslation';

/** The checks a translation is held to, run as the translator types. */
export function CheckList({ id, checks }: { id: string; checks: readonly TranslationCheck[] }) {
  const { t } = useTranslation();
  return (
    <div id={id} className={`tr-checks ${checks.length > 0 ? 'tr-checks-failing' : ''}`} data-testid="tr-checks" data-count={checks.length}>
      <p className="tr-checks-title">{t('ui:translate.checks.title')}</p>
      {checks.length === 0 ? (
        <p className="tr-check-ok">
          <span aria-hidden="true">✓ </span>
          {t('ui:translate.checks.pass')}
        </p>
      ) : (
        <ul>
          {checks.map((check, i) => (
            // Term checks come several of one key, one per term.
            <li key={`${check.key}-${i}`} data-check={check.key}>
              <span aria-hidden="true">⚠ </span>
              {t(`common:checks.${check.key}`, check.values)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
