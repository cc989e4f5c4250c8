import { useTranslation } from 'react-i18next';
import type { CountryDoc } from '../../../../../shared/schemas/libraryDocument';
import { intlCountryName } from '../../../../../shared/domain/countryName';
import { LocalizedField } from '../../../components/LocalizedField';
import { CheckboxList } from '../../../components/CheckboxList';
import { useUiLocale } from '../../../components/useUiLocale';
import { fieldHasProblem } from '../../../components/describeApiError';
import type { FormProps } from './FormProps';

export function CountryForm({ record, onChange, problems, choices }: FormProps<CountryDoc>) {
  const { t } = useTranslation();
  const locale = useUiLocale();
  return (
    <>
      <p className="hint">
        {t('ui:editor.countryHint', { code: record.code, name: intlCountryName(record.code, locale) })}
      </p>
      <LocalizedField name="formalName" label={t('ui:fields.formalName')} value={record.formalName} problems={problems} nullable
        onChange={(v) => onChange({ ...record, formalName: v })} />
      <CheckboxList label={t('ui:fields.sources')} testId="sources" options={choices?.sources ?? []} selected={record.sources}
        invalid={fieldHasProblem(problems, 'sources')} onChange={(sources) => onChange({ ...record, sources })} />
    </>
  );
}
