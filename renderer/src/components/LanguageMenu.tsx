import { useTranslation } from 'react-i18next';
import { LOCALES, isLocale } from '../../../shared/domain/locales';
import { changeUiLanguage } from '../i18n';
import { layerUiOverrides } from '../uiOverrides';

/** The interface language, switched live; i18n.ts remembers it and updates <html lang>. */
export function LanguageMenu({ id = 'ui-language', testId = 'ui-language' }: { id?: string; testId?: string }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="language-menu">
      <label htmlFor={id}>{t('ui:header.language')}</label>
      <select
        id={id}
        data-testid={testId}
        value={i18n.resolvedLanguage ?? i18n.language}
        onChange={(e) => {
          if (isLocale(e.target.value)) void changeUiLanguage(i18n, e.target.value, (instance) => layerUiOverrides(instance, 800));
        }}
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {t(`ui:language.native.${l}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
