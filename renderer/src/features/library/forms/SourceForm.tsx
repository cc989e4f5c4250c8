import { useTranslation } from 'react-i18next';
import type { SourceDoc } from '../../../../../shared/schemas/libraryDocument';
import { LocalizedField } from '../../../components/LocalizedField';
import { Field } from '../../../components/Field';
import { fieldHasProblem } from '../../../components/describeApiError';
import type { FormProps } from './FormProps';

/** An empty box means "not known": the optional facts are stored as null, never as "". */
const orNull = (value: string) => (value === '' ? null : value);

/**
 * A citation. The date and address are free text on purpose: a source may only know its year,
 * and a malformed address is refused by the save with a message, not silently by the browser.
 */
export function SourceForm({ record, onChange, problems }: FormProps<SourceDoc>) {
  const { t } = useTranslation();
  return (
    <>
      <LocalizedField name="title" label={t('ui:fields.title')} value={record.title} problems={problems}
        onChange={(v) => onChange({ ...record, title: v ?? {} })} />
      <Field label={t('ui:fields.issuer')} invalid={fieldHasProblem(problems, 'issuer')}>
        {(props) => (
          <input {...props} type="text" maxLength={1000} data-testid="field-issuer" value={record.issuer}
            onChange={(e) => onChange({ ...record, issuer: e.target.value })} />
        )}
      </Field>
      <div className="field-row">
        <Field label={t('ui:fields.place')} invalid={fieldHasProblem(problems, 'place')}>
          {(props) => (
            <input {...props} type="text" maxLength={1000} data-testid="field-place" value={record.place ?? ''}
              onChange={(e) => onChange({ ...record, place: orNull(e.target.value) })} />
          )}
        </Field>
        <Field label={t('ui:fields.date')} invalid={fieldHasProblem(problems, 'date')} hint={t('ui:editor.partialDateHint')}>
          {(props) => (
            <input {...props} type="text" inputMode="numeric" maxLength={10} placeholder="2025-11" data-testid="field-date"
              value={record.date ?? ''} onChange={(e) => onChange({ ...record, date: orNull(e.target.value.trim()) })} />
          )}
        </Field>
      </div>
      <Field label={t('ui:fields.url')} invalid={fieldHasProblem(problems, 'url')} hint={t('ui:editor.urlHint')}>
        {(props) => (
          <input {...props} type="text" inputMode="url" maxLength={1000} placeholder="https://" data-testid="field-url"
            value={record.url ?? ''} onChange={(e) => onChange({ ...record, url: orNull(e.target.value.trim()) })} />
        )}
      </Field>
    </>
  );
}
