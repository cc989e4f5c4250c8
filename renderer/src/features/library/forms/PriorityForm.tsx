import { useTranslation } from 'react-i18next';
import type { PriorityDoc } from '../../../../../shared/schemas/libraryDocument';
import { LocalizedField } from '../../../components/LocalizedField';
import { CheckboxList } from '../../../components/CheckboxList';
import { Field } from '../../../components/Field';
import { fieldHasProblem } from '../../../components/describeApiError';
import type { FormProps } from './FormProps';

export function PriorityForm({ record, onChange, problems, choices }: FormProps<PriorityDoc>) {
  const { t } = useTranslation();
  return (
    <>
      <div className="field-row">
        <Field label={t('ui:fields.number')} invalid={fieldHasProblem(problems, 'number')}>
          {(props) => (
            <input
              {...props}
              type="number"
              min={1}
              max={999}
              data-testid="field-number"
              value={Number.isFinite(record.number) ? record.number : ''}
              onChange={(e) => onChange({ ...record, number: e.target.value === '' ? Number.NaN : Number(e.target.value) })}
            />
          )}
        </Field>
        <Field label={t('ui:fields.network')}>
          {(props) => <input {...props} type="text" readOnly value={record.networkId} data-testid="field-network" />}
        </Field>
      </div>
      <LocalizedField name="title" label={t('ui:fields.title')} value={record.title} problems={problems}
        onChange={(v) => onChange({ ...record, title: v ?? {} })} />
      <LocalizedField name="body" label={t('ui:fields.body')} value={record.body} problems={problems} multiline markdown
        onChange={(v) => onChange({ ...record, body: v ?? {} })} />
      <CheckboxList label={t('ui:fields.sources')} testId="sources" options={choices?.sources ?? []} selected={record.sources}
        invalid={fieldHasProblem(problems, 'sources')} onChange={(sources) => onChange({ ...record, sources })} />
    </>
  );
}
