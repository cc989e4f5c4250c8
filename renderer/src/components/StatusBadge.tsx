import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../shared/domain/locales';
import type { TranslationState } from '../../../shared/domain/translationState';

const ICONS: Record<TranslationState, string> = { approved: '✓', draft: '✎', stale: '⚠', missing: '∅' };

/** One language's state: a coloured code and icon, with the full words for assistive technology. */
export function StatusBadge({ locale, state }: { locale: Locale; state: TranslationState }) {
  const { t } = useTranslation();
  const label = t('ui:status.inLanguage', { language: t(`ui:language.${locale}`), status: t(`ui:status.${state}`) });
  return (
    <span className={`badge badge-${state}`} title={label} data-state={state} data-locale={locale}>
      <span aria-hidden="true">
        {locale.toUpperCase()} {ICONS[state]}
      </span>
      <span className="sr-only">{label}</span>
    </span>
  );
}

export function StatusBadges({ states }: { states: Record<Locale, TranslationState> }) {
  return (
    <span className="badges">
      <StatusBadge locale="en" state={states.en} />
      <StatusBadge locale="fr" state={states.fr} />
      <StatusBadge locale="es" state={states.es} />
    </span>
  );
}
