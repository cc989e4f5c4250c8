import { useTranslation } from 'react-i18next';
import type { MeetingDoc } from '../../../../../shared/schemas/libraryDocument';
import { LocalizedField } from '../../../components/LocalizedField';
import { CheckboxList } from '../../../components/CheckboxList';
import { Field } from '../../../components/Field';
import { fieldHasProblem } from '../../../components/describeApiError';
import { CountrySelect } from './CountrySelect';
import type { FormProps } from './FormProps';

export function MeetingForm({ record, onChange, problems, choices }: FormProps<MeetingDoc>) {
  const { t } = useTranslation();
  return (
    <>
      <div className="field-row">
        <Field label={t('ui:fields.startDate')} invalid={fieldHasProblem(problems, 'startDate')}>
          {(props) => (
            <input {...props} type="date" data-testid="field-startDate" value={record.startDate}
              onChange={(e) => onChange({ ...record, startDate: e.target.value })} />
          )}
        </Field>
        <Field label={t('ui:fields.endDate')} invalid={fieldHasProblem(problems, 'endDate')}>
          {(props) => (
            <input {...props} type="date" data-testid="field-endDate" value={record.endDate}
              onChange={(e) => onChange({ ...record, endDate: e.target.value })} />
          )}
        </Field>
        <Field label={t('ui:fields.hostCountry')} invalid={fieldHasProblem(problems, 'hostCountry')}>
          {(props) => (
            <CountrySelect {...props} testId="field-hostCountry" value={record.hostCountry} choices={choices}
              onChange={(code) => onChange({ ...record, hostCountry: code ?? record.hostCountry })} />
          )}
        </Field>
        <Field label={t('ui:fields.network')}>
          {(props) => <input {...props} type="text" readOnly value={record.networkId} data-testid="field-network" />}
        </Field>
      </div>
      <LocalizedField name="title" label={t('ui:fields.title')} value={record.title} problems={problems}
        onChange={(v) => onChange({ ...record, title: v ?? {} })} />
      <LocalizedField name="theme" label={t('ui:fields.theme')} value={record.theme} problems={problems} nullable
        onChange={(v) => onChange({ ...record, theme: v })} />
      <LocalizedField name="place" label={t('ui:fields.place')} value={record.place} problems={problems}
        onChange={(v) => onChange({ ...record, place: v ?? {} })} />
      <CheckboxList label={t('ui:fields.participants')} testId="participants" options={choices?.countries ?? []}
        selected={record.participants} invalid={fieldHasProblem(problems, 'participants')}
        onChange={(participants) => onChange({ ...record, participants })} />
      <CheckboxList label={t('ui:fields.sources')} testId="sources" options={choices?.sources ?? []} selected={record.sources}
        invalid={fieldHasProblem(problems, 'sources')} onChange={(sources) => onChange({ ...record, sources })} />
    </>
  );
}
