import { useTranslation } from 'react-i18next';
import type { Choices } from '../../../../../shared/api/apiContract';
import { intlCountryName } from '../../../../../shared/domain/countryName';
import { useUiLocale } from '../../../components/useUiLocale';

/** A country of the library (or none), by name in the interface language. */
export function CountrySelect({
  value,
  onChange,
  choices,
  allowNone = false,
  testId,
  ...props
}: {
  value: string | null;
  onChange: (code: string | null) => void;
  choices: Choices | undefined;
  allowNone?: boolean;
  testId: string;
  id: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
  className?: string;
}) {
  const { t } = useTranslation();
  const locale = useUiLocale();
  const countries = choices?.countries ?? [];
  return (
    <select {...props} data-testid={testId} value={value ?? ''} onChange={(e) => onChange(e.target.value || null)}>
      {allowNone || value === null ? <option value="">{t('ui:editor.noCountry')}</option> : null}
      {countries.map((c) => (
        <option key={c.id} value={c.id}>{c.label}</option>
      ))}
      {value && !countries.some((c) => c.id === value) ? <option value={value}>{intlCountryName(value, locale)}</option> : null}
    </select>
  );
}
